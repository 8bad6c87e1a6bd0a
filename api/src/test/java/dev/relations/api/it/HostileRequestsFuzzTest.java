package dev.relations.api.it;

import io.micronaut.web.router.Router;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests a hostile client would send, over every route of the router: odd path segments,
 * methods, tokens, Accept and Content-Type headers, oversized headers and bodies, sent over a
 * raw socket. Whatever arrives, the service answers (never drops the connection), never with a
 * 5xx, every error in Easemob's body, and nothing but the token call gets in without a valid token.
 */
class HostileRequestsFuzzTest {
    private static final TestApp APP = TestApp.unique("fuzz", 100);
    private static final TestApp OTHER = TestApp.unique("fuzzother", 100);
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");
    private static final String LONG = "a".repeat(10_000);

    private static ServiceInstance service;
    private static List<Route> routes;
    private static String token;
    private static String otherToken;

    record Route(String method, String template) {
    }

    enum Auth { VALID, NONE, GARBAGE, BASIC, OTHER_APP, HUGE, EMPTY_BEARER }

    record Hostile(String method, String path, Auth auth, List<String> headers, byte[] body) {
        boolean tokenCall() {
            return path.equals("/" + APP.org() + "/" + APP.app() + "/token");
        }

        byte[] bytes() {
            var out = new ByteArrayOutputStream();
            var head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            switch (auth) {
                case VALID -> head.append("Authorization: Bearer ").append(token).append("\r\n");
                case GARBAGE -> head.append("Authorization: Bearer not.a.token\r\n");
                case BASIC -> head.append("Authorization: Basic YWxpY2U6c2VjcmV0\r\n");
                case OTHER_APP -> head.append("Authorization: Bearer ").append(otherToken).append("\r\n");
                case HUGE -> head.append("Authorization: Bearer ").append(LONG).append("\r\n");
                case EMPTY_BEARER -> head.append("Authorization: Bearer \r\n");
                case NONE -> { }
            }
            headers.forEach(h -> head.append(h).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.writeBytes(body);
            }
            return out.toByteArray();
        }

        @Override
        public String toString() {
            var shortPath = path.length() > 120 ? path.substring(0, 120) + "…(" + path.length() + ")" : path;
            var shortHeaders = headers.stream().map(h -> h.length() > 80 ? h.substring(0, 80) + "…(" + h.length() + ")" : h).toList();
            return method + " " + shortPath + " auth=" + auth + " headers=" + shortHeaders + " body=" + (body == null ? "none" : body.length + "B");
        }
    }

    @BeforeContainer
    static void start() {
        service = ServiceInstance.start(TestCluster.get(), "fuzz-it-" + APP.name(), APP, OTHER);
        var client = new Client(service, APP).authenticated();
        token = client.token();
        otherToken = new Client(service, OTHER).authenticated().token();
        client.registerUser("alice");
        client.registerUser("bob");
        routes = service.context().getBean(Router.class).uriRoutes()
                .map(r -> new Route(r.getHttpMethodName(), r.getUriMatchTemplate().toPathString()))
                .filter(r -> r.template().startsWith("/{org}/{app}"))
                .distinct()
                .toList();
    }

    @AfterContainer
    static void stop() {
        service.close();
    }

    @Property(tries = 2000, seed = "20261203")
    void every_hostile_request_is_answered_below_500_in_easemobs_shape_and_none_gets_in_without_a_token(
            @ForAll("hostile") Hostile request) {
        var answer = RawHttp.exchange(service.port(), request.bytes(), 20_000);

        assertThat(answer).as("an answer to %s", request).isPresent();
        var status = answer.get().status();
        assertThat(status).as("status of %s", request).isLessThan(500);
        if (status >= 400 && !request.method().equals("HEAD")) {
            var body = answer.get().json();
            assertThat(body.isObject()).as("JSON object body for %s: %s", request, answer.get().text()).isTrue();
            for (var field : List.of("error", "exception", "timestamp", "duration", "error_description")) {
                assertThat(body.has(field)).as("%s in the body for %s: %s", field, request, answer.get().text()).isTrue();
            }
        }
        if (request.auth() != Auth.VALID && !request.tokenCall()) {
            assertThat(status).as("no way in without a valid token: %s", request).isGreaterThanOrEqualTo(400);
        }
    }

    @Provide
    Arbitrary<Hostile> hostile() {
        var route = Arbitraries.of(routes);
        var method = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just((String) null)),
                Tuple.of(2, Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO", "get")));
        var segment = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("alice", "bob", "nobody", "123456789", "alice,bob")),
                Tuple.of(6, Arbitraries.of("%2F", "%00", "..%2F", "%C3%28", "%ED%A0%80", "%25", "%zz", "%", "%2C",
                        "..", ".", "a;b=c", "%E4%BD%A0", "%FF%FE", "a%20b", "%0D%0AX-Injected:%201", LONG, "x".repeat(65))));
        var tenant = Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.just(APP.org() + "/" + APP.app())),
                Tuple.of(1, Arbitraries.of("no-org/no-app", OTHER.org() + "/" + OTHER.app(), "%2F/%00")));
        var query = Arbitraries.of("", "", "", "?limit=-1", "?limit=abc", "?limit=99999", "?cursor=%%%", "?cursor=" + LONG,
                "?pagenum=0&pagesize=99999", "?version=v3&limit=0", "?needReturnRemark=maybe", "?pageSize=0&cursor=AAAA",
                "?isSendNotice=2");
        var auth = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(Auth.VALID)),
                Tuple.of(5, Arbitraries.of(Auth.values())));
        var headers = Arbitraries.of(
                List.<String>of(),
                List.of("Accept: text/html"), List.of("Accept: application/xml"), List.of("Accept: ;;garbage;;"),
                List.of("Accept: */*"), List.of("Content-Type: text/plain"), List.of("Content-Type: application/json"),
                List.of("Content-Type: multipart/form-data; boundary=x"), List.of("Content-Type: application/x-www-form-urlencoded"),
                List.of("Content-Type: ;;"), List.of("Idempotency-Key: " + LONG), List.of("Cookie: session=" + LONG),
                List.of("X-Huge: " + "h".repeat(100_000)), List.of("Idempotency-Key: fuzz-key"),
                List.of("Accept: text/html", "Content-Type: text/xml"));
        var body = Arbitraries.of(
                null, "", "{}", "[]", "null", "{", "{\"usernames\":[\"alice\"]}", "{\"usernames\":\"alice\"}",
                "{\"username\":\"fuzzed\",\"password\":\"pw\"}", "{\"name\":\"r\",\"description\":\"d\",\"owner\":\"alice\"}",
                "{\"newowner\":\"bob\"}", "{\"remark\":" + "\"" + LONG + "\"}", "{\"mute_duration\":-5,\"usernames\":[\"bob\"]}",
                "\u0000\u0001\u0002", "{\"grant_type\":\"client_credentials\",\"client_id\":1}", "x".repeat(1_100_000));
        return Combinators.combine(route, method, segment, tenant, query, auth, headers, body)
                .as((r, m, seg, t, q, a, h, b) -> new Hostile(m == null ? r.method() : m, path(r.template(), t, seg) + q, a, h,
                        b == null ? null : b.getBytes(StandardCharsets.UTF_8)));
    }

    private static String path(String template, String tenant, String segment) {
        var filled = template.replace("{org}/{app}", tenant);
        var variables = VARIABLE.matcher(filled);
        var parts = new ArrayList<String>();
        var out = new StringBuilder();
        while (variables.find()) {
            parts.add(variables.group());
            variables.appendReplacement(out, parts.size() == 1 ? Matcher.quoteReplacement(segment) : "bob");
        }
        variables.appendTail(out);
        return out.toString();
    }
}
