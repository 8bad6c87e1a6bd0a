package dev.relations.processor;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Tenant;
import dev.relations.schemas.StoredMember;
import dev.relations.schemas.StoredRoom;
import dev.relations.schemas.StoredRoomBatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** The state stores of chatroom aggregates, opened once per processor, with the counters every room keeps. */
public final class RoomStores {
    /** Counter names in {@link StoreNames#ROOM_COUNTERS}, read by the query side too. */
    /** Members of a room, owner and joins in flight included. */
    public static final String MEMBERS = "members";
    static final String ADMINS = "admins";
    static final String SEQ = "seq";
    static final String EVENT_SEQ = "event-seq";

    final KeyValueStore<String, StoredRoom> rooms;
    final KeyValueStore<String, StoredMember> members;
    final KeyValueStore<String, String> memberOrder;
    final KeyValueStore<String, String> blocks;
    final KeyValueStore<String, String> allows;
    final KeyValueStore<String, Long> mutes;
    final KeyValueStore<String, String> muteExpiry;
    final KeyValueStore<String, StoredRoomBatch> batches;
    final KeyValueStore<String, Long> counters;

    RoomStores(ProcessingContext context) {
        rooms = context.getStateStore(StoreNames.ROOMS);
        members = context.getStateStore(StoreNames.ROOM_MEMBERS);
        memberOrder = context.getStateStore(StoreNames.ROOM_MEMBER_ORDER);
        blocks = context.getStateStore(StoreNames.ROOM_BLOCKS);
        allows = context.getStateStore(StoreNames.ROOM_ALLOWS);
        mutes = context.getStateStore(StoreNames.ROOM_MUTES);
        muteExpiry = context.getStateStore(StoreNames.MUTE_EXPIRY);
        batches = context.getStateStore(StoreNames.ROOM_BATCHES);
        counters = context.getStateStore(StoreNames.ROOM_COUNTERS);
    }

    static String counterKey(Tenant tenant, RoomId room, String name) {
        return Keys.roomCounter(tenant, room, name);
    }

    long counter(Tenant tenant, RoomId room, String name) {
        var value = counters.get(counterKey(tenant, room, name));
        return value == null ? 0L : value;
    }

    void addToCounter(Tenant tenant, RoomId room, String name, long delta) {
        counters.put(counterKey(tenant, room, name), counter(tenant, room, name) + delta);
    }

    long nextSeq(Tenant tenant, RoomId room, String name) {
        addToCounter(tenant, room, name, 1);
        return counter(tenant, room, name);
    }

    /** Every entry of one room in a store, mapped with the key's last part (a user name). */
    static <V, T> List<T> scan(KeyValueStore<String, V> store, Tenant tenant, RoomId room, BiFunction<String, V, T> mapper) {
        var prefix = Keys.roomPrefix(tenant, room);
        var all = new ArrayList<T>();
        try (var it = store.prefixScan(prefix, Serdes.String().serializer())) {
            it.forEachRemaining(kv -> all.add(mapper.apply(kv.key.substring(prefix.length()), kv.value)));
        }
        return all;
    }
}
