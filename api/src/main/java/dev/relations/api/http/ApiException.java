package dev.relations.api.http;

import dev.relations.domain.common.Rejection;

/** A client-visible Easemob error, raised where a request is refused before or after the processor. */
public class ApiException extends RuntimeException {
    private final Rejection rejection;
    private int retryAfterSeconds;

    public ApiException(Rejection rejection) {
        super(rejection.description(), null, false, false);
        this.rejection = rejection;
    }

    public ApiException(int status, String error, String exception, String description) {
        this(new Rejection(status, error, exception, description));
    }

    public Rejection rejection() {
        return rejection;
    }

    /** Answers with {@code Retry-After} (seconds), for refusals that pass by themselves. */
    public ApiException retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Seconds for {@code Retry-After}, 0 for none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiException illegalArgument(String description) {
        return new ApiException(Rejection.illegalArgument(description));
    }

    public static ApiException userNotFound() {
        return new ApiException(Rejection.userNotFound());
    }

    public static ApiException unauthorized(String description) {
        return new ApiException(401, "unauthorized", "UnauthorizedException", description);
    }

    public static ApiException badAccessToken(String description) {
        return new ApiException(401, "auth_bad_access_token", "UnauthorizedException", description);
    }

    public static ApiException jsonParse(String description) {
        return new ApiException(400, "json_parse", "JsonParseException", description);
    }
}
