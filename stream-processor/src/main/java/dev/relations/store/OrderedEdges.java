package dev.relations.store;

import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * One kind of entry an owner (a user or a room) keeps about others (contacts, blocks, seats,
 * room members): the entries, the order index of the listed ones (owner prefix + seq -> name,
 * for ordered listing) and the size counter, kept in step, so each change touches at most
 * four entries whatever the owner's size.
 */
final class OrderedEdges<V> {
    private final SliceTable<V> edges;
    private final SliceTable<String> order;
    private final Counters counters;
    private final String sizeCounter;
    private final Predicate<V> listed;
    private final ToLongFunction<V> seq;

    OrderedEdges(SliceTable<V> edges, SliceTable<String> order, Counters counters,
                 String sizeCounter, Predicate<V> listed, ToLongFunction<V> seq) {
        this.edges = edges;
        this.order = order;
        this.counters = counters;
        this.sizeCounter = sizeCounter;
        this.listed = listed;
        this.seq = seq;
    }

    V get(String ownerPrefix, String other) {
        return edges.get(ownerPrefix + other);
    }

    int size(String ownerPrefix) {
        return (int) counters.get(ownerPrefix, sizeCounter);
    }

    /** Writes the entry and returns the one it replaced, or null. */
    V put(String ownerPrefix, String other, V value) {
        var key = ownerPrefix + other;
        var previous = edges.get(key);
        if (previous == null) {
            counters.add(ownerPrefix, sizeCounter, 1);
        } else if (listed.test(previous)) {
            order.delete(Keys.ordered(ownerPrefix, seq.applyAsLong(previous)));
        }
        edges.put(key, value);
        if (listed.test(value)) {
            order.put(Keys.ordered(ownerPrefix, seq.applyAsLong(value)), other);
        }
        return previous;
    }

    /** Removes the entry and returns it, or null when there was none. */
    V remove(String ownerPrefix, String other) {
        var previous = edges.delete(ownerPrefix + other);
        if (previous == null) {
            return null;
        }
        if (listed.test(previous)) {
            order.delete(Keys.ordered(ownerPrefix, seq.applyAsLong(previous)));
        }
        counters.add(ownerPrefix, sizeCounter, -1);
        return previous;
    }
}
