package dev.relations.api.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import static dev.relations.api.it.OperationsApiTest.get;
import static dev.relations.api.it.OperationsApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verdict listener's consumer fails: the instance says it is not ready while no verdict
 * can be received, reopens the consumer on its own, and writes are answered again, the one
 * sent meanwhile included.
 */
class VerdictListenerRecoveryTest {
    private static final TestApp APP = TestApp.unique("listener", 100);
    private static ServiceInstance service;
    private static GatedOutcomeConsumers gate;

    @BeforeAll
    static void start() {
        var cluster = TestCluster.get();
        service = ServiceInstance.start(cluster, "listener-it-" + APP.name(), cluster.newDirectory("listener"),
                TestCluster.freePort(), Map.of(GatedOutcomeConsumers.PROPERTY, true), APP);
        gate = service.context().getBean(GatedOutcomeConsumers.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void a_failed_verdict_listener_is_unready_while_down_reopens_itself_and_writes_are_answered_again() {
        var client = new Client(service, APP).authenticated();
        assertThat(register(client, "before").status()).isEqualTo(200);

        gate.breakAndCloseGate();

        var down = awaitReadiness(status -> status == 503);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(json(down).at("/details/verdict-listener/status").asText()).isEqualTo("DOWN");
        assertThat(get(service, "/health/liveness").statusCode()).as("a listener that reopens is not dead").isEqualTo(200);
        var meanwhile = CompletableFuture.supplyAsync(() -> register(client, "meanwhile"));
        // Reads do not need the listener: once the user is readable, its verdict is committed and unread.
        awaitRegistered(client, "meanwhile");

        gate.openGate();

        assertThat(meanwhile.join().status()).as("the write whose verdict came while none could be read").isEqualTo(200);
        var up = awaitReadiness(status -> status == 200);
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(json(up).at("/details/verdict-listener/details/restarts").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(register(client, "after").status()).isEqualTo(200);
        assertThat(client.post("/users/before/contacts/users/after", null).status()).isEqualTo(200);
    }

    private static Client.Reply register(Client client, String username) {
        return client.post("/users", Map.of("username", username, "password", "pw-" + username));
    }

    private static void awaitRegistered(Client client, String username) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (client.get("/users/" + username).status() != 200) {
            assertThat(System.nanoTime()).as("%s readable within 15 s", username).isLessThan(deadline);
            pause();
        }
    }

    private static java.net.http.HttpResponse<String> awaitReadiness(Predicate<Integer> status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            var response = get(service, "/health/readiness");
            if (status.test(response.statusCode()) || System.nanoTime() > deadline) {
                return response;
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
