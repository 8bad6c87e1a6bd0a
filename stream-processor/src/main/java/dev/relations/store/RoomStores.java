package dev.relations.store;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Tenant;
import dev.relations.schemas.StoredMember;
import dev.relations.schemas.StoredRoom;
import dev.relations.schemas.StoredRoomBatch;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.List;
import java.util.function.BiFunction;

/** The state stores of chatroom aggregates, opened once per processor, with the counters every room keeps. */
public final class RoomStores {
    /** Counter names in {@link StoreNames#ROOM_COUNTERS}, read by the query side too. */
    /** Members of a room, owner and joins in flight included. */
    public static final String MEMBERS = "members";
    public static final String ADMINS = "admins";
    static final String SEQ = "seq";
    public static final String EVENT_SEQ = "event-seq";

    final SliceTable<StoredRoom> rooms;
    final SliceTable<StoredMember> members;
    final SliceTable<String> memberOrder;
    final SliceTable<String> blocks;
    final SliceTable<String> allows;
    final SliceTable<Long> mutes;
    public final SliceTable<String> muteExpiry;
    final SliceTable<StoredRoomBatch> batches;
    final SliceTable<Long> counters;
    final Counters counted;

    public RoomStores(KeyValueStore<String, byte[]> state, StateLayout layout) {
        rooms = layout.table(state, StoreNames.ROOMS);
        members = layout.table(state, StoreNames.ROOM_MEMBERS);
        memberOrder = layout.table(state, StoreNames.ROOM_MEMBER_ORDER);
        blocks = layout.table(state, StoreNames.ROOM_BLOCKS);
        allows = layout.table(state, StoreNames.ROOM_ALLOWS);
        mutes = layout.table(state, StoreNames.ROOM_MUTES);
        muteExpiry = layout.table(state, StoreNames.MUTE_EXPIRY);
        batches = layout.table(state, StoreNames.ROOM_BATCHES);
        counters = layout.table(state, StoreNames.ROOM_COUNTERS);
        counted = new Counters(counters);
    }

    public static String counterKey(Tenant tenant, RoomId room, String name) {
        return Keys.roomCounter(tenant, room, name);
    }

    long counter(Tenant tenant, RoomId room, String name) {
        return counted.get(Keys.roomPrefix(tenant, room), name);
    }

    public long nextSeq(Tenant tenant, RoomId room, String name) {
        return counted.next(Keys.roomPrefix(tenant, room), name);
    }

    /** Every entry of one room in a store, mapped with the key's last part (a user name). */
    static <V, T> List<T> scan(SliceView<V> store, Tenant tenant, RoomId room, BiFunction<String, V, T> mapper) {
        return store.scan(Keys.roomPrefix(tenant, room), mapper);
    }
}
