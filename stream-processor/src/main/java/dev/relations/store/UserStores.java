package dev.relations.store;

import dev.relations.mapping.CommandMapping;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;
import dev.relations.schemas.CommandEnvelope;
import dev.relations.schemas.StoredBatch;
import dev.relations.schemas.StoredBlock;
import dev.relations.schemas.StoredContact;
import dev.relations.schemas.StoredSeat;
import dev.relations.schemas.StoredUser;
import org.apache.kafka.streams.state.KeyValueStore;

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
    public final RequestLog requests;
    public final SliceTable<CommandEnvelope> reservationDeadlines;
    final SliceTable<StoredSeat> seats;
    final SliceTable<String> seatOrder;
    final SliceTable<String> roomEntryNotes;
    final Counters counted;
    final SliceTable<Long> appCounters;
    final Counters appCounted;
    final SliceTable<Long> roomReservations;
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
        reservationDeadlines = layout.table(state, StoreNames.RESERVATION_DEADLINES);
        requests = new RequestLog(layout.table(state, StoreNames.REQUESTS), layout.table(state, StoreNames.REQUEST_CREATION));
        seats = layout.table(state, StoreNames.SEATS);
        seatOrder = layout.table(state, StoreNames.SEAT_ORDER);
        roomEntryNotes = layout.table(state, StoreNames.ROOM_ENTRY_NOTES);
        counted = new Counters(counters);
        appCounters = layout.table(state, StoreNames.APP_COUNTERS);
        appCounted = new Counters(appCounters);
        roomReservations = layout.table(state, StoreNames.ROOM_RESERVATIONS);
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

    public long nextSeq(Tenant tenant, Username owner, String name) {
        return counted.next(Keys.ownerPrefix(tenant, owner), name);
    }

    long appCounter(Tenant tenant, String name) {
        return appCounted.get(Keys.appPrefix(tenant), name);
    }

    void addToAppCounter(Tenant tenant, String name, long delta) {
        appCounted.add(Keys.appPrefix(tenant), name, delta);
    }

    public long nextAppSeq(Tenant tenant, String name) {
        return appCounted.next(Keys.appPrefix(tenant), name);
    }

    /** Every entry of one owner in a store, mapped with the other user's name (the key's last part). */
    static <V, T> List<T> scan(SliceView<V> store, Tenant tenant, Username owner, BiFunction<Username, V, T> mapper) {
        return store.scan(Keys.ownerPrefix(tenant, owner), (other, value) -> mapper.apply(Username.of(other), value));
    }
}
