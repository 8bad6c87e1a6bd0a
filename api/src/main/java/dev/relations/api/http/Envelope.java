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
    private final HttpRequest<?> request;
    private final Tenant tenant;

    private Envelope(HttpRequest<?> request, Tenant tenant) {
        this.request = request;
        this.tenant = tenant;
    }

    /** The full envelope: action, application, applicationName, organization, uri, entities, timestamp, duration. */
    public static Envelope of(HttpRequest<?> request, Tenant tenant, String action) {
        var envelope = new Envelope(request, tenant);
        envelope.fields.put("action", action);
        envelope.fields.put("application", Apps.uuidOf(tenant));
        envelope.fields.put("applicationName", tenant.app());
        envelope.fields.put("organization", tenant.org());
        envelope.fields.put("uri", uri(request));
        envelope.fields.put("entities", List.of());
        return envelope;
    }

    /**
     * SPEC A.3's internal form: {@code path} names the resource Easemob's way (e.g. the owner's
     * UUID, {@code /users/{uuid}/contacts}), and {@code uri} is that path under the app's base URL
     * instead of the request's URL.
     */
    public Envelope withInternalPath(String path) {
        fields.put("path", path);
        return withInternalUri(path);
    }

    /** {@code uri} in SPEC A.3's internal form: {@code path} under the app's base URL (e.g. {@code /users/{u}/rostersByPage}). */
    public Envelope withInternalUri(String path) {
        fields.put("uri", base(request) + "/" + tenant.org() + "/" + tenant.app() + path);
        return this;
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
        return base(request) + request.getPath();
    }

    private static String base(HttpRequest<?> request) {
        // A read forwarded by a peer names the host the client called.
        var host = request.getHeaders().findFirst("X-Forwarded-Host").orElseGet(() -> request.getHeaders().get("Host"));
        return "http://" + (host == null ? "localhost" : host);
    }
}
