package dev.relations.api.runtime;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.requests.TransactionResult;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction whose coordinator skipped the marker of a leaderless partition (Kafka takes such a
 * partition for deleted) is the state a single-node restart after kill -9 can leave: made here on
 * purpose with three nodes, by taking away the only replica of one partition of a transaction
 * before it commits.
 */
class HangingTransactionsTest {
    private static LocalKafkaCluster cluster;
    private static Admin admin;

    @BeforeAll
    static void start() throws Exception {
        cluster = LocalKafkaCluster.start(Files.createTempDirectory("relations-hanging"), 3, 0);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    @AfterAll
    static void stop() {
        admin.close();
        cluster.close();
    }

    @Test
    void committed_transactions_whose_markers_were_skipped_are_committed_and_one_in_progress_is_left_alone() throws Exception {
        admin.createTopics(List.of(new NewTopic("shared", 1, (short) 3))).all().get();
        try (var committed = producer("skipped-marker"); var alsoCommitted = producer("skipped-marker-too");
             var inProgress = producer("in-progress")) {
            var coordinators = Set.of(coordinatorOf("skipped-marker"), coordinatorOf("skipped-marker-too"));
            int lonely = IntStream.rangeClosed(1, 3).filter(id -> !coordinators.contains(id)).findFirst().orElseThrow();
            admin.createTopics(List.of(new NewTopic("lonely", Map.of(0, List.of(lonely))))).all().get();

            committed.beginTransaction();
            committed.send(new ProducerRecord<>("lonely", "k", "lonely-value")).get();
            committed.send(new ProducerRecord<>("shared", "k", "shared-value")).get();
            // Two producers, each with an open transaction on the same partition.
            alsoCommitted.beginTransaction();
            alsoCommitted.send(new ProducerRecord<>("lonely", "k", "second-lonely-value")).get();
            inProgress.beginTransaction();
            inProgress.send(new ProducerRecord<>("shared", "k", "later-value")).get();
            cluster.stopNode(lonely);
            committed.commitTransaction();
            alsoCommitted.commitTransaction();
            cluster.startNode(lonely);
            awaitCompleteCommit("skipped-marker");
            awaitCompleteCommit("skipped-marker-too");
            var lonelyPartition = new TopicPartition("lonely", 0);
            assertThat(openTransactionStarts(lonelyPartition)).as("the coordinator is done, the partition still open")
                    .containsExactlyInAnyOrder(0L, 1L);
            assertThat(readCommitted(lonelyPartition, 1, Duration.ofSeconds(3))).isEmpty();

            var closed = HangingTransactions.resolve(admin, Duration.ofSeconds(30));

            assertThat(closed).hasSize(2).allSatisfy(h -> {
                assertThat(h.partition()).isEqualTo(lonelyPartition);
                assertThat(h.result()).isEqualTo(TransactionResult.COMMIT);
                assertThat(h.coordinatorState()).isEqualTo(TransactionState.COMPLETE_COMMIT);
            });
            assertThat(closed).extracting(HangingTransactions.Hanging::producerId).doesNotHaveDuplicates();
            assertThat(readCommitted(lonelyPartition, 2, Duration.ofSeconds(30))).containsExactly("lonely-value", "second-lonely-value");
            assertThat(openTransactionStarts(lonelyPartition)).isEmpty();
            // The transaction still in progress was not touched: it commits as usual afterwards.
            inProgress.commitTransaction();
            assertThat(readCommitted(new TopicPartition("shared", 0), 2, Duration.ofSeconds(30)))
                    .containsExactly("shared-value", "later-value");
        }
    }

    private static List<Long> openTransactionStarts(TopicPartition partition) throws Exception {
        var producers = admin.describeProducers(List.of(partition)).partitionResult(partition).get().activeProducers();
        return producers.stream().filter(p -> p.currentTransactionStartOffset().isPresent())
                .map(p -> p.currentTransactionStartOffset().getAsLong()).toList();
    }

    private static int coordinatorOf(String transactionalId) throws Exception {
        return admin.describeTransactions(Set.of(transactionalId)).description(transactionalId).get().coordinatorId();
    }

    private static void awaitCompleteCommit(String transactionalId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (admin.describeTransactions(Set.of(transactionalId)).description(transactionalId).get().state()
                != TransactionState.COMPLETE_COMMIT) {
            assertThat(System.nanoTime()).as("the coordinator completes the commit").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static KafkaProducer<String, String> producer(String transactionalId) {
        var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 120_000),
                new StringSerializer(), new StringSerializer());
        producer.initTransactions();
        return producer;
    }

    /** What a read_committed reader gets from the partition's start: {@code wanted} values, or fewer after {@code patience}. */
    private static List<String> readCommitted(TopicPartition partition, int wanted, Duration patience) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            var values = new ArrayList<String>();
            long deadline = System.nanoTime() + patience.toNanos();
            while (values.size() < wanted && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
