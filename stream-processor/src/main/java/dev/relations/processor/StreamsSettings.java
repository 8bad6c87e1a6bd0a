package dev.relations.processor;

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
        props.put(StreamsConfig.POLL_MS_CONFIG, 5);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 500);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 5);
        // A crashed instance's partitions move after 10 s instead of the default 45 s.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
        return props;
    }
}
