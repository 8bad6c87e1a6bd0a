package dev.relations.benchmark;

import java.util.List;

/** A scenario as the run sees it: a name, untimed preparation, notes for the report, clean-up. */
interface Workload extends AutoCloseable {
    String name();

    /** Untimed set-up (users, rosters, rooms, topics); must be bounded in time. */
    void prepare() throws Exception;

    /** Extra lines for the report (e.g. latency at the start vs the end of a roster). */
    default List<String> notes() {
        return List.of();
    }

    /** Releases what {@link #prepare()} created; may be called more than once. */
    @Override
    default void close() throws Exception {
    }
}
