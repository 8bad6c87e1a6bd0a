package dev.relations.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Surefire sets {@code org.apache.avro.SERIALIZABLE_PACKAGES} for this JVM, and Avro reads it only
 * once, so the service's situation (no flag) is checked in fresh JVMs running {@link TrustCheckMain}.
 */
class AvroTrustedPackagesTest {

    @Test
    void serdeDecodesWithoutTheFlagEvenWhenAGeneratedClassInitializedAvroFirst() throws Exception {
        Map<String, String> facts = runWithoutFlag("generated-class-first");

        assertThat(facts).containsEntry("property.initial", "null");
        // Avro has read the (absent) property, and rejects our classes on its own...
        assertThat(facts).containsEntry("avro.snapshot.before", "[]");
        assertThat(facts.get("plain.decode.before")).startsWith("failed java.lang.SecurityException");
        // ...so only the global predicate, not the property, can make the serde work here.
        assertThat(facts).containsEntry("roundtrip", "ok");
        assertThat(facts).containsEntry("roundtrip.subpackage", "n");
        assertThat(facts).containsEntry("plain.decode.after", "ok");
        assertThat(facts).containsEntry("avro.snapshot.final", "[]");
        assertThat(facts).containsEntry("property.final", "dev.relations.schemas");
    }

    @Test
    void serdeLoadedFirstAlsoExtendsTheProperty() throws Exception {
        Map<String, String> facts = runWithoutFlag("serde-first");

        assertThat(facts).containsEntry("property.initial", "null");
        assertThat(facts).containsEntry("roundtrip", "ok");
        assertThat(facts).containsEntry("roundtrip.subpackage", "n");
        assertThat(facts).containsEntry("avro.snapshot.final", "[dev.relations.schemas.]");
    }

    @Test
    void trustsOurPackagesInThisJvm() {
        AvroTrustedPackages.ensure();
        AvroTrustedPackages.ensure();

        assertThat(AvroTrustedPackages.isTrusted(dev.relations.schemas.test.Profile.class)).isTrue();
        assertThat(AvroTrustedPackages.isTrusted(dev.relations.schemas.test.v1.Profile.class)).isTrue();
        assertThat(AvroTrustedPackages.isTrusted(java.lang.String.class)).isTrue();
        assertThat(AvroTrustedPackages.isTrusted(java.net.URL.class)).isFalse();
        assertThat(System.getProperty(AvroTrustedPackages.PROPERTY).split(","))
                .filteredOn(entry -> entry.strip().equals(AvroTrustedPackages.PACKAGE))
                .hasSize(1);
    }

    private static Map<String, String> runWithoutFlag(String scenario) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, TrustCheckMain.class.getName(), scenario);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Map<String, String> facts = new LinkedHashMap<>();
        for (String line : List.of(output.split("\\R"))) {
            int equals = line.indexOf('=');
            if (equals > 0 && !line.startsWith("SLF4J")) {
                facts.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return facts;
    }
}
