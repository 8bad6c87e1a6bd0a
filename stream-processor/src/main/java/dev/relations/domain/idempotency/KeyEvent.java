package dev.relations.domain.idempotency;

/** Internal bookkeeping of an Idempotency-Key: never published. */
public sealed interface KeyEvent {

    /** The key is bound to the request since {@code claimedAt}, held off for retries until {@code leaseUntil}. */
    record Claimed(String fingerprint, long claimedAt, long leaseUntil) implements KeyEvent {
    }

    record Settled() implements KeyEvent {
    }
}
