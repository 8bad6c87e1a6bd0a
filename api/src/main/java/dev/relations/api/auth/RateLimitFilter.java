package dev.relations.api.auth;

import dev.relations.api.http.Envelope;
import dev.relations.api.http.StatusErrors;
import dev.relations.domain.common.Tenant;
import io.micrometer.core.instrument.MeterRegistry;
import dev.relations.api.query.PeerForwarding;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;

import java.util.Map;

import java.util.concurrent.TimeUnit;

/**
 * Refuses a call over its API's rate limit with Easemob's 429 {@code reach_limit} and a
 * {@code Retry-After} in seconds (our extension; Easemob sends none). Runs after
 * {@link AuthFilter}: only calls with a valid token (and token requests) spend an app's quota,
 * so nobody without one can exhaust it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(AuthFilter.ORDER + 1)
public class RateLimitFilter {
    private final RateLimits limits;
    private final MeterRegistry meters;
    private final PeerForwarding forwarding;

    public RateLimitFilter(RateLimits limits, MeterRegistry meters, PeerForwarding forwarding) {
        this.limits = limits;
        this.meters = meters;
        this.forwarding = forwarding;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> filter(HttpRequest<?> request) {
        if (!limits.enabled() || forwarding.isForwarded(request)) {
            // A read a peer forwarded was counted where the client sent it.
            return null;
        }
        var route = RouteAttributes.getRouteInfo(request);
        var api = route.flatMap(r -> r.getAnnotationMetadata().stringValue(ApiName.class));
        if (api.isEmpty()) {
            return null;
        }
        var variables = RouteAttributes.getRouteMatch(request).map(RouteMatch::getVariableValues).orElse(Map.of());
        var org = variables.get("org");
        var app = variables.get("app");
        if (org == null || app == null) {
            return null;
        }
        var wait = limits.acquire(new Tenant(org.toString(), app.toString()), api.get());
        if (wait.isEmpty()) {
            return null;
        }
        meters.counter("relations.rate.limit.refusals", "org", org.toString(), "app", app.toString(), "api", api.get()).increment();
        long seconds = Math.max(1, (wait.getAsLong() + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
        return Envelope.error(request, StatusErrors.REACH_LIMIT).header("Retry-After", Long.toString(seconds));
    }
}
