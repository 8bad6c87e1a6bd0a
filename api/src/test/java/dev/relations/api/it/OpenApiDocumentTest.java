package dev.relations.api.it;

import io.micronaut.web.router.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI 3 document the service serves names every API route its router has (the
 * management endpoints, /health and /prometheus, are described in the README).
 */
class OpenApiDocumentTest {
    private static final TestApp APP = TestApp.unique("openapi", 100);
    private static final Pattern PATH = Pattern.compile("^  (/\\S*):$");
    private static final Pattern METHOD = Pattern.compile("^    (get|post|put|delete|patch|head|options):$");
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
}
