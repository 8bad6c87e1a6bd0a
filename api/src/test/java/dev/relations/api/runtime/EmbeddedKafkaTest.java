package dev.relations.api.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    private static final String TOPIC = "embedded-kafka-test";

    @TempDir
    Path tempDir;

    @Test
    void keepsTopicsAndCommittedRecordsAcrossRestart() throws Exception {
        Path logDir = tempDir.resolve("kafka");
        int port = freePort();
        String clusterId;
        int firstControllerPort;

        long began = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, port)) {
            long startMs = elapsedMs(began);
            System.out.printf("embedded Kafka first start (format + start): %d ms%n", startMs);
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            assertThat(logDir.resolve("meta.properties")).exists();
            clusterId = kafka.clusterId();
            firstControllerPort = kafka.controllerPort();

            try (Admin admin = admin(kafka)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
                assertThat(partitions(admin, TOPIC)).isEqualTo(6);
                assertThatThrownBy(() -> admin.describeTopics(Set.of("never-created")).allTopicNames().get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
            }

            try (KafkaProducer<String, String> producer = transactionalProducer(kafka)) {
                producer.initTransactions();
                producer.beginTransaction();
                for (int i = 0; i < 12; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "k" + i, "committed-" + i));
                }
                producer.commitTransaction();

                producer.beginTransaction();
                producer.send(new ProducerRecord<>(TOPIC, "k-aborted", "aborted"));
                producer.flush();
                producer.abortTransaction();
            }

            assertThat(readCommitted(kafka, 12)).containsExactlyInAnyOrderElementsOf(expectedValues());
        }

        began = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, port)) {
            System.out.printf("embedded Kafka restart on existing log dir: %d ms (controller port %d -> %d)%n",
                    elapsedMs(began), firstControllerPort, kafka.controllerPort());
            assertThat(kafka.clusterId()).isEqualTo(clusterId);
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            try (Admin admin = admin(kafka)) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(TOPIC);
                assertThat(partitions(admin, TOPIC)).isEqualTo(6);
            }
            assertThat(readCommitted(kafka, 12)).containsExactlyInAnyOrderElementsOf(expectedValues());

            // Transactions still work after the restart (the transaction state log was reloaded).
            try (KafkaProducer<String, String> producer = transactionalProducer(kafka)) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(TOPIC, "k-after", "after-restart"));
                producer.commitTransaction();
            }
            List<String> expected = new ArrayList<>(expectedValues());
            expected.add("after-restart");
            assertThat(readCommitted(kafka, 13)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void closeIsIdempotentAndFreesThePort() throws Exception {
        Path logDir = tempDir.resolve("idempotent");
        EmbeddedKafka kafka = EmbeddedKafka.start(logDir);
        int port = kafka.brokerPort();
        kafka.close();
        kafka.close();
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void failsClearlyWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedKafka.start(tempDir.resolve("taken"), taken.getLocalPort(),
                    Map.of(), Duration.ofSeconds(20)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void runsAnExactlyOnceStreamsApp() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(tempDir.resolve("streams"))) {
            String input = "eos-in";
            String output = "eos-out";
            try (Admin admin = admin(kafka)) {
                admin.createTopics(List.of(new NewTopic(input, 6, (short) 1), new NewTopic(output, 6, (short) 1)))
                        .all().get(30, TimeUnit.SECONDS);
            }
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                    .groupByKey()
                    .count(Materialized.as("counts"))
                    .toStream()
                    .mapValues(count -> Long.toString(count))
                    .to(output, Produced.with(Serdes.String(), Serdes.String()));
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "eos-app");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            props.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, "classic");
            props.put(StreamsConfig.STATE_DIR_CONFIG, tempDir.resolve("streams-state").toString());
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 20);
            props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
            props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
            long began = System.nanoTime();
            try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
                CountDownLatch running = new CountDownLatch(1);
                streams.setStateListener((now, before) -> {
                    if (now == KafkaStreams.State.RUNNING) {
                        running.countDown();
                    }
                });
                streams.start();
                assertThat(running.await(60, TimeUnit.SECONDS)).as("streams reached RUNNING").isTrue();
                System.out.printf("streams app (exactly_once_v2) RUNNING after %d ms%n", elapsedMs(began));
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new StringSerializer(), new StringSerializer())) {
                    for (int i = 0; i < 3; i++) {
                        producer.send(new ProducerRecord<>(input, "a", "x"));
                    }
                    producer.send(new ProducerRecord<>(input, "b", "x"));
                }
                Map<String, String> latest = new HashMap<>();
                readCommitted(kafka, output, record -> {
                    latest.put(record.key(), record.value());
                    return latest.equals(Map.of("a", "3", "b", "1"));
                });
                assertThat(latest).containsExactlyInAnyOrderEntriesOf(Map.of("a", "3", "b", "1"));
                System.out.printf("streams app output committed after %d ms%n", elapsedMs(began));
            }
        }
    }

    private static List<String> expectedValues() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            values.add("committed-" + i);
        }
        return values;
    }

    private static Admin admin(EmbeddedKafka kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static int partitions(Admin admin, String topic) throws Exception {
        TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames()
                .get(30, TimeUnit.SECONDS).get(topic);
        return description.partitions().size();
    }

    private static KafkaProducer<String, String> transactionalProducer(EmbeddedKafka kafka) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-kafka-test-" + UUID.randomUUID(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    /** Reads the whole topic as read_committed until {@code expected} records arrived, then a little longer. */
    private static List<String> readCommitted(EmbeddedKafka kafka, int expected) {
        List<String> values = new ArrayList<>();
        readCommitted(kafka, TOPIC, record -> {
            values.add(record.value());
            return values.size() >= expected;
        });
        return values;
    }

    /** Reads {@code topic} as read_committed until {@code done} says so, then 500 ms more, or 30 s at most. */
    private static List<ConsumerRecord<String, String>> readCommitted(
            EmbeddedKafka kafka, String topic, Predicate<ConsumerRecord<String, String>> done) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "embedded-kafka-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                    if (done.test(record) && quietUntil == Long.MAX_VALUE) {
                        quietUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
                    }
                }
            }
        }
        return records;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long elapsedMs(long sinceNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos);
    }
}
