package dev.relations.api.it;

import dev.relations.api.auth.ApiName;
import io.micronaut.web.router.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate limits as a client meets them: Easemob's 429, Retry-After, per-app overrides from configuration. */
class RateLimitsApiTest {
    private static final TestApp APP = TestApp.unique("limited", 100);
    private static final TestApp OTHER = TestApp.unique("otherlimited", 100);
    private static ServiceInstance service;
    private static Client client;

    @BeforeAll
    static void start() {
        var cluster = TestCluster.get();
        service = ServiceInstance.start(cluster, "limits-it-" + APP.name(), cluster.newDirectory("limits"), TestCluster.freePort(),
                Map.of("relations.rate-limits.enabled", true,
                        "relations.apps." + APP.name() + ".rate-limits.get-user", 1,
                        "relations.apps." + APP.name() + ".rate-limits.list-contacts", 0,
                        "relations.apps." + OTHER.name() + ".rate-limits.get-user", 1),
                APP, OTHER);
        client = new Client(service, APP).authenticated();
        client.registerUser("alice");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void a_call_over_its_apis_limit_is_reach_limit_with_retry_after() {
        client.get("/users/alice");
        var refused = client.get("/users/alice");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.error()).isEqualTo("reach_limit");
        assertThat(refused.body().get("exception").asText()).isEqualTo("ReachLimitException");
        assertThat(refused.description()).isEqualTo("This request has reached api limit");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void refusals_are_counted_per_app_and_api_for_prometheus() {
        client.get("/users/alice");
        client.get("/users/alice");

        var metrics = OperationsApiTest.get(service, "/prometheus").body();

        assertThat(metrics).containsPattern("relations_rate_limit_refusals_total\\{api=\"get-user\",app=\"" + APP.app()
                + "\",org=\"" + APP.org() + "\"} [1-9]");
    }

    @Test
    void an_api_limited_to_zero_is_unlimited() {
        for (int i = 0; i < 150; i++) {
            assertThat(client.get("/users/alice/contacts/users").status()).isEqualTo(200);
        }
    }

    @Test
    void calls_without_a_valid_token_spend_nothing_of_the_apps_quota() {
        var other = new Client(service, OTHER).authenticated();
        var stranger = new Client(service, OTHER);
        for (int i = 0; i < 5; i++) {
            assertThat(stranger.get("/users/nobody").status()).isEqualTo(401);
        }

        assertThat(other.get("/users/nobody").status()).isEqualTo(404);
    }

    @Test
    void every_route_of_an_app_names_the_api_its_limit_is_counted_under() {
        var unnamed = service.context().getBean(Router.class).uriRoutes()
                .filter(r -> r.getUriMatchTemplate().toPathString().startsWith("/{org}/{app}"))
                .filter(r -> r.getAnnotationMetadata().stringValue(ApiName.class).isEmpty())
                .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate())
                .toList();

        assertThat(unnamed).isEmpty();
    }
}
