package dev.relations.api.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default run as an operator runs it, in its own JVM, and killed with SIGKILL:
 * every acknowledged write is still there after the restart, and writes work again.
 */
class KillRestartTest {
    private static final String SECRET = "YXA6kill-restart-secret";
    private static final TestApp APP = new TestApp("default", "demo", "relations", "YXA6-relations-demo", SECRET, 100);

    private final List<ChildService> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (var child : started) {
            child.kill();
        }
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
        first.kill();

        var second = start(dataDir, httpPort, kafkaPort, registryPort, "second");
        var after = new Client("http://localhost:" + httpPort, APP).authenticated();
        assertThat(ContactsApiTest.names(after.get("/users/crash0/contacts/users")))
                .containsExactlyInAnyOrderElementsOf(names.subList(1, names.size()));
        assertThat(ContactsApiTest.names(after.get("/users/crash5/contacts/users"))).containsExactly("crash0");
        assertThat(after.post("/users/crash1/contacts/users/crash2", null).status()).isEqualTo(200);

        second.close();
    }

    private ChildService start(Path dataDir, int httpPort, int kafkaPort, int registryPort, String name) throws Exception {
        var child = ChildService.embedded(dataDir, name, httpPort, kafkaPort, registryPort, SECRET, Map.of(), List.of());
        started.add(child);
        return child;
    }
}
