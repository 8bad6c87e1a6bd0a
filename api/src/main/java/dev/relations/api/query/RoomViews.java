package dev.relations.api.query;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Tenant;
import dev.relations.store.Keys;
import dev.relations.store.RoomStores;
import dev.relations.store.Slice;
import dev.relations.store.StoreNames;
import dev.relations.schemas.StoredMember;
import dev.relations.schemas.StoredRoom;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Chatroom reads over one partition's stores, shaped as Easemob answers them. */
public final class RoomViews {
    private RoomViews() {
    }

    public static Optional<StoredRoom> room(ReadRouter.Partition partition, Tenant tenant, RoomId room) {
        return Optional.ofNullable(partition.<StoredRoom>store(StoreNames.ROOMS).get(Keys.roomEntry(tenant, room)));
    }

    /** Confirmed members in join order, without their seqs. */
    public static List<String> membersInJoinOrder(ReadRouter.Partition partition, Tenant tenant, RoomId room) {
        return membersFrom(partition, tenant, room, 0, Integer.MAX_VALUE).stream().map(Map.Entry::getValue).toList();
    }

    /** The members counter (owner and joins in flight included): O(1), unlike walking the order index. */
    public static long memberCount(ReadOnlyKeyValueStore<String, Long> roomCounters, Tenant tenant, RoomId room) {
        var count = roomCounters.get(Keys.roomCounter(tenant, room, RoomStores.MEMBERS));
        return count == null ? 0 : count;
    }

    /** Members in join order with their seq, for cursors. */
    public static List<Map.Entry<Long, String>> membersFrom(ReadRouter.Partition partition, Tenant tenant, RoomId room,
                                                            long afterSeq, int limit) {
        var page = new ArrayList<Map.Entry<Long, String>>();
        try (var it = partition.<String>store(StoreNames.ROOM_MEMBER_ORDER)
                .range(Keys.roomOrder(tenant, room, afterSeq + 1), Keys.roomOrder(tenant, room, Long.MAX_VALUE))) {
            while (it.hasNext() && page.size() < limit) {
                var kv = it.next();
                page.add(Map.entry(Long.parseLong(kv.key.substring(kv.key.length() - 16), 16), kv.value));
            }
        }
        return page;
    }

    /**
     * One page of Easemob's member listing: the owner first, then the others in join order.
     * Walks the order index up to the page, without materialising the room.
     */
    public static List<Map<String, Object>> memberPage(ReadRouter.Partition partition, Tenant tenant, RoomId room, String owner,
                                                       long offset, int size) {
        var page = new ArrayList<Map<String, Object>>();
        if (offset == 0 && size > 0) {
            page.add(Map.of("owner", owner));
        }
        long skip = Math.max(0, offset - 1);
        try (var it = partition.<String>store(StoreNames.ROOM_MEMBER_ORDER)
                .range(Keys.roomOrder(tenant, room, 1), Keys.roomOrder(tenant, room, Long.MAX_VALUE))) {
            while (it.hasNext() && page.size() < size) {
                var member = it.next().value;
                if (member.equals(owner)) {
                    continue;
                }
                if (skip > 0) {
                    skip--;
                    continue;
                }
                page.add(Map.of("member", member));
            }
        }
        return page;
    }

    public static Map<String, Object> detail(ReadRouter.Partition partition, Tenant tenant, RoomId room, StoredRoom info) {
        var members = membersInJoinOrder(partition, tenant, room);
        var affiliations = new ArrayList<Map<String, Object>>();
        for (var member : members) {
            affiliations.add(member.equals(info.getOwner()) ? Map.of("owner", member) : Map.of("member", member));
        }
        var detail = new LinkedHashMap<String, Object>();
        detail.put("id", room.value());
        detail.put("name", info.getName());
        detail.put("description", info.getDescription());
        detail.put("membersonly", false);
        detail.put("allowinvites", false);
        detail.put("maxusers", info.getMaxusers());
        detail.put("owner", info.getOwner());
        detail.put("created", info.getCreated());
        detail.put("custom", info.getCustom());
        detail.put("mute", info.getMuteAll());
        detail.put("affiliations_count", members.size());
        detail.put("affiliations", affiliations);
        detail.put("public", true);
        detail.put("disabled", false);
        return detail;
    }

    /** The usernames of one per-room list store (blocklist, allowlist, admins...), in name order. */
    public static List<String> list(ReadRouter.Partition partition, Slice<String> store, Tenant tenant, RoomId room) {
        var names = new ArrayList<String>();
        try (var it = partition.<String>store(store).prefixScan(Keys.roomPrefix(tenant, room), Serdes.String().serializer())) {
            it.forEachRemaining(kv -> names.add(kv.value));
        }
        return names;
    }

    public static List<String> admins(ReadRouter.Partition partition, Tenant tenant, RoomId room) {
        var prefix = Keys.roomPrefix(tenant, room);
        var names = new ArrayList<String>();
        try (var it = partition.<StoredMember>store(StoreNames.ROOM_MEMBERS).prefixScan(prefix, Serdes.String().serializer())) {
            it.forEachRemaining(kv -> {
                if ("ADMIN".equals(kv.value.getRole()) && !kv.value.getPending()) {
                    names.add(kv.key.substring(prefix.length()));
                }
            });
        }
        return names;
    }

    /** Unexpired mutes: user and expiry (-1 permanent). */
    public static List<Map<String, Object>> mutes(ReadRouter.Partition partition, Tenant tenant, RoomId room, long now) {
        var prefix = Keys.roomPrefix(tenant, room);
        var mutes = new ArrayList<Map<String, Object>>();
        try (var it = partition.<Long>store(StoreNames.ROOM_MUTES).prefixScan(prefix, Serdes.String().serializer())) {
            it.forEachRemaining(kv -> {
                if (kv.value == -1L || kv.value > now) {
                    var mute = new LinkedHashMap<String, Object>();
                    mute.put("expire", kv.value);
                    mute.put("user", kv.key.substring(prefix.length()));
                    mutes.add(mute);
                }
            });
        }
        return mutes;
    }
}
