package dev.relations.engine;

import java.time.Duration;

/**
 * How long an Idempotency-Key is honoured, and how many expired entries one run of the
 * purge may forget: the purge runs on the stream thread, so each run's work is bounded.
 */
public record RequestRetention(Duration keep, int forgetPerRun) {
    /** Runs every {@link #EVERY}: at most 1,000 requests a second forgotten by default. */
    public static final Duration EVERY = Duration.ofSeconds(10);
    public static final int FORGET_PER_RUN = 10_000;

    public RequestRetention {
        if (forgetPerRun < 1) {
            throw new IllegalArgumentException("forgetPerRun must be at least 1");
        }
    }

    public static RequestRetention of(Duration keep) {
        return new RequestRetention(keep, FORGET_PER_RUN);
    }
}
