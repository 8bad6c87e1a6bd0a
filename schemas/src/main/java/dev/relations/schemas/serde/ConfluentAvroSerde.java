package dev.relations.schemas.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for Avro specific records in the Confluent wire format: magic byte {@code 0}, the
 * writer schema's 4-byte big-endian registry id, then Avro binary. Hand-written because
 * Confluent's serializer artifacts are not on the reachable Maven Central; the bytes and
 * subjects are the same, so Confluent's own clients can read and write the same topics.
 *
 * <p>Subjects follow the TopicNameStrategy: {@code {topic}-value}, or {@code {topic}-key} for a
 * key serde. The serializer registers a record's schema once per topic and caches the id; the
 * deserializer fetches each writer schema once per id and resolves it against the reader schema
 * of {@code T}, so data written by older (or newer) compatible schema versions reads fine.
 * {@code null} maps to {@code null} both ways (tombstones). Thread-safe: one instance may serve
 * all stream threads.
 */
public final class ConfluentAvroSerde<T extends SpecificRecord> implements Serde<T> {

    public static final byte MAGIC_BYTE = 0;
    /** Magic byte plus schema id. */
    public static final int HEADER_LENGTH = 5;

    static {
        AvroTrustedPackages.ensure();
    }

    private final boolean isKey;
    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    /** A value serde. */
    public ConfluentAvroSerde(SchemaRegistryClient client, Class<T> type) {
        this(client, type, false);
    }

    public ConfluentAvroSerde(SchemaRegistryClient client, Class<T> type, boolean isKey) {
        this.isKey = isKey;
        this.serializer = new AvroSerializer<>(client, isKey);
        this.deserializer = new AvroDeserializer<>(client, type);
    }

    public static <T extends SpecificRecord> ConfluentAvroSerde<T> forKeys(SchemaRegistryClient client, Class<T> type) {
        return new ConfluentAvroSerde<>(client, type, true);
    }

    public static <T extends SpecificRecord> ConfluentAvroSerde<T> forValues(SchemaRegistryClient client, Class<T> type) {
        return new ConfluentAvroSerde<>(client, type, false);
    }

    /** The TopicNameStrategy subject for {@code topic}. */
    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    public boolean isKey() {
        return isKey;
    }

    @Override
    public AvroSerializer<T> serializer() {
        return serializer;
    }

    @Override
    public AvroDeserializer<T> deserializer() {
        return deserializer;
    }

    /**
     * Writes records in the Confluent wire format, registering each record schema once per
     * topic. {@link #configure} is ignored: key or value is fixed at construction.
     */
    public static final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

        private final SchemaRegistryClient client;
        private final boolean isKey;
        private final ConcurrentMap<String, Target> targets = new ConcurrentHashMap<>();
        private final ConcurrentMap<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
        private final BufferPool buffers = new BufferPool();

        public AvroSerializer(SchemaRegistryClient client, boolean isKey) {
            this.client = Objects.requireNonNull(client, "client");
            this.isKey = isKey;
        }

        @Override
        public byte[] serialize(String topic, T record) {
            if (record == null) {
                return null;
            }
            if (topic == null) {
                throw new SerializationException("Cannot serialize " + record.getSchema().getFullName()
                        + " without a topic: the registry subject is derived from it");
            }
            Schema schema = record.getSchema();
            Target target = targets.get(topic);
            // Generated records all return their class's SCHEMA$, so identity is the common case.
            if (target == null || target.schema != schema) {
                target = register(topic, schema, record);
            }
            Buffer buffer = buffers.take();
            try {
                buffer.reset();
                buffer.writeHeader(target.id);
                buffer.encoder = EncoderFactory.get().directBinaryEncoder(buffer, buffer.encoder);
                target.writer.write(record, buffer.encoder);
                byte[] bytes = buffer.toByteArray();
                // Only on success: after a failed write the buffer's state is not trusted again.
                buffers.release(buffer);
                return bytes;
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("Error serializing Avro " + schema.getFullName() + " for topic '"
                        + topic + "' (schema id " + target.id + "): " + e.getMessage(), e);
            }
        }

        private Target register(String topic, Schema schema, T record) {
            String subject = subject(topic, isKey);
            int id;
            try {
                id = client.register(subject, schema);
            } catch (SchemaRegistryException e) {
                throw new SerializationException("Could not register schema " + schema.getFullName()
                        + " under subject '" + subject + "': " + e.getMessage(), e);
            }
            DatumWriter<Object> writer = writers.computeIfAbsent(schema,
                    s -> new SpecificDatumWriter<>(s, SpecificData.getForClass(record.getClass())));
            Target target = new Target(schema, id, writer);
            targets.put(topic, target);
            return target;
        }

        private record Target(Schema schema, int id, DatumWriter<Object> writer) {
        }
    }

    /**
     * Reads records in the Confluent wire format into {@code T}, resolving each writer schema
     * (fetched once per id) against {@code T}'s schema.
     */
    public static final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

        private final SchemaRegistryClient client;
        private final SpecificData data;
        private final Schema readerSchema;
        private final ConcurrentMap<Integer, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();
        private volatile LastReader<T> last;

        public AvroDeserializer(SchemaRegistryClient client, Class<T> type) {
            AvroTrustedPackages.ensure();
            this.client = Objects.requireNonNull(client, "client");
            Objects.requireNonNull(type, "type");
            // The class's own model carries its logical-type conversions (e.g. timestamp-millis).
            this.data = SpecificData.getForClass(type);
            try {
                this.readerSchema = data.getSchema(type);
            } catch (AvroRuntimeException e) {
                throw new IllegalArgumentException(type.getName() + " is not an Avro generated class", e);
            }
            if (readerSchema.getType() != Schema.Type.RECORD) {
                throw new IllegalArgumentException(type.getName() + " is not an Avro record class");
            }
        }

        public Schema readerSchema() {
            return readerSchema;
        }

        @Override
        public T deserialize(String topic, byte[] bytes) {
            if (bytes == null) {
                return null;
            }
            if (bytes.length < HEADER_LENGTH || bytes[0] != MAGIC_BYTE) {
                throw new SerializationException(bytes.length < HEADER_LENGTH
                        ? "Record of " + bytes.length + " bytes on topic '" + topic + "' is too short for the"
                                + " Confluent Avro wire format (magic byte 0, 4-byte schema id, Avro binary)"
                        : "Unknown magic byte " + bytes[0] + " in a record on topic '" + topic + "': expected 0,"
                                + " the Confluent Avro wire format (magic byte 0, 4-byte schema id, Avro binary)");
            }
            int id = ((bytes[1] & 0xff) << 24) | ((bytes[2] & 0xff) << 16) | ((bytes[3] & 0xff) << 8) | (bytes[4] & 0xff);
            SpecificDatumReader<T> reader = readerFor(id, topic);
            try {
                // A BinaryDecoder over a byte[] wraps the array without copying; reuse would save one small object.
                return reader.read(null, DecoderFactory.get()
                        .binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH, null));
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("Error deserializing Avro " + readerSchema.getFullName()
                        + " (writer schema id " + id + ") from topic '" + topic + "': " + e.getMessage(), e);
            }
        }

        private SpecificDatumReader<T> readerFor(int id, String topic) {
            LastReader<T> recent = last;
            if (recent != null && recent.id == id) {
                return recent.reader;
            }
            SpecificDatumReader<T> reader = readers.get(id);
            if (reader == null) {
                Schema writerSchema;
                try {
                    writerSchema = client.byId(id);
                } catch (SchemaRegistryException e) {
                    throw new SerializationException("Could not fetch writer schema id " + id + " for a record on topic '"
                            + topic + "': " + e.getMessage(), e);
                }
                // Shared across threads: Avro builds its (stateless) fast reader once per instance.
                SpecificDatumReader<T> created = new SpecificDatumReader<>(writerSchema, readerSchema, data);
                reader = Objects.requireNonNullElse(readers.putIfAbsent(id, created), created);
            }
            last = new LastReader<>(id, reader);
            return reader;
        }

        private record LastReader<T>(int id, SpecificDatumReader<T> reader) {
        }
    }

    /** Reusable output buffers; a queue rather than thread-locals so virtual threads reuse them too. */
    private static final class BufferPool {
        private static final int POOLED = 16;
        private static final int MAX_POOLED_CAPACITY = 1 << 20;
        private final ArrayBlockingQueue<Buffer> pool = new ArrayBlockingQueue<>(POOLED);

        Buffer take() {
            Buffer buffer = pool.poll();
            return buffer != null ? buffer : new Buffer();
        }

        void release(Buffer buffer) {
            if (buffer.bytes.length <= MAX_POOLED_CAPACITY) {
                pool.offer(buffer);
            }
        }
    }

    /** An unsynchronized growable byte sink, unlike ByteArrayOutputStream. */
    private static final class Buffer extends OutputStream {
        byte[] bytes = new byte[256];
        int size;
        BinaryEncoder encoder;

        void reset() {
            size = 0;
        }

        void writeHeader(int id) {
            ensure(HEADER_LENGTH);
            bytes[size] = MAGIC_BYTE;
            bytes[size + 1] = (byte) (id >>> 24);
            bytes[size + 2] = (byte) (id >>> 16);
            bytes[size + 3] = (byte) (id >>> 8);
            bytes[size + 4] = (byte) id;
            size += HEADER_LENGTH;
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int length) {
            ensure(length);
            System.arraycopy(source, offset, bytes, size, length);
            size += length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            int needed = size + more;
            if (needed > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
            }
        }
    }
}
