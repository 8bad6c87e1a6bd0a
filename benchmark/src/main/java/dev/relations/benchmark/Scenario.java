package dev.relations.benchmark;

/**
 * A workload the benchmark's JVM drives: one operation at a time from each concurrent
 * client. {@link LoadRunner} owns the clock, the clients and the statistics.
 */
interface Scenario extends Workload {
    /** One operation for the given client (0-based), blocking until its answer. */
    OpResult execute(int client) throws Exception;

    /** Called once when the warm-up ends and measurement starts. */
    default void measuring() {
    }
}
