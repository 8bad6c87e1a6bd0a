package dev.relations.api.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of one deployment, each told it is one of two: together they admit no more than
 * the app's limit, because each enforces its half.
 */
class RateLimitsAcrossInstancesTest {
    private static final TestApp APP = TestApp.unique("shared", 100);
    private static final int LIMIT_PER_SECOND = 4;
    private static ServiceInstance first;
    private static ServiceInstance second;

    @BeforeAll
    static void start() {
        var cluster = TestCluster.get();
        var applicationId = "shared-limits-" + APP.name();
        Map<String, Object> limits = Map.of(
                "relations.rate-limits.enabled", true,
                "relations.rate-limits.instances", 2,
                "relations.apps." + APP.name() + ".rate-limits.get-user", LIMIT_PER_SECOND);
        first = ServiceInstance.start(cluster, applicationId, cluster.newDirectory("shared-a"), TestCluster.freePort(), limits, APP);
        second = ServiceInstance.start(cluster, applicationId, cluster.newDirectory("shared-b"), TestCluster.freePort(), limits, APP);
        new Client(first, APP).authenticated().registerUser("alice");
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void a_burst_spread_over_both_instances_is_held_to_the_apps_limit() {
        var a = new Client(first, APP).authenticated();
        var b = new Client(second, APP).authenticated();
        // Wait out the rebalance that the second instance's start set off (reads answer 503 meanwhile),
        // through another API so the limited one starts the burst with full buckets.
        for (var client : java.util.List.of(a, b)) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (client.get("/users/alice/contacts/users").status() != 200 && System.nanoTime() < deadline) {
                sleep(200);
            }
        }
        sleep(1_500);
        int admittedA = 0;
        int admittedB = 0;
        long began = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            admittedA += a.get("/users/alice").status() == 200 ? 1 : 0;
            admittedB += b.get("/users/alice").status() == 200 ? 1 : 0;
        }
        double seconds = (System.nanoTime() - began) / 1e9;

        // Each bucket holds one second of its share and refills at its share per second.
        int share = LIMIT_PER_SECOND / 2;
        long refilled = (long) Math.ceil(seconds * share);
        assertThat(admittedA).isBetween(1, (int) (share + refilled));
        assertThat(admittedB).isBetween(1, (int) (share + refilled));
        assertThat(admittedA + admittedB).isLessThanOrEqualTo((int) (LIMIT_PER_SECOND + 2 * refilled));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
