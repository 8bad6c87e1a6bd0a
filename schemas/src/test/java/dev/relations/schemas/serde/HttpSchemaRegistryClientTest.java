package dev.relations.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.relations.schemas.test.Key;
import dev.relations.schemas.test.Profile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the client against a fake registry that mimics the Confluent REST API under Apicurio's ccompat prefix. */
class HttpSchemaRegistryClientTest {

    private static final String PREFIX = "/apis/ccompat/v7";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private String baseUrl;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> idsBySchemaText = new ConcurrentHashMap<>();
    private final Map<Integer, String> schemaTextById = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(21);

    record Request(String method, String path, String contentType, String accept, String body) {
    }

    @BeforeEach
    void startFakeRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PREFIX + "/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
    }

    @AfterEach
    void stopFakeRegistry() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
        String method = exchange.getRequestMethod();
        requests.add(new Request(method, path, exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Accept"), body));
        if (method.equals("POST") && path.matches("/subjects/[^/]+/versions")) {
            if (path.startsWith("/subjects/incompatible")) {
                respond(exchange, 409, "{\"error_code\":409,\"message\":\"Schema being registered is incompatible"
                        + " with an earlier schema for subject \\\"incompatible-value\\\"\"}");
                return;
            }
            String schema = JSON.readTree(body).get("schema").asText();
            new Schema.Parser().parse(schema);
            int id = idsBySchemaText.computeIfAbsent(schema, s -> nextId.getAndIncrement());
            schemaTextById.put(id, schema);
            respond(exchange, 200, "{\"id\":" + id + "}");
        } else if (method.equals("GET") && path.startsWith("/schemas/ids/")) {
            String schema = schemaTextById.get(Integer.parseInt(path.substring("/schemas/ids/".length())));
            if (schema == null) {
                respond(exchange, 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
            } else {
                respond(exchange, 200, JSON.writeValueAsString(Map.of("schema", schema)));
            }
        } else if (method.equals("PUT") && path.equals("/config")) {
            respond(exchange, 200, body);
        } else {
            respond(exchange, 404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void registersWithTheConfluentRequestShapeAndCachesTheId() throws Exception {
        try (var client = new HttpSchemaRegistryClient(baseUrl + "/")) {
            var serde = new ConfluentAvroSerde<>(client, Profile.class);

            byte[] first = serde.serializer().serialize("profiles", new Profile("p1", "Alice", "free"));
            byte[] second = serde.serializer().serialize("profiles", new Profile("p2", "Bob", "gold"));

            assertThat(requests).hasSize(1);
            Request request = requests.getFirst();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/subjects/profiles-value/versions");
            assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
            assertThat(request.accept()).contains("application/vnd.schemaregistry.v1+json");
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.size()).isEqualTo(1);
            assertThat(new Schema.Parser().parse(body.get("schema").asText())).isEqualTo(Profile.getClassSchema());
            assertThat(first[0]).isZero();
            assertThat(ByteBuffer.wrap(first, 1, 4).getInt()).isEqualTo(21);
            assertThat(ByteBuffer.wrap(second, 1, 4).getInt()).isEqualTo(21);
            // The id of a schema this client registered is known without asking.
            assertThat(serde.deserializer().deserialize("profiles", second).getName()).isEqualTo("Bob");
            assertThat(requests).hasSize(1);
        }
    }

    @Test
    void keySubjectAndDirectRegisterShareTheCache() {
        try (var client = new HttpSchemaRegistryClient(baseUrl)) {
            var serde = ConfluentAvroSerde.forKeys(client, Key.class);
            serde.serializer().serialize("contacts", new Key("org#app", "alice"));

            assertThat(client.register("contacts-key", Key.getClassSchema())).isEqualTo(21);
            assertThat(requests).extracting(Request::path).containsExactly("/subjects/contacts-key/versions");
        }
    }

    @Test
    void fetchesAWriterSchemaByIdOnce() {
        byte[] bytes;
        try (var writerSide = new HttpSchemaRegistryClient(baseUrl)) {
            bytes = new ConfluentAvroSerde<>(writerSide, Profile.class).serializer()
                    .serialize("profiles", new Profile("p1", "Alice", "free"));
        }
        requests.clear();
        try (var readerSide = new HttpSchemaRegistryClient(baseUrl)) {
            var deserializer = new ConfluentAvroSerde<>(readerSide, Profile.class).deserializer();

            assertThat(deserializer.deserialize("profiles", bytes).getId()).isEqualTo("p1");
            assertThat(deserializer.deserialize("profiles", bytes).getId()).isEqualTo("p1");
            assertThat(readerSide.byId(21)).isEqualTo(Profile.getClassSchema());

            assertThat(requests).hasSize(1);
            assertThat(requests.getFirst().method()).isEqualTo("GET");
            assertThat(requests.getFirst().path()).isEqualTo("/schemas/ids/21");
        }
    }

    @Test
    void setsTheGlobalCompatibility() throws Exception {
        try (var client = new HttpSchemaRegistryClient(baseUrl)) {
            client.setCompatibility("backward");

            Request request = requests.getFirst();
            assertThat(request.method()).isEqualTo("PUT");
            assertThat(request.path()).isEqualTo("/config");
            assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
            assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("{\"compatibility\":\"BACKWARD\"}"));
            assertThatThrownBy(() -> client.setCompatibility("LENIENT")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void incompatibleSchemaSurfacesWithSubjectStatusAndRegistryMessage() {
        try (var client = new HttpSchemaRegistryClient(baseUrl)) {
            assertThatThrownBy(() -> client.register("incompatible-value", Profile.getClassSchema()))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.errorCode()).isEqualTo(409);
                    })
                    .hasMessageContaining("subject 'incompatible-value'")
                    .hasMessageContaining("HTTP 409")
                    .hasMessageContaining("incompatible with an earlier schema");

            var serde = new ConfluentAvroSerde<>(client, Profile.class);
            assertThatThrownBy(() -> serde.serializer().serialize("incompatible", new Profile("p", "n", "t")))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("'incompatible-value'")
                    .hasCauseInstanceOf(SchemaRegistryException.class);
        }
    }

    @Test
    void unknownIdSurfacesTheRegistryError() {
        try (var client = new HttpSchemaRegistryClient(baseUrl)) {
            assertThatThrownBy(() -> client.byId(404))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.errorCode()).isEqualTo(40403);
                    })
                    .hasMessageContaining("schema id 404")
                    .hasMessageContaining("Schema not found");
        }
    }

    @Test
    void serverErrorBodyIsShownWhenNotJson() {
        server.createContext("/html/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            respond(exchange, 500, "<html>Internal explosion</html>");
        });
        String htmlBase = "http://127.0.0.1:" + server.getAddress().getPort() + "/html";
        try (var client = new HttpSchemaRegistryClient(htmlBase)) {
            assertThatThrownBy(() -> client.register("x-value", Key.getClassSchema()))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(500))
                    .hasMessageContaining("HTTP 500")
                    .hasMessageContaining("<html>Internal explosion</html>");
        }
    }

    @Test
    void unreachableRegistryFailsFast() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (var client = new HttpSchemaRegistryClient("http://127.0.0.1:" + closedPort,
                Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.byId(1))
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining("127.0.0.1:" + closedPort)
                    .hasMessageContaining("fetching schema id 1");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void slowRegistryTimesOut() {
        server.createContext("/slow/", exchange -> {
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "{}");
        });
        String slowBase = "http://127.0.0.1:" + server.getAddress().getPort() + "/slow";
        try (var client = new HttpSchemaRegistryClient(slowBase, Duration.ofSeconds(1), Duration.ofMillis(300))) {
            assertThatThrownBy(() -> client.byId(7))
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining("timed out");
        }
    }

    @Test
    void subjectIsPathEncoded() {
        try (var client = new HttpSchemaRegistryClient(baseUrl)) {
            client.register("odd topic/name-value", Key.getClassSchema());

            assertThat(requests.getFirst().path()).isEqualTo("/subjects/odd%20topic%2Fname-value/versions");
        }
    }

    @Test
    void rejectsABadBaseUrl() {
        assertThatThrownBy(() -> new HttpSchemaRegistryClient("ftp://registry"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
