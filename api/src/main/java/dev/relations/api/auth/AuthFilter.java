package dev.relations.api.auth;

import dev.relations.api.config.Apps;
import dev.relations.api.http.ApiException;
import dev.relations.api.http.Envelope;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.Tenant;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.time.Instant;

/**
 * Every call but token issuance (and registration for apps in open mode) needs a bearer
 * token of the app named in its URL. Also stamps the arrival time for {@code duration}
 * and refuses non-JSON bodies (a missing Content-Type is JSON: the official SDK sends none).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(AuthFilter.ORDER)
public class AuthFilter {
    /** Filters that need an authenticated request run after this one. */
    public static final int ORDER = 0;
    /** Request attribute set once an app token is verified: the caller is the app admin (SPEC E.5 actor). */
    public static final String APP_ADMIN = "relations.app-admin";
    private final TokenService tokens;
    private final Apps apps;

    public AuthFilter(TokenService tokens, Apps apps) {
        this.tokens = tokens;
        this.apps = apps;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> filter(HttpRequest<?> request) {
        request.setAttribute(Envelope.STARTED_AT, System.currentTimeMillis());
        var segments = request.getPath().split("/");
        // "/org/app/rest..." splits into ["", org, app, ...]; shorter paths are unknown routes.
        if (segments.length < 4) {
            return null;
        }
        var contentType = request.getContentType();
        if (contentType.isPresent() && !isJson(contentType.get()) && request.getContentLength() > 0) {
            return Envelope.error(request, new Rejection(415, "web_application", "WebApplicationException",
                    "Unsupported Media Type"));
        }
        var tenant = new Tenant(segments[1], segments[2]);
        var app = apps.find(tenant);
        if (app.isEmpty()) {
            return Envelope.error(request, new Rejection(404, "organization_application_not_found",
                    "OrganizationApplicationNotFoundException",
                    "Could not find application for " + tenant.org() + "/" + tenant.app() + " from URI: "
                            + request.getPath().substring(1)));
        }
        var rest = segments[3];
        if (segments.length == 4 && rest.equals("token") && request.getMethod() == HttpMethod.POST) {
            return null;
        }
        var token = request.getHeaders().getAuthorization()
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .orElse(null);
        boolean registration = segments.length == 4 && rest.equals("users") && request.getMethod() == HttpMethod.POST;
        if (token == null && registration) {
            return app.get().isOpenRegistration() ? null : Envelope.error(request, new Rejection(401, "unauthorized",
                    "UnauthorizedException", "Open registration doesn't allow, so register user need token"));
        }
        try {
            tokens.verify(token, tenant, Instant.now());
            request.setAttribute(APP_ADMIN, Boolean.TRUE);
            return null;
        } catch (ApiException e) {
            return Envelope.error(request, e.rejection());
        }
    }

    private static boolean isJson(MediaType type) {
        return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    }
}
