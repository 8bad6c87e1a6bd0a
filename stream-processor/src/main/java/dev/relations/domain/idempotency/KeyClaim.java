package dev.relations.domain.idempotency;

/**
 * What an Idempotency-Key is bound to: the request's fingerprint, when the key was first
 * claimed, and whether the attempt that holds it is over ({@code settled}) or holds retries off
 * until {@code leaseUntil}.
 */
public record KeyClaim(String fingerprint, long claimedAt, long leaseUntil, boolean settled) {
}
