package dev.relations.benchmark;

/**
 * An HTTP workload wrk can drive: preparation through {@link RelationsClient}, then a
 * warm-up run and a measured run of generated requests ({@link WrkRunner}).
 */
interface WrkScenario extends Workload {
    /** The warm-up run's requests. */
    WrkScript warmup();

    /** The measured run's requests; {@code warmupNext} is the first k the warm-up run did not issue. */
    WrkScript measured(long warmupNext);
}
