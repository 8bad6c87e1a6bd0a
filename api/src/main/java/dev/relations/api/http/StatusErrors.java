package dev.relations.api.http;

import dev.relations.domain.common.Rejection;
import io.micronaut.http.HttpRequest;

/**
 * The Easemob error for a bare HTTP status, for refusals the server itself makes before any
 * controller runs (unknown route, wrong method, oversized or unparsable request).
 */
public final class StatusErrors {
    /** Easemob's answer to a request over its API's rate limit (SPEC A.6). */
    public static final Rejection REACH_LIMIT = new Rejection(429, "reach_limit", "ReachLimitException",
            "This request has reached api limit");

    private StatusErrors() {
    }

    public static Rejection of(int status, HttpRequest<?> request) {
        return switch (status) {
            case 400 -> Rejection.illegalArgument("Bad request");
            case 401 -> new Rejection(401, "unauthorized", "UnauthorizedException", "Unable to authenticate due to expired access token");
            case 404 -> new Rejection(404, "service_resource_not_found", "ResourceNotFoundException", "Service resource not found");
            case 405 -> new Rejection(405, "method_not_allowed", "MethodNotAllowedException",
                    "Method " + request.getMethodName() + " is not allowed for " + request.getPath());
            case 408 -> new Rejection(408, "request_timeout", "RequestTimeoutException", "Request timeout");
            case 413, 431 -> new Rejection(413, "request_entity_too_large", "RequestEntityTooLargeException",
                    "Request entity too large");
            case 415 -> new Rejection(415, "web_application", "WebApplicationException", "Unsupported Media Type");
            case 429 -> REACH_LIMIT;
            case 503 -> new Rejection(503, "service_unavailable", "ServiceUnavailableException", "Service unavailable, please retry");
            default -> status >= 500
                    ? new Rejection(500, "internal_server_error", "InternalServerErrorException", "Internal server error")
                    : new Rejection(status, "web_application", "WebApplicationException", "Request refused");
        };
    }
}
