package dev.relations.api.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The hostile requests the fuzz test found, one behaviour each, over a raw socket. */
class HostileRequestsTest {
    private static final TestApp APP = TestApp.unique("hostile", 100);
    private static final String LONG = "a".repeat(10_000);
    private static ServiceInstance service;
    private static String token;
    private static String base;

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(TestCluster.get(), "hostile-it-" + APP.name(), APP);
        var client = new Client(service, APP).authenticated();
        token = client.token();
        client.registerUser("alice");
        base = "/" + APP.org() + "/" + APP.app();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static RawHttp.Answer send(String requestLine, String... headers) {
        var request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nConnection: close\r\n");
        for (var header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        return RawHttp.exchange(service.port(), request.toString().getBytes(StandardCharsets.UTF_8), 20_000).orElseThrow();
    }

    private static String bearer() {
        return "Authorization: Bearer " + token;
    }

    @Test
    void an_html_accept_header_is_answered_with_json() {
        var answer = send("GET " + base + "/users/alice HTTP/1.1", bearer(), "Accept: text/html");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("content-type")).hasValue("application/json");
        assertThat(answer.json().get("entities").get(0).get("username").asText()).isEqualTo("alice");
    }

    @Test
    void an_xml_accept_header_on_an_unknown_user_is_the_easemob_404() {
        var answer = send("GET " + base + "/users/nobody HTTP/1.1", bearer(), "Accept: application/xml");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("error").asText()).isEqualTo("service_resource_not_found");
        assertThat(answer.json().get("error_description").asText()).isEqualTo("Service resource not found");
    }

    @Test
    void a_ten_thousand_character_cookie_and_idempotency_key_are_read_and_the_call_answered() {
        var answer = send("GET " + base + "/users/alice HTTP/1.1", bearer(), "Cookie: s=" + LONG, "Idempotency-Key: " + LONG);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("entities").get(0).get("username").asText()).isEqualTo("alice");
    }

    @Test
    void a_ten_thousand_character_token_is_a_corrupt_access_token() {
        var answer = send("GET " + base + "/users/alice HTTP/1.1", "Authorization: Bearer " + LONG);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("error").asText()).isEqualTo("auth_bad_access_token");
        assertThat(answer.json().get("error_description").asText()).isEqualTo("Unable to authenticate due to corrupt access token");
    }

    @Test
    void a_ten_thousand_character_user_name_is_not_found() {
        var answer = send("GET " + base + "/users/" + LONG + " HTTP/1.1", bearer());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("error").asText()).isEqualTo("service_resource_not_found");
    }

    @Test
    void a_header_too_large_to_read_is_an_easemob_413_and_the_connection_closes() {
        var answer = send("GET " + base + "/users/alice HTTP/1.1", bearer(), "X-Padding: " + "p".repeat(100_000));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().get("error").asText()).isEqualTo("request_entity_too_large");
        assertThat(answer.json().get("exception").asText()).isEqualTo("RequestEntityTooLargeException");
        assertThat(answer.json().get("error_description").asText()).isEqualTo("Request entity too large");
        assertThat(answer.json().has("timestamp")).isTrue();
    }

    @Test
    void a_malformed_escape_in_the_path_is_an_illegal_uri() {
        var answer = send("GET " + base + "/users/%zz HTTP/1.1", bearer());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("illegal_argument");
        assertThat(answer.json().get("error_description").asText()).isEqualTo("Illegal URI");
    }

    @Test
    void a_request_line_that_cannot_be_decoded_is_an_easemob_400() {
        var answer = send("GET " + base + "/users/a b HTTP/1.1", bearer());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("illegal_argument");
        assertThat(answer.json().get("error_description").asText()).isEqualTo("Bad request");
    }

    @Test
    void patch_is_an_easemob_405() {
        var answer = send("PATCH " + base + "/users/alice HTTP/1.1", bearer());

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.json().get("error").asText()).isEqualTo("method_not_allowed");
        assertThat(answer.json().get("error_description").asText()).isEqualTo("Method PATCH is not allowed for " + base + "/users/alice");
    }

    @Test
    void basic_authentication_is_unauthorized() {
        var answer = send("GET " + base + "/users/alice HTTP/1.1", "Authorization: Basic YWxpY2U6c2VjcmV0");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(answer.json().get("error_description").asText()).isEqualTo("Unable to authenticate due to expired access token");
    }

    @Test
    void odd_path_segments_are_answered_as_unknown_users() {
        for (var segment : new String[] {"%2F", "%00", "..%2F", "%C3%28", "%ED%A0%80", "%25"}) {
            var answer = send("GET " + base + "/users/" + segment + " HTTP/1.1", bearer());

            assertThat(answer.status()).as(segment).isEqualTo(404);
            assertThat(answer.json().get("error").asText()).as(segment).isEqualTo("service_resource_not_found");
        }
    }
}
