package dev.relations.processor;

import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;
import dev.relations.schemas.StoredBatch;
import dev.relations.schemas.StoredBlock;
import dev.relations.schemas.StoredContact;
import dev.relations.schemas.StoredRequest;
import dev.relations.schemas.StoredSeat;
import dev.relations.schemas.StoredUser;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** The state stores of user aggregates, opened once per processor, with the few operations every view shares. */
final class UserStores {
    final KeyValueStore<String, StoredUser> users;
    final KeyValueStore<String, StoredContact> contacts;
    final KeyValueStore<String, String> contactOrder;
    final KeyValueStore<String, StoredBlock> blocks;
    final KeyValueStore<String, String> blockOrder;
    final KeyValueStore<String, String> blockers;
    final KeyValueStore<String, StoredBatch> batches;
    final KeyValueStore<String, Long> counters;
    final KeyValueStore<String, StoredRequest> requests;
    final KeyValueStore<String, StoredSeat> seats;
    final KeyValueStore<String, String> seatOrder;

    UserStores(ProcessingContext context) {
        users = context.getStateStore(StoreNames.USERS);
        contacts = context.getStateStore(StoreNames.CONTACTS);
        contactOrder = context.getStateStore(StoreNames.CONTACT_ORDER);
        blocks = context.getStateStore(StoreNames.BLOCKS);
        blockOrder = context.getStateStore(StoreNames.BLOCK_ORDER);
        blockers = context.getStateStore(StoreNames.BLOCKERS);
        batches = context.getStateStore(StoreNames.BATCHES);
        counters = context.getStateStore(StoreNames.COUNTERS);
        requests = context.getStateStore(StoreNames.REQUESTS);
        seats = context.getStateStore(StoreNames.SEATS);
        seatOrder = context.getStateStore(StoreNames.SEAT_ORDER);
    }

    Optional<User> user(Tenant tenant, Username username) {
        return Optional.ofNullable(users.get(Keys.userEntry(tenant, username))).map(u -> CommandMapping.user(u.getUser()));
    }

    long counter(Tenant tenant, Username owner, String name) {
        var value = counters.get(Keys.counter(tenant, owner, name));
        return value == null ? 0L : value;
    }

    void addToCounter(Tenant tenant, Username owner, String name, long delta) {
        counters.put(Keys.counter(tenant, owner, name), counter(tenant, owner, name) + delta);
    }

    long nextSeq(Tenant tenant, Username owner, String name) {
        addToCounter(tenant, owner, name, 1);
        return counter(tenant, owner, name);
    }

    /** Every entry of one owner in a store, mapped with the other user's name (the key's last part). */
    static <V, T> List<T> scan(KeyValueStore<String, V> store, Tenant tenant, Username owner, BiFunction<Username, V, T> mapper) {
        var prefix = Keys.ownerPrefix(tenant, owner);
        var all = new ArrayList<T>();
        try (var it = store.prefixScan(prefix, Serdes.String().serializer())) {
            it.forEachRemaining(kv -> all.add(mapper.apply(Username.of(kv.key.substring(prefix.length())), kv.value)));
        }
        return all;
    }
}
