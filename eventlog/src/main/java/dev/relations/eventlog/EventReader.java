package dev.relations.eventlog;

import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.serde.ConfluentAvroSerde;
import dev.relations.schemas.serde.SchemaRegistryClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads one app's events from the events topic, committed transactions only, decoding each
 * record by its writer schema id (so every schema version the registry knows decodes), up
 * to a stop offset per partition. Records of other apps are skipped by their key before any
 * decoding. Positions are kept, so {@link #readTo} can be called again to go on from there.
 */
final class EventReader implements AutoCloseable {
    /** One decoded event and where it stands in the topic; {@code key} is its record key (the aggregate's, {@code org#app/user/alice}), undecoded. */
    record Positioned(int partition, long offset, int writerSchemaId, byte[] key, EventEnvelope event) {
    }

    interface Handler {
        void accept(Positioned event);
    }

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ConfluentAvroSerde.AvroDeserializer<EventEnvelope> decoder;
    private final String topic;
    private final byte[] keyPrefix;
    private final List<TopicPartition> partitions;
    private long recordsRead;

    EventReader(String bootstrapServers, SchemaRegistryClient registry, String topic, String appKey, Collection<Integer> only) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 << 20);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 << 20);
        props.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 4 << 20);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "relations-log");
        // A mistyped --topic must not create an empty topic on a broker that auto-creates.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.decoder = new ConfluentAvroSerde.AvroDeserializer<>(registry, EventEnvelope.class);
        this.topic = topic;
        this.keyPrefix = (appKey + "/").getBytes(StandardCharsets.UTF_8);
        var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("topic " + topic + " does not exist at " + bootstrapServers);
        }
        this.partitions = infos.stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .filter(tp -> only == null || only.contains(tp.partition()))
                .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The partition an aggregate's events are on (the producer's default: murmur2 of the key). */
    static int partitionOf(String aggregateKey, int partitions) {
        return Utils.toPositive(Utils.murmur2(aggregateKey.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    static int partitionCount(String bootstrapServers, String topic) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist at " + bootstrapServers);
            }
            return infos.size();
        }
    }

    /** The committed end of every partition read (the last stable offset) now. */
    Map<Integer, Long> endOffsets() {
        var ends = new HashMap<Integer, Long>();
        consumer.endOffsets(partitions, Duration.ofSeconds(30)).forEach((tp, end) -> ends.put(tp.partition(), end));
        return ends;
    }

    /** Records (of every app) read so far. */
    long recordsRead() {
        return recordsRead;
    }

    /**
     * Hands every event of the app below {@code stops} (partition -> exclusive offset; a
     * partition missing there is not read further) to {@code handler}, in each partition's order.
     */
    void readTo(Map<Integer, Long> stops, Handler handler) {
        var open = new HashMap<TopicPartition, Long>();
        for (var tp : partitions) {
            long stop = stops.getOrDefault(tp.partition(), 0L);
            if (consumer.position(tp, Duration.ofSeconds(30)) < stop) {
                open.put(tp, stop);
            }
        }
        consumer.resume(partitions);
        consumer.pause(partitions.stream().filter(tp -> !open.containsKey(tp)).toList());
        while (!open.isEmpty()) {
            var records = consumer.poll(POLL);
            for (var tp : records.partitions()) {
                Long stop = open.get(tp);
                if (stop == null) {
                    continue;
                }
                for (var record : records.records(tp)) {
                    if (record.offset() >= stop) {
                        break;
                    }
                    recordsRead++;
                    var key = record.key();
                    if (key == null || !startsWith(key, keyPrefix) || record.value() == null) {
                        continue;
                    }
                    var bytes = record.value();
                    var event = decoder.deserialize(topic, bytes);
                    handler.accept(new Positioned(tp.partition(), record.offset(), schemaId(bytes), key, event));
                }
            }
            // Transaction markers and aborted records take offsets too: compare positions, not last records.
            for (var tp : List.copyOf(open.keySet())) {
                long stop = open.get(tp);
                long position = consumer.position(tp);
                if (position >= stop) {
                    open.remove(tp);
                    consumer.pause(List.of(tp));
                    if (position > stop) {
                        consumer.seek(tp, stop);
                    }
                }
            }
        }
    }

    private static int schemaId(byte[] bytes) {
        return ((bytes[1] & 0xff) << 24) | ((bytes[2] & 0xff) << 16) | ((bytes[3] & 0xff) << 8) | (bytes[4] & 0xff);
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
