package dev.relations.api.http;

import dev.relations.api.config.Apps;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.Tenant;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Easemob's success envelope and error body. */
public final class Envelope {
    /** Request attribute holding the arrival time, for {@code duration}. */
    public static final String STARTED_AT = "relations.startedAt";

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Envelope() {
    }

    /** The full envelope: action, application, applicationName, organization, uri, entities, timestamp, duration. */
    public static Envelope of(HttpRequest<?> request, Tenant tenant, String action) {
        var envelope = new Envelope();
        envelope.fields.put("action", action);
        envelope.fields.put("application", Apps.uuidOf(tenant));
        envelope.fields.put("applicationName", tenant.app());
        envelope.fields.put("organization", tenant.org());
        envelope.fields.put("uri", uri(request));
        envelope.fields.put("entities", List.of());
        return envelope;
    }

    public Envelope with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    /** Easemob's {@code params}: those of the named query parameters the request gave, each as a list ({@code {"pagesize":["2"]}}). */
    public Envelope withParams(HttpRequest<?> request, String... names) {
        var params = new LinkedHashMap<String, Object>();
        for (var name : names) {
            request.getParameters().getFirst(name).ifPresent(value -> params.put(name, List.of(value)));
        }
        return with("params", params);
    }

    public MutableHttpResponse<Map<String, Object>> ok(HttpRequest<?> request) {
        fields.put("timestamp", System.currentTimeMillis());
        fields.put("duration", durationOf(request));
        return HttpResponse.ok(fields);
    }

    public static MutableHttpResponse<Map<String, Object>> error(HttpRequest<?> request, Rejection rejection) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", rejection.error());
        body.put("exception", rejection.exception());
        body.put("timestamp", System.currentTimeMillis());
        body.put("duration", request == null ? 0 : durationOf(request));
        body.put("error_description", rejection.description());
        return HttpResponse.<Map<String, Object>>status(HttpStatus.valueOf(rejection.status())).body(body);
    }

    private static long durationOf(HttpRequest<?> request) {
        return request.getAttribute(STARTED_AT, Long.class).map(t -> System.currentTimeMillis() - t).orElse(0L);
    }

    private static String uri(HttpRequest<?> request) {
        // A read forwarded by a peer names the host the client called.
        var host = request.getHeaders().findFirst("X-Forwarded-Host").orElseGet(() -> request.getHeaders().get("Host"));
        return "http://" + (host == null ? "localhost" : host) + request.getPath();
    }
}
