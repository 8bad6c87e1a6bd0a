package dev.relations.benchmark;

import java.util.List;

/**
 * One workload: untimed preparation, then one operation at a time from each concurrent
 * client. {@link LoadRunner} owns the clock, the clients and the statistics.
 */
interface Scenario extends AutoCloseable {
    String name();

    /** Untimed set-up (users, rosters, topics); must be bounded in time. */
    void prepare() throws Exception;

    /** One operation for the given client (0-based), blocking until its answer. */
    OpResult execute(int client) throws Exception;

    /** Called once when the warm-up ends and measurement starts. */
    default void measuring() {
    }

    /** Extra lines for the report (e.g. latency at the start vs the end of a roster). */
    default List<String> notes() {
        return List.of();
    }

    /** Releases what {@link #prepare()} created; may be called more than once. */
    @Override
    default void close() throws Exception {
    }
}
