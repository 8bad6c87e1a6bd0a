package dev.relations.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The running service's REST API, as an app server calls it: an app token by client credentials, then GETs. */
final class ServiceApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RATE_LIMITED = 429;
    private static final int ATTEMPTS = 20;

    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status == 200;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String token;

    ServiceApi(String baseUrl, String org, String app) {
        var trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.base = trimmed + "/" + org + "/" + app;
    }

    void authenticate(String clientId, String clientSecret) {
        var body = Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret);
        try {
            var answer = send(HttpRequest.newBuilder(URI.create(base + "/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
            if (!answer.ok()) {
                throw new IllegalStateException("the service refused the client credentials of " + clientId + ": HTTP "
                        + answer.status() + " " + answer.body().path("error_description").asText(""));
            }
            token = answer.body().get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET of {@code path} (under /{org}/{app}); waits out rate limits. */
    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET());
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Answer send(HttpRequest.Builder request) {
        var built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            for (int attempt = 1; ; attempt++) {
                var response = http.send(built, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == RATE_LIMITED && attempt < ATTEMPTS) {
                    long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                    Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)));
                    continue;
                }
                var text = response.body();
                return new Answer(response.statusCode(), text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the service at " + base + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
