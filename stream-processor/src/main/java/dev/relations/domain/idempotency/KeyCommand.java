package dev.relations.domain.idempotency;

/**
 * Commands at an Idempotency-Key's own aggregate, both sent by the API around a write that
 * carries the key. A fingerprint names one request (method, path, query and body); the
 * aggregate binds the key to the first one it sees.
 */
public sealed interface KeyCommand {

    /** Before the write: may this request go? Answered go, 409 (in flight) or 422 (another request). */
    record Claim(String fingerprint, long leaseMillis) implements KeyCommand {
    }

    /** After the write's verdict (or the API's giving up on it): the claim no longer holds retries off. Not answered. */
    record Settle(String fingerprint) implements KeyCommand {
    }
}
