package dev.relations.store;

/**
 * The named counters of owners (users or rooms) in one counter slice: an owner's counter lives
 * at its owner prefix + {@code '#'} + name, beside its entries.
 */
final class Counters {
    private final SliceTable<Long> table;

    Counters(SliceTable<Long> table) {
        this.table = table;
    }

    long get(String ownerPrefix, String name) {
        var value = table.get(ownerPrefix + "#" + name);
        return value == null ? 0L : value;
    }

    void add(String ownerPrefix, String name, long delta) {
        table.put(ownerPrefix + "#" + name, get(ownerPrefix, name) + delta);
    }

    /** Increments and returns the counter: seqs start at 1. */
    long next(String ownerPrefix, String name) {
        long next = get(ownerPrefix, name) + 1;
        table.put(ownerPrefix + "#" + name, next);
        return next;
    }
}
