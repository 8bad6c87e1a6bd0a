package dev.relations.api.it;

import dev.relations.api.auth.TokenService;
import dev.relations.domain.common.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Token issuance, the 401 variants, and Easemob error bodies for malformed requests. */
class AuthAndErrorsTest {
    private static final TestApp APP = TestApp.unique("auth", 100);
    private static final TestApp OTHER = TestApp.unique("other", 100);
    private static ServiceInstance service;
    private static Client client;

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(TestCluster.get(), "auth-it-" + APP.name(), APP, OTHER);
        client = new Client(service, APP).authenticated();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void a_token_is_issued_for_the_apps_client_credentials() {
        var reply = new Client(service, APP).post("/token",
                Map.of("grant_type", "client_credentials", "client_id", APP.clientId(), "client_secret", APP.clientSecret(), "ttl", 1024000));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("access_token").asText()).isNotBlank();
        assertThat(reply.body().get("expires_in").asLong()).isEqualTo(1024000L);
        assertThat(reply.body().get("application").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void a_token_request_without_client_id_is_refused() {
        var reply = new Client(service, APP).post("/token", Map.of("grant_type", "client_credentials", "client_secret", "x"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("illegal_argument");
        assertThat(reply.description()).isEqualTo("client_id must be provided.");
    }

    @Test
    void a_token_request_without_client_secret_is_refused() {
        var reply = new Client(service, APP).post("/token", Map.of("grant_type", "client_credentials", "client_id", APP.clientId()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("illegal_argument");
        assertThat(reply.description()).isEqualTo("client_secret must be provided");
    }

    @Test
    void a_wrong_secret_is_an_invalid_grant() {
        var reply = new Client(service, APP).post("/token",
                Map.of("grant_type", "client_credentials", "client_id", APP.clientId(), "client_secret", "wrong"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("invalid_grant");
        assertThat(reply.description()).isEqualTo("client_secret does not match");
    }

    @Test
    void a_wrong_client_id_is_an_invalid_grant() {
        var reply = new Client(service, APP).post("/token",
                Map.of("grant_type", "client_credentials", "client_id", "nope", "client_secret", APP.clientSecret()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("invalid_grant");
        assertThat(reply.description()).isEqualTo("client_id does not match");
    }

    @Test
    void an_unknown_app_is_organization_application_not_found() {
        var unknown = new TestApp("x", "no-org", "no-app", "id", "secret", 1);
        var reply = new Client(service, unknown).post("/token",
                Map.of("grant_type", "client_credentials", "client_id", "id", "client_secret", "secret"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error()).isEqualTo("organization_application_not_found");
        assertThat(reply.description()).isEqualTo("Could not find application for no-org/no-app from URI: no-org/no-app/token");
    }

    @Test
    void a_call_without_a_token_is_unauthorized() {
        var reply = new Client(service, APP).get("/users/anyone");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error()).isEqualTo("unauthorized");
        assertThat(reply.description()).isEqualTo("Unable to authenticate due to expired access token");
    }

    @Test
    void a_corrupt_token_is_a_bad_access_token() {
        var reply = new Client(service, APP).call("GET", "/users/anyone", null, Map.of("Authorization", "Bearer not-a-token"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error()).isEqualTo("auth_bad_access_token");
        assertThat(reply.description()).isEqualTo("Unable to authenticate due to corrupt access token");
    }

    @Test
    void another_apps_token_cannot_read_this_app() {
        var other = new Client(service, OTHER).authenticated();
        var reply = new Client(service, APP).call("GET", "/users/anyone", null, Map.of("Authorization", "Bearer " + other.token()));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error()).isEqualTo("auth_bad_access_token");
        assertThat(reply.description()).isEqualTo("Unable to authenticate");
    }

    @Test
    void a_token_signed_by_someone_else_is_refused() throws Exception {
        var foreign = new TokenService("another-signing-secret-0123456789abcdef-xyz")
                .issue(new Tenant(APP.org(), APP.app()), 3600, Instant.now());
        var reply = new Client(service, APP).call("GET", "/users/anyone", null, Map.of("Authorization", "Bearer " + foreign));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error()).isEqualTo("auth_bad_access_token");
        assertThat(reply.description()).isEqualTo("Unable to authenticate");
    }

    @Test
    void an_expired_token_is_unauthorized() throws Exception {
        var expired = new TokenService(ServiceInstance.TOKEN_SECRET)
                .issue(new Tenant(APP.org(), APP.app()), 60, Instant.now().minusSeconds(120));
        var reply = new Client(service, APP).call("GET", "/users/anyone", null, Map.of("Authorization", "Bearer " + expired));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error()).isEqualTo("unauthorized");
        assertThat(reply.description()).isEqualTo("Unable to authenticate due to expired access token");
    }

    @Test
    void registering_without_a_token_in_authorised_mode_is_refused() {
        var reply = new Client(service, APP).post("/users", Map.of("username", "anon", "password", "pw"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error()).isEqualTo("unauthorized");
        assertThat(reply.description()).isEqualTo("Open registration doesn't allow, so register user need token");
    }

    @Test
    void an_unknown_route_is_an_easemob_404() {
        var reply = client.get("/no/such/route");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error()).isEqualTo("service_resource_not_found");
        assertThat(reply.description()).isEqualTo("Service resource not found");
        assertThat(reply.body().get("exception").asText()).isEqualTo("ResourceNotFoundException");
    }

    @Test
    void a_wrong_method_is_an_easemob_405() {
        var reply = client.put("/users/someone/contacts/users", Map.of());

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.error()).isEqualTo("method_not_allowed");
        assertThat(reply.description()).isEqualTo("Method PUT is not allowed for /" + APP.org() + "/" + APP.app() + "/users/someone/contacts/users");
        assertThat(reply.body().has("timestamp")).isTrue();
    }

    @Test
    void malformed_json_is_json_parse_and_registers_nothing() {
        var reply = client.call("POST", "/users", "{\"username\": \"broken\", ", Map.of("Content-Type", "application/json"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("json_parse");
        assertThat(client.get("/users/broken").status()).isEqualTo(404);
    }

    @Test
    void a_body_without_content_type_is_read_as_json() {
        var reply = client.raw("POST", "/users", "{\"username\":\"noctype\",\"password\":\"pw\"}",
                Map.of("Authorization", "Bearer " + client.token()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("entities").get(0).get("username").asText()).isEqualTo("noctype");
    }

    @Test
    void a_non_json_content_type_is_unsupported_media_type() {
        var reply = client.call("POST", "/users", "username=x", Map.of("Content-Type", "text/plain"));

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.error()).isEqualTo("web_application");
        assertThat(reply.description()).isEqualTo("Unsupported Media Type");
    }
}
