package dev.relations.benchmark;

import dev.relations.engine.StreamsSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The floor the service is compared with: the same request-reply pattern through a bare
 * Kafka Streams app on the same broker, with the service's Streams settings. A request
 * (key = user id, value = correlation id) does one read and one write in a persistent
 * store and produces a reply; the client side mirrors the service's command bus
 * (idempotent producer, linger 0; read_committed consumer on every reply partition).
 */
final class BarePipelineScenario implements Scenario {
    private static final int PARTITIONS = 6;
    private static final int USERS = 10_000;
    private static final String STORE = "counts";

    private final String bootstrapServers;
    private final Duration timeout;
    private final String prefix;
    private final String requests;
    private final String replies;
    private final Map<String, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    private Path stateDir;
    private KafkaStreams streams;
    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> consumer;
    private Thread listener;
    private volatile boolean listening = true;
    private boolean closed;

    BarePipelineScenario(String bootstrapServers, String runPrefix, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
        this.prefix = runPrefix + "-bare";
        this.requests = prefix + "-requests";
        this.replies = prefix + "-replies";
    }

    @Override
    public String name() {
        return "bare";
    }

    @Override
    public void prepare() throws Exception {
        System.out.printf("  creating topics %s, %s (%d partitions) and starting Streams app %s%n",
                requests, replies, PARTITIONS, prefix);
        try (var admin = admin()) {
            admin.createTopics(List.of(new NewTopic(requests, PARTITIONS, (short) 1), new NewTopic(replies, PARTITIONS, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        stateDir = Files.createTempDirectory("relations-bench-streams");
        var props = StreamsSettings.of(prefix, bootstrapServers, stateDir.toString(), "", 1, 0);
        streams = new KafkaStreams(topology(), props);
        streams.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing() && streams.state() != KafkaStreams.State.CREATED) {
                throw new IllegalStateException("bare Streams app did not reach RUNNING: " + streams.state());
            }
            Thread.sleep(50);
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.CLIENT_ID_CONFIG, prefix + "-requester"),
                new StringSerializer(), new StringSerializer());
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                ConsumerConfig.CLIENT_ID_CONFIG, prefix + "-replier"),
                new StringDeserializer(), new StringDeserializer());
        var partitions = consumer.partitionsFor(replies, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve positions before the first request so no reply can be skipped.
        partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
        listener = Thread.ofPlatform().name("bare-replies").daemon(true).start(this::listen);
    }

    private Topology topology() {
        var builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.Long()));
        builder.stream(requests, Consumed.with(Serdes.String(), Serdes.String()))
                .process(CountingProcessor::new, STORE)
                .to(replies, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    /** One read and one write per request, like the smallest possible decide/evolve step. */
    private static final class CountingProcessor implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;
        private KeyValueStore<String, Long> store;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
            this.store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, String> request) {
            Long count = store.get(request.key());
            long next = count == null ? 1 : count + 1;
            store.put(request.key(), next);
            context.forward(request.withValue(request.value() + ":" + next));
        }
    }

    @Override
    public OpResult execute(int client) throws Exception {
        var correlationId = client + "-" + sequence.getAndIncrement();
        var reply = new CompletableFuture<String>();
        waiting.put(correlationId, reply);
        try {
            var user = "user-" + ThreadLocalRandom.current().nextInt(USERS);
            producer.send(new ProducerRecord<>(requests, user, correlationId), (metadata, error) -> {
                if (error != null) {
                    reply.completeExceptionally(error);
                }
            });
            reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return OpResult.OK;
        } finally {
            waiting.remove(correlationId);
        }
    }

    private void listen() {
        try {
            while (listening) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    var value = record.value();
                    int colon = value.lastIndexOf(':');
                    var waiter = waiting.get(colon < 0 ? value : value.substring(0, colon));
                    if (waiter != null) {
                        waiter.complete(value);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        listening = false;
        if (listener != null) {
            consumer.wakeup();
            listener.join(10_000);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (streams != null) {
            // Leave the group on close, or it stays non-empty (and undeletable) until the session times out.
            streams.close(CloseOptions.timeout(Duration.ofSeconds(15))
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        }
        try (var admin = admin()) {
            // Includes the store's changelog topic, which Streams created as <prefix>-counts-changelog.
            var ours = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(prefix + "-"))
                    .toList();
            if (!ours.isEmpty()) {
                admin.deleteTopics(ours).all().get(30, TimeUnit.SECONDS);
            }
            System.out.printf("  bare pipeline cleaned up: deleted topics %s%n", ours);
            try {
                admin.deleteConsumerGroups(List.of(prefix)).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                System.out.printf("  could not delete consumer group %s: %s%n", prefix, e.getCause().getMessage());
            }
        }
        if (stateDir != null) {
            deleteRecursively(stateDir);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
