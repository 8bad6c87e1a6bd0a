package dev.relations.schemas.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Client for the Confluent Schema Registry REST API ({@code POST /subjects/{subject}/versions},
 * {@code GET /schemas/ids/{id}}, {@code PUT /config}); hand-written because Confluent's client
 * artifacts are not on the reachable Maven Central. Works against Confluent Schema Registry and
 * compatible registries, e.g. Apicurio at {@code http://127.0.0.1:8081/apis/ccompat/v7}.
 *
 * <p>Thread-safe. Registrations are cached per subject and schemas per id, so after the first
 * call for a schema or id no request is made again.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient, AutoCloseable {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_BODY = 2_000;

    private final String baseUrl;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final ConcurrentMap<String, ConcurrentMap<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    /** A client with a 5 s connect timeout and a 10 s request timeout. */
    public HttpSchemaRegistryClient(String baseUrl) {
        this(baseUrl, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public HttpSchemaRegistryClient(String baseUrl, Duration connectTimeout, Duration requestTimeout) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String trimmed = baseUrl.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Schema registry URL is not a valid URI: '" + baseUrl + "'", e);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("Schema registry URL must be http(s): '" + baseUrl + "'");
        }
        this.baseUrl = trimmed;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.http = HttpClient.newBuilder()
                // Plain HTTP/1.1: avoids the h2c upgrade dance some registries handle badly.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    private static final int REGISTER_ATTEMPTS = 3;

    @Override
    public int register(String subject, Schema schema) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        ConcurrentMap<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = ids.get(schema);
        if (cached != null) {
            return cached;
        }
        String action = "registering a schema under subject '" + subject + "'";
        JsonNode answer = registerOnce(subject, schema, action);
        JsonNode id = answer.get("id");
        if (id == null || !id.canConvertToInt()) {
            throw new SchemaRegistryException("Schema registry answered " + action + " without an integer id: "
                    + truncate(answer.toString()), SchemaRegistryException.NO_STATUS, SchemaRegistryException.NO_STATUS);
        }
        int value = id.intValue();
        ids.putIfAbsent(schema, value);
        schemasById.putIfAbsent(value, schema);
        return value;
    }

    /**
     * Two first registrations of one subject racing (two stream threads, two instances) can
     * make a registry answer 409 "already exists" to the loser; asked again it finds the
     * subject and answers the id. A genuine incompatibility is a 409 every time.
     */
    private JsonNode registerOnce(String subject, Schema schema, String action) {
        String body = json(Map.of("schema", schema.toString()));
        for (int attempt = 1; ; attempt++) {
            try {
                return send("POST", "/subjects/" + pathSegment(subject) + "/versions", body, action);
            } catch (SchemaRegistryException e) {
                if (e.status() != 409 || attempt == REGISTER_ATTEMPTS) {
                    throw e;
                }
                pause(attempt * 50L);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while registering a schema", SchemaRegistryException.NO_STATUS,
                    SchemaRegistryException.NO_STATUS);
        }
    }

    @Override
    public Schema byId(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        String action = "fetching schema id " + id;
        JsonNode answer = send("GET", "/schemas/ids/" + id, null, action);
        JsonNode type = answer.get("schemaType");
        if (type != null && !type.isNull() && !"AVRO".equalsIgnoreCase(type.asText())) {
            throw new SchemaRegistryException("Schema id " + id + " is a " + type.asText() + " schema, not Avro",
                    SchemaRegistryException.NO_STATUS, SchemaRegistryException.NO_STATUS);
        }
        JsonNode text = answer.get("schema");
        if (text == null || !text.isTextual()) {
            throw new SchemaRegistryException("Schema registry answered " + action + " without a schema: "
                    + truncate(answer.toString()), SchemaRegistryException.NO_STATUS, SchemaRegistryException.NO_STATUS);
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException("Schema id " + id + " from the registry is not a valid Avro schema: "
                    + e.getMessage(), e);
        }
        Schema raced = schemasById.putIfAbsent(id, schema);
        return raced != null ? raced : schema;
    }

    @Override
    public void setCompatibility(String level) {
        Objects.requireNonNull(level, "level");
        String normalized = level.strip().toUpperCase(Locale.ROOT);
        if (!COMPATIBILITY_LEVELS.contains(normalized)) {
            throw new IllegalArgumentException("Unknown compatibility level '" + level + "', expected one of "
                    + COMPATIBILITY_LEVELS);
        }
        send("PUT", "/config", json(Map.of("compatibility", normalized)),
                "setting the global compatibility level to " + normalized);
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "HttpSchemaRegistryClient[" + baseUrl + "]";
    }

    private JsonNode send(String method, String path, String body, String action) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Accept", ACCEPT);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SchemaRegistryException("Schema registry at " + baseUrl + " failed while " + action + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while " + action + " at " + baseUrl, e);
        }
        int status = response.statusCode();
        String text = response.body() == null ? "" : response.body();
        if (status / 100 != 2) {
            throw refusal(action, method, path, status, text);
        }
        if (text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SchemaRegistryException("Schema registry answered " + action + " with a body that is not JSON: "
                    + truncate(text), e);
        }
    }

    private SchemaRegistryException refusal(String action, String method, String path, int status, String body) {
        int errorCode = SchemaRegistryException.NO_STATUS;
        String detail = truncate(body);
        try {
            JsonNode error = JSON.readTree(body);
            if (error != null && error.isObject()) {
                if (error.path("error_code").canConvertToInt()) {
                    errorCode = error.get("error_code").intValue();
                }
                if (error.path("message").isTextual()) {
                    detail = "error_code " + errorCode + ": " + truncate(error.get("message").asText());
                }
            }
        } catch (JsonProcessingException notJson) {
            // keep the raw body as the detail
        }
        String hint = switch (status) {
            case 409 -> " (the schema is incompatible with the subject's earlier versions)";
            case 422 -> " (the registry considers the schema or the request invalid)";
            default -> "";
        };
        return new SchemaRegistryException("Schema registry refused " + action + hint + ": " + method + " "
                + baseUrl + path + " answered HTTP " + status + ", " + detail, status, errorCode);
    }

    private static String json(Map<String, String> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_BODY ? text : text.substring(0, MAX_ERROR_BODY) + "...";
    }
}
