package dev.relations.schemas.serde;

import dev.relations.schemas.test.Profile;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Run in a fresh JVM without {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES} by
 * {@link AvroTrustedPackagesTest}; prints {@code key=value} facts on stdout.
 */
public final class TrustCheckMain {

    private TrustCheckMain() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        fact("property.initial", String.valueOf(System.getProperty(AvroTrustedPackages.PROPERTY)));
        if (scenario.equals("generated-class-first")) {
            // Initializing a generated class creates its SpecificDatumReader, which makes Avro read the property now.
            fact("schema", Profile.getClassSchema().getFullName());
            fact("avro.snapshot.before", Arrays.toString(SpecificDatumReader.SERIALIZABLE_PACKAGES));
            fact("plain.decode.before", plainDecode());
        }
        var serde = new ConfluentAvroSerde<>(new InMemorySchemaRegistryClient(), Profile.class);
        var old = new ConfluentAvroSerde<>(new InMemorySchemaRegistryClient(),
                dev.relations.schemas.test.v1.Profile.class);
        fact("roundtrip", roundTrip(serde));
        fact("roundtrip.subpackage", String.valueOf(old.deserializer().deserialize("t",
                old.serializer().serialize("t", new dev.relations.schemas.test.v1.Profile("p", "n"))).getName()));
        fact("plain.decode.after", plainDecode());
        fact("property.final", System.getProperty(AvroTrustedPackages.PROPERTY));
        fact("avro.snapshot.final", Arrays.toString(SpecificDatumReader.SERIALIZABLE_PACKAGES));
    }

    private static String roundTrip(ConfluentAvroSerde<Profile> serde) {
        try {
            Profile in = new Profile("p1", "Alice", "gold");
            Profile out = serde.deserializer().deserialize("profiles", serde.serializer().serialize("profiles", in));
            return in.equals(out) ? "ok" : "mismatch " + out;
        } catch (RuntimeException e) {
            return "failed " + e + " / cause " + e.getCause();
        }
    }

    /** Decodes with a plain Avro reader and a fresh model, so no class lookup is cached. */
    private static String plainDecode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            new SpecificDatumWriter<Profile>(Profile.getClassSchema()).write(new Profile("p", "n", "t"), encoder);
            encoder.flush();
            SpecificData fresh = new SpecificData();
            Object read = new SpecificDatumReader<>(Profile.getClassSchema(), Profile.getClassSchema(), fresh)
                    .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
            return read instanceof Profile ? "ok" : "not a Profile: " + read.getClass();
        } catch (Exception e) {
            return "failed " + e;
        }
    }

    private static void fact(String key, String value) {
        System.out.println(key + "=" + value);
    }
}
