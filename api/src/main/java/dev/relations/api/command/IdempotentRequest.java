package dev.relations.api.command;

import dev.relations.domain.common.Tenant;
import io.micronaut.http.HttpRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * A write that carries an {@code Idempotency-Key}: the key (as a digest, so that any header value
 * makes a safe record key) and the fingerprint of the one request it may name, its method, path,
 * query and body (the IETF Idempotency-Key header draft).
 *
 * @param claimedAt when the key was first claimed for this request (ms epoch), the same on every retry
 */
public record IdempotentRequest(String key, String digest, String fingerprint, long claimedAt) {

    /** The key and fingerprint of a request, before its claim; empty without the header. */
    static Optional<IdempotentRequest> of(HttpRequest<?> request) {
        var key = request.getHeaders().get(Writes.IDEMPOTENCY_KEY);
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        var body = request.getBody(String.class).orElse("");
        return Optional.of(new IdempotentRequest(key, digest(key),
                fingerprint(request.getMethodName(), request.getPath(), request.getUri().getRawQuery(), body), 0));
    }

    /** What tells two requests apart: the method, the path with its values, the query and a digest of the body. */
    public static String fingerprint(String method, String path, String rawQuery, String body) {
        return method + " " + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery) + " " + sha256(body);
    }

    /** The digest that names a key's aggregate. */
    public static String digest(String key) {
        return sha256(key);
    }

    IdempotentRequest claimedAt(long time) {
        return new IdempotentRequest(key, digest, fingerprint, time);
    }

    /**
     * Every attempt of the request carries the same request id, so the write's own aggregate answers
     * a retry with the first verdict; {@code part} tells apart the commands of a request that writes
     * several aggregates (batch registration).
     */
    String requestId(Tenant tenant, String part) {
        return UUID.nameUUIDFromBytes((tenant.appKey() + "|" + key + "|" + fingerprint + "|" + part)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
