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
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** The state stores of user aggregates, opened once per processor, with the few operations every view shares. */
public final class UserStores {
    public final SliceTable<StoredUser> users;
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
    final Counters counted;

    public UserStores(KeyValueStore<String, byte[]> state, StateLayout layout) {
        users = layout.table(state, StoreNames.USERS);
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
        counted = new Counters(counters);
    }

    Optional<User> user(Tenant tenant, Username username) {
        return Optional.ofNullable(users.get(Keys.userEntry(tenant, username))).map(u -> CommandMapping.user(u.getUser()));
    }

    public long nextSeq(Tenant tenant, Username owner, String name) {
        return counted.next(Keys.ownerPrefix(tenant, owner), name);
    }

    /** Every entry of one owner in a store, mapped with the other user's name (the key's last part). */
    static <V, T> List<T> scan(SliceView<V> store, Tenant tenant, Username owner, BiFunction<Username, V, T> mapper) {
        return store.scan(Keys.ownerPrefix(tenant, owner), (other, value) -> mapper.apply(Username.of(other), value));
    }
}
