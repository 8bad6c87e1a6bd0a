package dev.relations.api.it;

import dev.relations.schemas.serde.ConfluentAvroSerde;
import dev.relations.schemas.serde.HttpSchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads a topic from its current end, as a downstream consumer (read_committed) would. */
final class TopicReader<T extends SpecificRecord> implements AutoCloseable {
    private final KafkaConsumer<String, T> consumer;

    TopicReader(TestCluster cluster, String topic, Class<T> type) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(),
                new ConfluentAvroSerde<>(new HttpSchemaRegistryClient(cluster.registryUrl()), type).deserializer());
        var partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Everything matching that arrives within the wait (committed records only). */
    List<ConsumerRecord<String, T>> collect(Predicate<ConsumerRecord<String, T>> matching, Duration wait) {
        var found = new ArrayList<ConsumerRecord<String, T>>();
        long deadline = System.currentTimeMillis() + wait.toMillis();
        while (System.currentTimeMillis() < deadline) {
            for (var record : consumer.poll(Duration.ofMillis(100))) {
                if (matching.test(record)) {
                    found.add(record);
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
