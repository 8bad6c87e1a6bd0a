package dev.relations.engine;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Properties;

/**
 * Streams configuration. Exactly-once v2 with a short commit interval: verdicts become
 * visible to read_committed readers only at commit, so the interval is the write latency
 * floor (defaults are ~15x slower on these machines).
 */
public final class StreamsSettings {
    private StreamsSettings() {
    }

    /** Default commit interval: the write latency floor per step of a chain. */
    public static final int COMMIT_INTERVAL_MS = 10;
    private static final String OVERRIDE_PREFIX = "kafka.streams.";
    /** How long a read_committed fetch waits at the broker for records (Streams and the verdict listener). */
    public static final int FETCH_MAX_WAIT_MS = 5;

    /**
     * An unreadable command goes to the dead-letter topic and its partition moves on; a verdict
     * or dead letter the producer cannot send is dropped (logged) rather than failing the thread.
     */
    public static Properties errorHandling(String applicationId) {
        var props = new Properties();
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, UnreadableCommands.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, LostOutputs.class);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, new Topics(applicationId).deadLetters());
        return props;
    }

    public static Properties of(String applicationId, String bootstrapServers, String stateDir,
                                String applicationServer, int replicationFactor, int standbyReplicas) {
        return of(applicationId, bootstrapServers, stateDir, applicationServer, replicationFactor, standbyReplicas, COMMIT_INTERVAL_MS);
    }

    public static Properties of(String applicationId, String bootstrapServers, String stateDir,
                                String applicationServer, int replicationFactor, int standbyReplicas, int commitIntervalMs) {
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        // A waiting read_committed fetch is not completed when a commit makes records visible, so
        // its wait adds to every step that is not CPU-bound. Measured in one run (README): 50 ms
        // waits gave 543 contact adds/s and 356 member adds/s, 5 ms waits 727 and 1,144, at the
        // price of an idle service polling (29 % of a core instead of 10 %).
        props.put(StreamsConfig.POLL_MS_CONFIG, 5);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 500);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), FETCH_MAX_WAIT_MS);
        // Static membership, one id per instance (its application.server is unique in a
        // deployment): an instance restarted after kill -9 takes its old members' places at once.
        // Without it the group coordinator, reloaded after a crash of the embedded broker, kept
        // the dead members through the whole rebalance timeout: 300 s at 1,000,000 edges (README).
        props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId(applicationId, applicationServer));
        // The rebalance timeout: a member that neither rejoins nor expires holds a rebalance this
        // long (Streams' default is 300 s). Restoring runs on its own thread, so polls stay frequent.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG), 30_000);
        // Below that timeout, so a blocked call returns to the poll loop before the member is
        // dropped: with the default 60 s, a committed-offset fetch held by an open transaction
        // outlived the 30 s poll interval, the member was dropped and the task moved between the
        // two stream threads over and over. Streams retries a timed-out task within task.timeout.ms.
        // (The open transaction itself, one whose marker the broker skipped, is closed at start:
        // HangingTransactions in the API module.)
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG), 15_000);
        // A crashed instance's partitions move after 10 s instead of the default 45 s.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
        // KIP-892: a crash under exactly-once keeps local state instead of wiping and restoring it.
        props.put(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, true);
        // Reads never show a write that a later abort takes back.
        props.put(StreamsConfig.DEFAULT_INTERACTIVE_QUERY_ISOLATION_LEVEL_CONFIG, "READ_COMMITTED");
        props.putAll(errorHandling(applicationId));
        // Off-heap memory of every store together stays within one budget.
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        props.put(BoundedRocksDbMemory.BUDGET_CONFIG, BoundedRocksDbMemory.DEFAULT_BUDGET);
        // Operators (and measurements) may override any Streams setting: -Dkafka.streams.<name>=<value>.
        System.getProperties().forEach((name, value) -> {
            if (name.toString().startsWith(OVERRIDE_PREFIX)) {
                props.put(name.toString().substring(OVERRIDE_PREFIX.length()), value);
            }
        });
        return props;
    }

    /** A group.instance.id ([a-zA-Z0-9._-]) naming this instance of the application. */
    public static String instanceId(String applicationId, String applicationServer) {
        return (applicationId + "-" + applicationServer).replaceAll("[^a-zA-Z0-9._-]", "-");
    }
}
