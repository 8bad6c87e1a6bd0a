package dev.relations.store;

import dev.relations.mapping.CommandMapping;
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
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The state stores of user aggregates (and of the app's own small aggregate), opened once per
 * processor, with the few operations every view shares.
 */
public final class UserStores {
    public final SliceTable<StoredUser> users;
    final SliceTable<String> userCreation;
    final SliceTable<StoredContact> contacts;
    final SliceTable<String> contactOrder;
    final SliceTable<StoredBlock> blocks;
    final SliceTable<String> blockOrder;
    final SliceTable<String> blockers;
    final SliceTable<StoredBatch> batches;
    final SliceTable<Long> counters;
    public final SliceTable<StoredRequest> requests;
    final SliceTable<StoredSeat> seats;
    final SliceTable<String> seatOrder;
    final SliceTable<Long> appCounters;
    final SliceTable<Long> superAdmins;
    final SliceTable<String> superAdminOrder;

    public UserStores(KeyValueStore<String, byte[]> state, StateLayout layout) {
        users = layout.table(state, StoreNames.USERS);
        userCreation = layout.table(state, StoreNames.USER_CREATION);
        contacts = layout.table(state, StoreNames.CONTACTS);
        contactOrder = layout.table(state, StoreNames.CONTACT_ORDER);
        blocks = layout.table(state, StoreNames.BLOCKS);
        blockOrder = layout.table(state, StoreNames.BLOCK_ORDER);
        blockers = layout.table(state, StoreNames.BLOCKERS);
        batches = layout.table(state, StoreNames.BATCHES);
        counters = layout.table(state, StoreNames.COUNTERS);
        requests = layout.table(state, StoreNames.REQUESTS);
        seats = layout.table(state, StoreNames.SEATS);
        seatOrder = layout.table(state, StoreNames.SEAT_ORDER);
        appCounters = layout.table(state, StoreNames.APP_COUNTERS);
        superAdmins = layout.table(state, StoreNames.SUPER_ADMINS);
        superAdminOrder = layout.table(state, StoreNames.SUPER_ADMIN_ORDER);
    }

    Optional<User> user(Tenant tenant, Username username) {
        return Optional.ofNullable(users.get(Keys.userEntry(tenant, username))).map(u -> CommandMapping.user(u.getUser()));
    }

    /** Stores a user, and its place in the app's creation order with it. */
    public void putUser(Tenant tenant, StoredUser stored) {
        var name = Username.of(stored.getUser().getUsername());
        users.put(Keys.userEntry(tenant, name), stored);
        userCreation.put(Keys.userCreation(tenant, stored.getUser().getCreated(), name), name.value());
    }

    public void deleteUser(Tenant tenant, Username name) {
        var previous = users.delete(Keys.userEntry(tenant, name));
        if (previous != null) {
            userCreation.delete(Keys.userCreation(tenant, previous.getUser().getCreated(), name));
        }
    }

    long counter(Tenant tenant, Username owner, String name) {
        var value = counters.get(Keys.counter(tenant, owner, name));
        return value == null ? 0L : value;
    }

    void addToCounter(Tenant tenant, Username owner, String name, long delta) {
        counters.put(Keys.counter(tenant, owner, name), counter(tenant, owner, name) + delta);
    }

    public long nextSeq(Tenant tenant, Username owner, String name) {
        addToCounter(tenant, owner, name, 1);
        return counter(tenant, owner, name);
    }

    long appCounter(Tenant tenant, String name) {
        var value = appCounters.get(Keys.appCounter(tenant, name));
        return value == null ? 0L : value;
    }

    void addToAppCounter(Tenant tenant, String name, long delta) {
        appCounters.put(Keys.appCounter(tenant, name), appCounter(tenant, name) + delta);
    }

    public long nextAppSeq(Tenant tenant, String name) {
        addToAppCounter(tenant, name, 1);
        return appCounter(tenant, name);
    }

    /** Every entry of one owner in a store, mapped with the other user's name (the key's last part). */
    static <V, T> List<T> scan(SliceView<V> store, Tenant tenant, Username owner, BiFunction<Username, V, T> mapper) {
        var prefix = Keys.ownerPrefix(tenant, owner);
        var all = new ArrayList<T>();
        try (var it = store.prefixScan(prefix, Serdes.String().serializer())) {
            it.forEachRemaining(kv -> all.add(mapper.apply(Username.of(kv.key.substring(prefix.length())), kv.value)));
        }
        return all;
    }
}
