package dev.relations.engine;

import dev.relations.store.Keys;
import dev.relations.store.RoomStores;
import dev.relations.store.StoreNames;
import dev.relations.store.StoreSeats;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.contact.RosterLimits;
import dev.relations.domain.room.RoomLimits;
import dev.relations.domain.seat.SeatLimits;
import dev.relations.schemas.CreateRoom;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.Outcome;
import dev.relations.schemas.StoredMember;
import dev.relations.schemas.StoredRoom;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Chatroom givens and store reads over a {@link TopologyHarness}. */
final class RoomSteps {
    static final Tenant CHAT = new Tenant("acme", "chat");
    /** A plan whose users may be in two chatrooms at once. */
    static final Tenant FEW = new Tenant("acme", "few");

    static final Limits LIMITS = new Limits(tenant -> new RosterLimits(100), tenant -> RoomLimits.defaults(),
            tenant -> new SeatLimits(tenant.equals(FEW) ? 2 : 100));

    private final TopologyHarness relations;

    RoomSteps(TopologyHarness relations) {
        this.relations = relations;
    }

    static CreateRoom createBody(String room, Integer maxUsers, String owner, String... members) {
        return new CreateRoom(room, "room " + room, "about " + room, maxUsers, owner, List.of(members), "");
    }

    Outcome create(Tenant tenant, String room, String owner, String... members) {
        return relations.sendToRoom(tenant, room, createBody(room, null, owner, members));
    }

    /** Creates the room, checks it opened, and forgets everything published so far. */
    void givenRoom(Tenant tenant, String room, String owner, String... members) {
        assertThat(create(tenant, room, owner, members).getStatus()).as("creating room %s", room).isEqualTo(200);
        relations.clearOutputs();
    }

    StoredRoom room(Tenant tenant, String room) {
        ReadOnlyKeyValueStore<String, StoredRoom> rooms = relations.store(StoreNames.ROOMS);
        return rooms.get(Keys.roomEntry(tenant, new RoomId(room)));
    }

    /** Confirmed members in join order, from the order index. */
    List<String> memberOrder(Tenant tenant, String room) {
        return values(relations.store(StoreNames.ROOM_MEMBER_ORDER), roomPrefix(tenant, room));
    }

    /** Every member entry's role, pending ones marked with a trailing '?'. */
    Map<String, String> roles(Tenant tenant, String room) {
        ReadOnlyKeyValueStore<String, StoredMember> members = relations.store(StoreNames.ROOM_MEMBERS);
        var roles = new LinkedHashMap<String, String>();
        entries(members, roomPrefix(tenant, room)).forEach((user, m) -> roles.put(user, m.getRole() + (m.getPending() ? "?" : "")));
        return roles;
    }

    long roomCounter(Tenant tenant, String room, String name) {
        ReadOnlyKeyValueStore<String, Long> counters = relations.store(StoreNames.ROOM_COUNTERS);
        var value = counters.get(RoomStores.counterKey(tenant, new RoomId(room), name));
        return value == null ? 0 : value;
    }

    List<String> blocks(Tenant tenant, String room) {
        return values(relations.store(StoreNames.ROOM_BLOCKS), roomPrefix(tenant, room));
    }

    List<String> allows(Tenant tenant, String room) {
        return values(relations.store(StoreNames.ROOM_ALLOWS), roomPrefix(tenant, room));
    }

    Map<String, Long> mutes(Tenant tenant, String room) {
        return entries(relations.store(StoreNames.ROOM_MUTES), roomPrefix(tenant, room));
    }

    List<String> muteExpiryKeys() {
        return TopologyHarness.allKeys(relations.store(StoreNames.MUTE_EXPIRY));
    }

    /** The rooms a user holds seats in, in join order. */
    List<String> seats(Tenant tenant, String user) {
        return values(relations.store(StoreNames.SEAT_ORDER), Keys.ownerPrefix(tenant, TopologyHarness.name(user)));
    }

    long seatCount(Tenant tenant, String user) {
        ReadOnlyKeyValueStore<String, Long> counters = relations.store(StoreNames.COUNTERS);
        var value = counters.get(Keys.counter(tenant, TopologyHarness.name(user), StoreSeats.SIZE));
        return value == null ? 0 : value;
    }

    /** Type and payload of every event published since the last read. */
    List<String> eventTypes() {
        return relations.events.readValuesToList().stream().map(EventEnvelope::getEventType).toList();
    }

    private static String roomPrefix(Tenant tenant, String room) {
        return Keys.roomPrefix(tenant, new RoomId(room));
    }

    private static <V> List<V> values(ReadOnlyKeyValueStore<String, V> store, String prefix) {
        return new ArrayList<>(entries(store, prefix).values());
    }

    private static <V> Map<String, V> entries(ReadOnlyKeyValueStore<String, V> store, String prefix) {
        var found = new LinkedHashMap<String, V>();
        try (var it = store.prefixScan(prefix, new StringSerializer())) {
            it.forEachRemaining(kv -> found.put(kv.key.substring(prefix.length()), kv.value));
        }
        return found;
    }
}
