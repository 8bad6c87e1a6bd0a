package dev.relations.api.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default run as an operator runs it, in its own JVM, and killed with SIGKILL:
 * every acknowledged write is still there after the restart, and writes work again.
 */
class KillRestartTest {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    private static final String SECRET = "YXA6kill-restart-secret";
    private static final TestApp APP = new TestApp("default", "demo", "relations", "YXA6-relations-demo", SECRET, 100);

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void acknowledged_writes_survive_kill_9_of_the_whole_embedded_service() throws Exception {
        var dataDir = Files.createTempDirectory("relations-kill");
        int httpPort = TestCluster.freePort();
        int kafkaPort = TestCluster.freePort();
        int registryPort = TestCluster.freePort();

        var first = start(dataDir, httpPort, kafkaPort, registryPort, "first");
        var client = new Client("http://localhost:" + httpPort, APP).authenticated();
        var names = new ArrayList<String>();
        for (int i = 0; i < 12; i++) {
            names.add("crash" + i);
            assertThat(client.registerUser("crash" + i).status()).isEqualTo(200);
        }
        for (int i = 1; i < names.size(); i++) {
            assertThat(client.post("/users/crash0/contacts/users/" + names.get(i), null).status()).isEqualTo(200);
        }
        first.destroyForcibly().waitFor();

        var second = start(dataDir, httpPort, kafkaPort, registryPort, "second");
        var after = new Client("http://localhost:" + httpPort, APP).authenticated();
        assertThat(ContactsApiTest.names(after.get("/users/crash0/contacts/users")))
                .containsExactlyInAnyOrderElementsOf(names.subList(1, names.size()));
        assertThat(ContactsApiTest.names(after.get("/users/crash5/contacts/users"))).containsExactly("crash0");
        assertThat(after.post("/users/crash1/contacts/users/crash2", null).status()).isEqualTo(200);

        second.destroy();
    }

    private Process start(Path dataDir, int httpPort, int kafkaPort, int registryPort, String name) throws Exception {
        var java = ProcessHandle.current().info().command().orElse("java");
        var builder = new ProcessBuilder(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.relations.api.Application")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".log").toFile());
        builder.environment().putAll(Map.of(
                "RELATIONS_DATA_DIR", dataDir.toString(),
                "RELATIONS_PORT", Integer.toString(httpPort),
                "RELATIONS_EMBEDDED_KAFKA_PORT", Integer.toString(kafkaPort),
                "RELATIONS_EMBEDDED_REGISTRY_PORT", Integer.toString(registryPort),
                "RELATIONS_CLIENT_SECRET", SECRET,
                "RELATIONS_RATE_LIMITS_ENABLED", "false"));
        var process = builder.start();
        started.add(process);
        awaitServing(process, httpPort, dataDir.resolve(name + ".log"));
        return process;
    }

    private static void awaitServing(Process process, int port, Path log) throws Exception {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited: " + Files.readString(log));
            }
            try {
                // HTTP answers while Kafka Streams restores; reads need it running (ready).
                var readiness = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (readiness.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not answer within " + START_TIMEOUT);
    }
}
