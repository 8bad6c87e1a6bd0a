package dev.relations.store;

import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;

import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * One kind of per-owner edge (contacts, blocks): the edge entries, the order index of the
 * confirmed ones (seq -> name, for newest-first listing) and the size counter, kept in step.
 */
final class OrderedEdges<V> {
    private final SliceTable<V> edges;
    private final SliceTable<String> order;
    private final UserStores stores;
    private final String sizeCounter;
    private final Predicate<V> confirmed;
    private final ToLongFunction<V> seq;

    OrderedEdges(SliceTable<V> edges, SliceTable<String> order, UserStores stores,
                 String sizeCounter, Predicate<V> confirmed, ToLongFunction<V> seq) {
        this.edges = edges;
        this.order = order;
        this.stores = stores;
        this.sizeCounter = sizeCounter;
        this.confirmed = confirmed;
        this.seq = seq;
    }

    V get(Tenant tenant, Username owner, Username other) {
        return edges.get(Keys.edge(tenant, owner, other));
    }

    int size(Tenant tenant, Username owner) {
        return (int) stores.counter(tenant, owner, sizeCounter);
    }

    void put(Tenant tenant, Username owner, Username other, V value) {
        var key = Keys.edge(tenant, owner, other);
        var previous = edges.get(key);
        if (previous == null) {
            stores.addToCounter(tenant, owner, sizeCounter, 1);
        } else if (confirmed.test(previous)) {
            order.delete(Keys.order(tenant, owner, seq.applyAsLong(previous)));
        }
        edges.put(key, value);
        if (confirmed.test(value)) {
            order.put(Keys.order(tenant, owner, seq.applyAsLong(value)), other.value());
        }
    }

    void remove(Tenant tenant, Username owner, Username other) {
        var previous = edges.delete(Keys.edge(tenant, owner, other));
        if (previous == null) {
            return;
        }
        if (confirmed.test(previous)) {
            order.delete(Keys.order(tenant, owner, seq.applyAsLong(previous)));
        }
        stores.addToCounter(tenant, owner, sizeCounter, -1);
    }
}
