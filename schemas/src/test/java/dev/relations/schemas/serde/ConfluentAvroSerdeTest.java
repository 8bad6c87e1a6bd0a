package dev.relations.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relations.schemas.test.Address;
import dev.relations.schemas.test.Colour;
import dev.relations.schemas.test.Key;
import dev.relations.schemas.test.Profile;
import dev.relations.schemas.test.Sample;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConfluentAvroSerdeTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    static Sample sample(String id, long sequence) {
        return Sample.newBuilder()
                .setId(id)
                .setSequence(sequence)
                .setCount(42)
                .setFlag(true)
                .setRatio(0.25)
                .setColour(Colour.GREEN)
                .setTags(List.of("a", "b"))
                .setCounters(Map.of("x", 1L, "y", 2L))
                .setNote(null)
                .setAddress(Address.newBuilder().setCity("Oslo").setStreet("Karl Johans gate").build())
                .setPayload(ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .setAt(Instant.ofEpochMilli(1_700_000_000_123L))
                .build();
    }

    @Test
    void roundTripsARecordWithTheInMemoryRegistry() {
        var serde = new ConfluentAvroSerde<>(registry, Sample.class);
        Sample original = sample("s-1", 7);

        byte[] bytes = serde.serializer().serialize("samples", original);
        Sample copy = serde.deserializer().deserialize("samples", bytes);

        assertThat(copy).isEqualTo(original);
        assertThat(copy.getId()).isInstanceOf(String.class);
        assertThat(copy.getAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(registry.versions("samples-value")).containsExactly(Sample.getClassSchema());
    }

    @Test
    void writesMagicByteSchemaIdAndPlainAvroBinary() throws Exception {
        registry.register("other-value", Key.getClassSchema()); // so the sample's id is not 1
        var serde = new ConfluentAvroSerde<>(registry, Sample.class);
        Sample record = sample("s-2", 8);

        byte[] bytes = serde.serializer().serialize("samples", record);

        int id = registry.register("samples-value", Sample.getClassSchema());
        assertThat(id).isEqualTo(2);
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(plain, null);
        new SpecificDatumWriter<Sample>(Sample.getClassSchema(), SpecificData.getForClass(Sample.class))
                .write(record, encoder);
        encoder.flush();
        assertThat(bytes).hasSize(5 + plain.size());
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(plain.toByteArray());
    }

    @Test
    void keySerdeUsesTheKeySubject() {
        var serde = ConfluentAvroSerde.forKeys(registry, Key.class);
        Key key = new Key("org#app", "alice");

        byte[] bytes = serde.serializer().serialize("contacts", key);

        assertThat(serde.isKey()).isTrue();
        assertThat(registry.versions("contacts-key")).containsExactly(Key.getClassSchema());
        assertThat(registry.versions("contacts-value")).isEmpty();
        assertThat(serde.deserializer().deserialize("contacts", bytes)).isEqualTo(key);
    }

    @Test
    void registersOncePerTopicAndSharesIdsAcrossTopics() {
        var counting = new CountingRegistry(registry);
        var serde = ConfluentAvroSerde.forValues(counting, Sample.class);

        byte[] first = serde.serializer().serialize("samples", sample("a", 1));
        serde.serializer().serialize("samples", sample("b", 2));
        byte[] changelog = serde.serializer().serialize("app-store-changelog", sample("c", 3));

        assertThat(counting.registrations).isEqualTo(2);
        assertThat(registry.versions("app-store-changelog-value")).hasSize(1);
        assertThat(ByteBuffer.wrap(changelog, 1, 4).getInt()).isEqualTo(ByteBuffer.wrap(first, 1, 4).getInt());
    }

    @Test
    void fetchesEachWriterSchemaOnce() {
        var counting = new CountingRegistry(registry);
        var writer = new ConfluentAvroSerde<>(registry, Sample.class);
        var reader = new ConfluentAvroSerde<>(counting, Sample.class);

        for (int i = 0; i < 5; i++) {
            byte[] bytes = writer.serializer().serialize("samples", sample("s", i));
            assertThat(reader.deserializer().deserialize("samples", bytes).getSequence()).isEqualTo(i);
        }

        assertThat(counting.lookups).isEqualTo(1);
    }

    @Test
    void nullIsATombstoneBothWays() {
        var serde = new ConfluentAvroSerde<>(registry, Sample.class);

        assertThat(serde.serializer().serialize("samples", null)).isNull();
        assertThat(serde.deserializer().deserialize("samples", null)).isNull();
        assertThat(registry.versions("samples-value")).isEmpty();
    }

    @Test
    void rejectsAnUnknownMagicByte() {
        var serde = new ConfluentAvroSerde<>(registry, Sample.class);
        byte[] bytes = serde.serializer().serialize("samples", sample("s", 1));
        bytes[0] = 1;

        assertThatThrownBy(() -> serde.deserializer().deserialize("samples", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 1")
                .hasMessageContaining("'samples'")
                .hasMessageContaining("expected 0");
    }

    @Test
    void rejectsPayloadsShorterThanTheHeader() {
        var serde = new ConfluentAvroSerde<>(registry, Sample.class);

        assertThatThrownBy(() -> serde.deserializer().deserialize("samples", new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> serde.deserializer().deserialize("samples", new byte[0]))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void unknownSchemaIdIsASerializationError() {
        var serde = new ConfluentAvroSerde<>(registry, Sample.class);

        assertThatThrownBy(() -> serde.deserializer().deserialize("samples", new byte[] {0, 0, 0, 0, 99, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 99")
                .hasCauseInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void truncatedBodyIsASerializationError() {
        var serde = new ConfluentAvroSerde<>(registry, Sample.class);
        byte[] bytes = serde.serializer().serialize("samples", sample("s", 1));

        assertThatThrownBy(() -> serde.deserializer().deserialize("samples", Arrays.copyOf(bytes, 9)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("writer schema id");
    }

    @Test
    void readsRecordsWrittenByTheOlderSchemaVersionIntoTheNewClass() {
        // v1 is the release before `tier` existed; Profile (v2) declares v1's name as an alias.
        var v1 = new ConfluentAvroSerde<>(registry, dev.relations.schemas.test.v1.Profile.class);
        var v2 = new ConfluentAvroSerde<>(registry, Profile.class);

        byte[] old = v1.serializer().serialize("profiles", new dev.relations.schemas.test.v1.Profile("p1", "Alice"));
        Profile read = v2.deserializer().deserialize("profiles", old);

        assertThat(read).isEqualTo(new Profile("p1", "Alice", "free"));
        // The new version is a BACKWARD-compatible successor under the same subject.
        byte[] current = v2.serializer().serialize("profiles", new Profile("p2", "Bob", "gold"));
        assertThat(registry.versions("profiles-value")).hasSize(2);
        assertThat(v2.deserializer().deserialize("profiles", current).getTier()).isEqualTo("gold");
    }

    @Test
    void readsDataWrittenWithAnEarlierVersionOfTheSameRecordName() throws Exception {
        Schema v1 = new Schema.Parser().parse("""
                {"type":"record","name":"Profile","namespace":"dev.relations.schemas.test","fields":[
                  {"name":"id","type":"string"},{"name":"name","type":"string"}]}""");
        int id = registry.register("profiles-value", v1);
        GenericRecord old = new GenericData.Record(v1);
        old.put("id", "p1");
        old.put("name", "Alice");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0});
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(v1).write(old, encoder);
        encoder.flush();

        Profile read = new ConfluentAvroSerde<>(registry, Profile.class).deserializer()
                .deserialize("profiles", out.toByteArray());

        assertThat(read).isEqualTo(new Profile("p1", "Alice", "free"));
        assertThat(registry.register("profiles-value", Profile.getClassSchema())).isNotEqualTo(id);
    }

    @Test
    void incompatibleSchemaFailsNamingTheSubject() {
        Schema nameWasAnInt = new Schema.Parser().parse("""
                {"type":"record","name":"Profile","namespace":"dev.relations.schemas.test","fields":[
                  {"name":"id","type":"string"},{"name":"name","type":"int"}]}""");
        registry.register("profiles-value", nameWasAnInt);
        var serde = new ConfluentAvroSerde<>(registry, Profile.class);

        assertThatThrownBy(() -> serde.serializer().serialize("profiles", new Profile("p", "n", "t")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'profiles-value'")
                .cause()
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void serializerWithoutTopicFailsClearly() {
        var serde = new ConfluentAvroSerde<>(registry, Sample.class);

        assertThatThrownBy(() -> serde.serializer().serialize(null, sample("s", 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("without a topic");
    }

    @Test
    void rejectsANonGeneratedType() {
        assertThatThrownBy(() -> new ConfluentAvroSerde<>(registry, org.apache.avro.specific.SpecificRecord.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        var serde = new ConfluentAvroSerde<>(registry, Sample.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 2_000; i++) {
                        Sample record = sample("t" + thread + "-" + i, i);
                        String topic = i % 2 == 0 ? "samples" : "samples-changelog";
                        if (serde.deserializer().deserialize(topic, serde.serializer().serialize(topic, record))
                                .equals(record)) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(2_000);
            }
        } finally {
            pool.shutdownNow();
        }
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                Sample record = sample("v" + i, i);
                results.add(virtual.submit(() ->
                        serde.deserializer().deserialize("samples", serde.serializer().serialize("samples", record))
                                .equals(record)));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        }
    }

    @Test
    void growsItsBufferForLargeRecords() {
        var serde = new ConfluentAvroSerde<>(registry, Sample.class);
        Sample big = sample("big", 1);
        big.setPayload(ByteBuffer.wrap(new byte[3 << 20]));
        big.setTags(Collections.nCopies(10_000, "tag"));

        Sample copy = serde.deserializer().deserialize("samples", serde.serializer().serialize("samples", big));
        Sample small = serde.deserializer().deserialize("samples",
                serde.serializer().serialize("samples", sample("small", 2)));

        assertThat(copy).isEqualTo(big);
        assertThat(small.getId()).isEqualTo("small");
    }

    /** Counts calls reaching the underlying registry. */
    static final class CountingRegistry implements SchemaRegistryClient {
        private final SchemaRegistryClient delegate;
        volatile int registrations;
        volatile int lookups;

        CountingRegistry(SchemaRegistryClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized int register(String subject, Schema schema) {
            registrations++;
            return delegate.register(subject, schema);
        }

        @Override
        public synchronized Schema byId(int id) {
            lookups++;
            return delegate.byId(id);
        }

        @Override
        public void setCompatibility(String level) {
            delegate.setCompatibility(level);
        }
    }
}
