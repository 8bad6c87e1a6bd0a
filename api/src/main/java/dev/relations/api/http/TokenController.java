package dev.relations.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relations.api.auth.ApiName;
import dev.relations.api.auth.TokenService;
import dev.relations.api.config.Apps;
import dev.relations.api.http.docs.BadRequest;
import dev.relations.api.http.docs.ErrorBody;
import dev.relations.api.http.docs.TokenAnswer;
import dev.relations.api.http.docs.TokenRequest;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.Tenant;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;

/** {@code POST /{org}/{app}/token}: app tokens for the client-credentials grant. */
@Controller("/{org}/{app}/token")
public class TokenController {
    /** Used when a request names no ttl, in seconds (60 days). */
    static final long DEFAULT_TTL = 5_184_000L;

    private final Apps apps;
    private final TokenService tokens;
    private final JsonBodies json;

    public TokenController(Apps apps, TokenService tokens, JsonBodies json) {
        this.apps = apps;
        this.tokens = tokens;
        this.json = json;
    }

    @Post
    @Consumes(MediaType.ALL)
    @RequestBody(content = @Content(schema = @Schema(implementation = TokenRequest.class)))
    @ApiResponse(responseCode = "200", description = "a token: not an envelope",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenAnswer.class)))
    @BadRequest
    @ApiResponse(responseCode = "404", description = "organization_application_not_found",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "429", description = "reach_limit",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @ApiName("token")
    public HttpResponse<?> issue(HttpRequest<?> request, String org, String app, @Nullable @Body String body) {
        var tenant = new Tenant(org, app);
        var settings = apps.find(tenant).orElseThrow();
        JsonNode grant = json.parse(body);
        var grantType = text(grant, "grant_type");
        if (!"client_credentials".equals(grantType)) {
            throw new ApiException(new Rejection(400, "unsupported_grant_type", "UnsupportedGrantTypeException",
                    "unsupported grant type: " + grantType));
        }
        var clientId = text(grant, "client_id");
        var clientSecret = text(grant, "client_secret");
        if (clientId == null || clientId.isEmpty()) {
            throw ApiException.illegalArgument("client_id must be provided.");
        }
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw ApiException.illegalArgument("client_secret must be provided");
        }
        if (!clientId.equals(settings.getClientId())) {
            throw new ApiException(new Rejection(400, "invalid_grant", "InvalidGrantException", "client_id does not match"));
        }
        if (settings.getClientSecret() == null || settings.getClientSecret().isEmpty()
                || !MessageDigest.isEqual(clientSecret.getBytes(StandardCharsets.UTF_8),
                settings.getClientSecret().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(new Rejection(400, "invalid_grant", "InvalidGrantException", "client_secret does not match"));
        }
        long ttl = grant.hasNonNull("ttl") ? grant.get("ttl").asLong(DEFAULT_TTL) : DEFAULT_TTL;
        if (ttl < 0) {
            throw ApiException.illegalArgument("ttl must be a positive number of seconds, or 0 for no expiry");
        }
        var answer = new LinkedHashMap<String, Object>();
        answer.put("access_token", tokens.issue(tenant, ttl, Instant.now()));
        answer.put("expires_in", ttl);
        answer.put("application", Apps.uuidOf(tenant));
        return HttpResponse.ok(answer);
    }

    private static String text(JsonNode node, String field) {
        return node.isObject() && node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
