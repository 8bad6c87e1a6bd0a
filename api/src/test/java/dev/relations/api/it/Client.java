package dev.relations.api.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client speaking to one instance as an app server would. */
public final class Client {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final TestApp app;
    private String token;

    public Client(ServiceInstance instance, TestApp app) {
        this(instance.baseUrl(), app);
    }

    public Client(String baseUrl, TestApp app) {
        this.base = baseUrl + "/" + app.org() + "/" + app.app();
        this.app = app;
    }

    public record Reply(int status, JsonNode body, HttpHeaders headers) {
        public String error() {
            return body.path("error").asText(null);
        }

        public String description() {
            return body.path("error_description").asText(null);
        }
    }

    /** Fetches (once) and uses an app token. */
    public Client authenticated() {
        var reply = call("POST", "/token", Map.of("grant_type", "client_credentials", "client_id", app.clientId(),
                "client_secret", app.clientSecret()), Map.of());
        if (reply.status() != 200) {
            throw new IllegalStateException("token request failed: " + reply);
        }
        token = reply.body().get("access_token").asText();
        return this;
    }

    /** The app's base URL: {@code http://host:port/{org}/{app}}. */
    public String base() {
        return base;
    }

        public String token() {
        return token;
    }

    public Reply get(String path) {
        return call("GET", path, null, Map.of());
    }

    public Reply post(String path, Object body) {
        return call("POST", path, body, Map.of());
    }

    public Reply put(String path, Object body) {
        return call("PUT", path, body, Map.of());
    }

    public Reply delete(String path) {
        return call("DELETE", path, null, Map.of());
    }

    public Reply registerUser(String username) {
        var reply = post("/users", Map.of("username", username, "password", "pw-" + username));
        if (reply.status() != 200) {
            throw new IllegalStateException("register " + username + " failed: " + reply);
        }
        return reply;
    }

    public Reply call(String method, String path, Object body, Map<String, String> headers) {
        var all = new LinkedHashMap<String, String>();
        if (token != null) {
            all.put("Authorization", "Bearer " + token);
        }
        all.putAll(headers);
        return raw(method, path, body == null ? null : write(body), all);
    }

    /** A request exactly as given: raw body text, only the headers named. */
    public Reply raw(String method, String path, String body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var text = response.body();
            return new Reply(response.statusCode(), text == null || text.isEmpty() ? JSON.nullNode() : JSON.readTree(text),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
