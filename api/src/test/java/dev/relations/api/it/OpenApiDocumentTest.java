package dev.relations.api.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI 3 document the service serves names every API route its router has and the
 * management endpoints (health and metrics), with Easemob's request bodies, success envelope
 * and error body.
 */
class OpenApiDocumentTest {
    private static final TestApp APP = TestApp.unique("openapi", 100);
    private static final Pattern PATH = Pattern.compile("^  (/\\S*):$");
    private static final Pattern METHOD = Pattern.compile("^    (get|post|put|delete|patch|head|options):$");
    private static final List<String> ENVELOPE = List.of("action", "application", "applicationName", "organization",
            "uri", "entities", "data", "timestamp", "duration", "count", "cursor");
    private static final List<String> ERROR = List.of("error", "exception", "timestamp", "duration", "error_description");
    /** POST /token answers a token, not an envelope (SPEC A.2). */
    private static final List<String> TOKEN = List.of("access_token", "expires_in", "application");
    private static ServiceInstance service;

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(TestCluster.get(), "openapi-it-" + APP.name(), APP);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** "METHOD /path" for every operation of the YAML document (paths at two spaces, methods at four). */
    private static Set<String> operations(String yaml) {
        var operations = new HashSet<String>();
        String path = null;
        for (var line : yaml.lines().toList()) {
            var p = PATH.matcher(line);
            if (p.matches()) {
                path = p.group(1);
                continue;
            }
            var m = METHOD.matcher(line);
            if (m.matches() && path != null) {
                operations.add(m.group(1).toUpperCase(Locale.ROOT) + " " + path);
            }
        }
        return operations;
    }

    @Test
    void the_document_is_served_as_openapi_3() {
        var response = OperationsApiTest.get(service, "/swagger/relations-1.0.yml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("openapi: 3.");
        assertThat(response.body()).contains("title: relations");
    }

    @Test
    void every_api_route_of_the_router_is_in_the_document() {
        var documented = operations(OperationsApiTest.get(service, "/swagger/relations-1.0.yml").body());
        // The router answers HEAD for every GET; the document lists the GET.
        var routes = service.context().getBean(Router.class).uriRoutes()
                .filter(r -> r.getUriMatchTemplate().toPathString().startsWith("/{org}/{app}/"))
                .map(r -> r.getHttpMethodName().replace("HEAD", "GET") + " " + r.getUriMatchTemplate().toPathString())
                .distinct()
                .toList();

        assertThat(routes).hasSizeGreaterThan(40);
        assertThat(documented).containsAll(routes);
    }

    @Test
    void the_management_endpoints_are_in_the_document_and_answer_where_it_says() {
        var documented = operations(OperationsApiTest.get(service, "/swagger/relations-1.0.yml").body());
        var management = List.of("GET /health", "GET /health/liveness", "GET /health/readiness", "GET /prometheus");

        assertThat(documented).containsAll(management);
        for (var operation : management) {
            var path = operation.substring("GET ".length());
            assertThat(OperationsApiTest.get(service, path).statusCode()).as(path).isIn(200, 503);
        }
    }

    @Test
    void every_operation_has_easemob_bodies() throws IOException {
        var document = document();
        var withBody = apiRoutes(r -> r.getBodyArgument().isPresent());
        var problems = new ArrayList<String>();
        var withRequestBody = new HashSet<String>();
        int checked = 0;
        for (var path : iterable(document.path("paths").fieldNames())) {
            if (!path.startsWith("/{org}/{app}/")) {
                continue;
            }
            for (var method : iterable(document.path("paths").path(path).fieldNames())) {
                var name = method.toUpperCase(Locale.ROOT) + " " + path;
                var operation = document.path("paths").path(path).path(method);
                checked++;
                if (operation.has("requestBody")) {
                    withRequestBody.add(name);
                    for (var content : operation.path("requestBody").path("content")) {
                        if (properties(document, content.path("schema")).isEmpty()) {
                            problems.add(name + ": a request body without properties");
                        }
                    }
                }
                var success = name.endsWith("/token") ? TOKEN : ENVELOPE;
                if (!answers(document, operation, "2", success)) {
                    problems.add(name + ": no 2xx answer with " + success);
                }
                if (!answers(document, operation, "4", ERROR)) {
                    problems.add(name + ": no 4xx answer with " + ERROR);
                }
            }
        }

        assertThat(checked).isGreaterThan(40);
        assertThat(withRequestBody).containsAll(withBody);
        assertThat(problems).isEmpty();
    }

    @Test
    void every_write_documents_the_idempotency_key_and_its_409_and_422() throws IOException {
        var document = document();
        // Neither a token nor the webhook storage's resend changes the service's state: no key to honour.
        var writes = apiRoutes(r -> Set.of("POST", "PUT", "DELETE").contains(r.getHttpMethodName())
                && !r.getUriMatchTemplate().toPathString().endsWith("/token")
                && !r.getUriMatchTemplate().toPathString().endsWith("/callbacks/storage/retry"));
        var problems = new ArrayList<String>();
        for (var write : writes) {
            var method = write.substring(0, write.indexOf(' '));
            var operation = document.path("paths").path(write.substring(method.length() + 1)).path(method.toLowerCase(Locale.ROOT));
            var header = false;
            for (var declared : operation.path("parameters")) {
                var ref = declared.path("$ref").asText("");
                var parameter = ref.startsWith("#/components/parameters/")
                        ? document.path("components").path("parameters").path(ref.substring("#/components/parameters/".length()))
                        : declared;
                header |= parameter.path("in").asText().equals("header") && parameter.path("name").asText().equals("Idempotency-Key")
                        && parameter.path("schema").path("type").asText().equals("string");
            }
            if (!header) {
                problems.add(write + ": no Idempotency-Key header");
            }
            for (var status : List.of("409", "422")) {
                if (!properties(document, operation.path("responses").path(status).path("content")
                        .path("application/json").path("schema")).containsAll(ERROR)) {
                    problems.add(write + ": no " + status + " with " + ERROR);
                }
            }
        }

        assertThat(writes).hasSizeGreaterThan(30);
        assertThat(problems).isEmpty();
    }

    private static JsonNode document() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(OperationsApiTest.get(service, "/swagger/relations-1.0.yml").body());
    }

    /** "METHOD /template" of each API route of the router that the filter keeps. */
    private static List<String> apiRoutes(Predicate<UriRouteInfo<?, ?>> filter) {
        return service.context().getBean(Router.class).uriRoutes()
                .filter(r -> r.getUriMatchTemplate().toPathString().startsWith("/{org}/{app}/"))
                .filter(filter)
                .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toPathString())
                .distinct()
                .toList();
    }

    /** Whether a response of the status class ({@code "2"}, {@code "4"}) has every content with all the fields. */
    private static boolean answers(JsonNode document, JsonNode operation, String statusClass, List<String> fields) {
        for (var status : iterable(operation.path("responses").fieldNames())) {
            var content = operation.path("responses").path(status).path("content");
            if (!status.startsWith(statusClass) || content.isEmpty()) {
                continue;
            }
            boolean all = true;
            for (var media : content) {
                all &= properties(document, media.path("schema")).containsAll(fields);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** The property names of a schema, following a {@code $ref} into the components. */
    private static Set<String> properties(JsonNode document, JsonNode schema) {
        var ref = schema.path("$ref").asText("");
        var resolved = ref.startsWith("#/components/schemas/")
                ? document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()))
                : schema;
        var names = new HashSet<String>();
        resolved.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
