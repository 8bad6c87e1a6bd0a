package dev.relations.api.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook dispatcher stopped uncleanly (SIGKILL of the whole embedded service while its
 * callbacks are in flight) and started again: every callback arrives at least once, and one
 * aggregate's callbacks first arrive in the order of its events.
 */
class WebhooksKillRestartTest {
    private static final String SECRET = "YXA6webhooks-kill-secret";
    private static final TestApp APP = new TestApp("default", "demo", "relations", "YXA6-relations-demo", SECRET, 100);

    private final List<ChildService> started = new ArrayList<>();
    private final CallbackReceiver receiver = new CallbackReceiver();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (var child : started) {
            child.kill();
        }
        receiver.close();
    }

    @Test
    void callbacks_in_flight_when_the_service_is_killed_are_delivered_after_the_restart_and_none_is_lost() throws Exception {
        var dataDir = Files.createTempDirectory("relations-webhooks-kill");
        int httpPort = TestCluster.freePort();
        int kafkaPort = TestCluster.freePort();
        int registryPort = TestCluster.freePort();
        // A slow receiver keeps callbacks in flight (delivered, offsets not yet committed) when the kill comes.
        receiver.delay(150);

        var first = start(dataDir, httpPort, kafkaPort, registryPort, "first");
        var client = new Client("http://localhost:" + httpPort, APP).authenticated();
        var targets = IntStream.rangeClosed(1, 30).mapToObj(i -> "k" + i).toList();
        client.registerUser("ka");
        targets.forEach(client::registerUser);
        for (var target : targets.subList(0, 20)) {
            assertThat(client.post("/users/ka/blocks/users", Map.of("usernames", List.of(target))).status()).isEqualTo(200);
        }
        Eventually.until(() -> receiver.delivered("/hook", WebhooksKillRestartTest::ban).size() >= 3);
        first.kill();
        int beforeRestart = receiver.delivered("/hook", WebhooksKillRestartTest::ban).size();
        assertThat(beforeRestart).as("the kill came while callbacks were still due").isLessThan(20);

        start(dataDir, httpPort, kafkaPort, registryPort, "second");
        var after = new Client("http://localhost:" + httpPort, APP).authenticated();
        for (var target : targets.subList(20, 30)) {
            assertThat(after.post("/users/ka/blocks/users", Map.of("usernames", List.of(target))).status()).isEqualTo(200);
        }

        Eventually.until(() -> receiver.delivered("/hook", WebhooksKillRestartTest::ban).stream()
                .map(b -> b.get("to").asText()).distinct().count() == targets.size());
        var bans = receiver.delivered("/hook", WebhooksKillRestartTest::ban);
        assertThat(bans.stream().map(b -> b.get("to").asText()).distinct().toList()).containsExactlyElementsOf(targets);
        // A callback delivered again is the same callback: same callId and signature.
        var byTarget = new HashMap<String, JsonNode>();
        for (var ban : bans) {
            var earlier = byTarget.putIfAbsent(ban.get("to").asText(), ban);
            if (earlier != null) {
                assertThat(ban).isEqualTo(earlier);
            }
        }
    }

    private static boolean ban(JsonNode body) {
        return "ban".equals(body.path("payload").path("operation").asText());
    }

    private ChildService start(Path dataDir, int httpPort, int kafkaPort, int registryPort, String name) throws Exception {
        var child = ChildService.embedded(dataDir, name, httpPort, kafkaPort, registryPort, SECRET,
                Map.of("RELATIONS_WEBHOOKS_START_FROM", "earliest"),
                List.of("-Drelations.apps.default.callbacks.hook.url=" + receiver.url("/hook"),
                        "-Drelations.apps.default.callbacks.hook.secret=hook-secret"));
        started.add(child);
        return child;
    }
}
