package dev.relations.api.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryProcessTest {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String SCHEMA_V1 = """
            {"type":"record","name":"Probe","namespace":"dev.relations.test","fields":[\
            {"name":"id","type":"string"}]}""";
    private static final String SCHEMA_V2_WITHOUT_DEFAULT = """
            {"type":"record","name":"Probe","namespace":"dev.relations.test","fields":[\
            {"name":"id","type":"string"},{"name":"added","type":"string"}]}""";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dataDir;

    @AfterAll
    static void closeClient() {
        HTTP.close();
    }

    @Test
    void a_registered_schema_is_found_by_id_after_a_restart_on_the_same_data_dir() throws Exception {
        int port = freePort();
        int id;
        try (RegistryProcess registry = RegistryProcess.start(RegistryProcess.defaultJar(), dataDir, port)) {
            assertThat(registry.ccompatUrl()).isEqualTo("http://127.0.0.1:" + port + "/apis/ccompat/v7");

            HttpResponse<String> registered = register(registry, "t-value", SCHEMA_V1);
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            id = idOf(registered.body());

            HttpResponse<String> byId = get(registry.ccompatUrl() + "/schemas/ids/" + id);
            assertThat(byId.statusCode()).as(byId.body()).isEqualTo(200);
            assertThat(byId.body()).contains("dev.relations.test").contains("Probe");
        }
        assertThat(portIsFree(port)).as("registry gone after close").isTrue();

        try (RegistryProcess restarted = RegistryProcess.start(RegistryProcess.defaultJar(), dataDir, port)) {
            HttpResponse<String> byId = get(restarted.ccompatUrl() + "/schemas/ids/" + id);
            assertThat(byId.statusCode()).as(byId.body()).isEqualTo(200);
            assertThat(byId.body()).contains("dev.relations.test").contains("Probe");

            HttpResponse<String> again = register(restarted, "t-value", SCHEMA_V1);
            assertThat(idOf(again.body())).as("same schema keeps its id").isEqualTo(id);
        }
    }

    @Test
    void global_compatibility_is_backward_so_a_new_field_without_default_is_rejected() throws Exception {
        try (RegistryProcess registry = RegistryProcess.start(RegistryProcess.defaultJar(), dataDir, freePort())) {
            HttpResponse<String> config = get(registry.ccompatUrl() + "/config");
            assertThat(config.statusCode()).isEqualTo(200);
            assertThat(config.body()).contains("BACKWARD");

            assertThat(register(registry, "c-value", SCHEMA_V1).statusCode()).isEqualTo(200);
            HttpResponse<String> incompatible = register(registry, "c-value", SCHEMA_V2_WITHOUT_DEFAULT);
            assertThat(incompatible.statusCode()).as(incompatible.body()).isEqualTo(409);
        }
    }

    private static HttpResponse<String> register(RegistryProcess registry, String subject, String avroSchema)
            throws IOException, InterruptedException {
        String body = "{\"schema\":\"" + avroSchema.replace("\"", "\\\"") + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry.ccompatUrl() + "/subjects/" + subject + "/versions"))
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", CONTENT_TYPE).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int idOf(String body) {
        Matcher matcher = ID.matcher(body);
        assertThat(matcher.find()).as("id in " + body).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
