package dev.relations.query;

import dev.relations.domain.common.AggregateRef;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.domain.room.Mute;
import dev.relations.domain.room.RoomInfo;
import dev.relations.domain.room.SendRule;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.UserView;
import dev.relations.store.Keys;
import dev.relations.store.RoomMapping;
import dev.relations.store.RoomStores;
import dev.relations.store.Slice;
import dev.relations.store.StateLayout;
import dev.relations.store.StoreNames;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The typed reads the HTTP module answers from: over one partition of the state store (the
 * aggregate's), or over every partition hosted here. Keys, slices and stored records stay
 * behind this class; each read touches the entries it returns plus at most one.
 */
public final class StateQueries {
    /** An owner's lists kept in insertion order, read newest first. */
    public enum OwnerList {
        CONTACTS(StoreNames.CONTACT_ORDER), BLOCKS(StoreNames.BLOCK_ORDER), JOINED_ROOMS(StoreNames.SEAT_ORDER);

        private final Slice<String> order;

        OwnerList(Slice<String> order) {
            this.order = order;
        }
    }

    /** A room's plain name sets, in name order. */
    public enum RoomList {
        BLOCKLIST(StoreNames.ROOM_BLOCKS), ALLOWLIST(StoreNames.ROOM_ALLOWS);

        private final Slice<String> names;

        RoomList(Slice<String> names) {
            this.names = names;
        }
    }

    /** One entry of an ordered list: its position (a cursor) and the name there. */
    public record Ordered(long seq, String name) {
    }

    /** A user's place in the app's creation order: a cursor of the user listing. */
    public record CreationPosition(long created, Username user) {
    }

    /** A room as the app-wide room listing shows it. */
    public record RoomSummary(RoomId id, String name, String owner, long memberCount) {
    }

    /** Sorts after every character a key part may contain. */
    private static final String END = "\uffff";

    private final ReadOnlyKeyValueStore<String, byte[]> physical;
    private final StateLayout layout;

    public StateQueries(ReadOnlyKeyValueStore<String, byte[]> physical, StateLayout layout) {
        this.physical = physical;
        this.layout = layout;
    }

    private <V> ReadOnlyKeyValueStore<String, V> slice(Slice<V> slice) {
        return layout.view(physical, slice);
    }

    public Optional<UserView> user(Tenant tenant, Username user) {
        return Optional.ofNullable(slice(StoreNames.USERS).get(Keys.userEntry(tenant, user))).map(u -> u.getUser());
    }

    /**
     * Up to {@code limit} users of the app created after {@code after} (excluded), in creation order,
     * ties by name. A partition's own users only: the app's users live on every partition.
     */
    public List<UserView> usersCreatedAfter(Tenant tenant, Optional<CreationPosition> after, int limit) {
        var users = new ArrayList<UserView>(Math.clamp(limit, 0, 64));
        var from = after.map(p -> Keys.userCreation(tenant, p.created(), p.user())).orElse(tenant.appKey() + "|");
        var skip = after.map(p -> from);
        try (var it = slice(StoreNames.USER_CREATION).range(from, tenant.appKey() + "|" + END)) {
            while (it.hasNext() && users.size() < limit) {
                var kv = it.next();
                if (skip.filter(kv.key::equals).isEmpty()) {
                    user(tenant, Username.of(kv.value)).ifPresent(users::add);
                }
            }
        }
        return users;
    }

    public boolean userExists(Tenant tenant, Username user) {
        return layout.view(physical, StoreNames.USERS).contains(Keys.userEntry(tenant, user));
    }

    /** Up to {@code limit} entries of an owner's list with a seq below {@code belowSeq}, newest first. */
    public List<Ordered> newestFirst(OwnerList list, Tenant tenant, Username owner, long belowSeq, int limit) {
        if (belowSeq <= 0) {
            return new ArrayList<>();
        }
        return ordered(list.order, Keys.order(tenant, owner, 0L), Keys.order(tenant, owner, belowSeq - 1), true, limit);
    }

    /** The remark on an owner's contact; empty when there is none or no such contact. */
    public Optional<String> remark(Tenant tenant, Username owner, Username friend) {
        return Optional.ofNullable(slice(StoreNames.CONTACTS).get(Keys.contact(tenant, owner, friend))).map(c -> c.getRemark());
    }

    public Optional<RoomInfo> room(Tenant tenant, RoomId room) {
        return Optional.ofNullable(slice(StoreNames.ROOMS).get(Keys.roomEntry(tenant, room))).map(r -> RoomMapping.info(room, r));
    }

    /** The members counter (owner and joins in flight included): O(1), unlike walking the order index. */
    public long memberCount(Tenant tenant, RoomId room) {
        var count = slice(StoreNames.ROOM_COUNTERS).get(Keys.roomCounter(tenant, room, RoomStores.MEMBERS));
        return count == null ? 0 : count;
    }

    /** Up to {@code limit} confirmed members after {@code afterSeq}, in join order. */
    public List<Ordered> membersInJoinOrder(Tenant tenant, RoomId room, long afterSeq, int limit) {
        return ordered(StoreNames.ROOM_MEMBER_ORDER, Keys.roomOrder(tenant, room, afterSeq + 1),
                Keys.roomOrder(tenant, room, Long.MAX_VALUE), false, limit);
    }

    /** Up to {@code limit} confirmed members with a seq below {@code belowSeq}, the latest to join first. */
    public List<Ordered> membersLatestFirst(Tenant tenant, RoomId room, long belowSeq, int limit) {
        if (belowSeq <= 0) {
            return new ArrayList<>();
        }
        return ordered(StoreNames.ROOM_MEMBER_ORDER, Keys.roomOrder(tenant, room, 0L), Keys.roomOrder(tenant, room, belowSeq - 1),
                true, limit);
    }

    public List<String> names(RoomList list, Tenant tenant, RoomId room) {
        var names = new ArrayList<String>();
        try (var it = slice(list.names).prefixScan(Keys.roomPrefix(tenant, room), null)) {
            it.forEachRemaining(kv -> names.add(kv.value));
        }
        return names;
    }

    /** Whether the owner has the friend as a contact (a confirmed edge: an add still in flight is not one). */
    public boolean isFriend(Tenant tenant, Username owner, Username friend) {
        var edge = slice(StoreNames.CONTACTS).get(Keys.contact(tenant, owner, friend));
        return edge != null && edge.getConfirmed();
    }

    /** Whether the user may send in the room at {@code now} (SPEC G-22); empty when there is no such room. */
    public Optional<Boolean> canSend(Tenant tenant, RoomId room, Username user, long now) {
        var key = Keys.roomMember(tenant, room, user);
        var member = Optional.ofNullable(slice(StoreNames.ROOM_MEMBERS).get(key)).map(m -> RoomMapping.member(user, m));
        var mute = Optional.ofNullable(slice(StoreNames.ROOM_MUTES).get(key)).map(expiry -> new Mute(user, expiry));
        boolean allowlisted = slice(StoreNames.ROOM_ALLOWS).get(key) != null;
        return room(tenant, room).map(info -> SendRule.canSend(info, member, mute, allowlisted, now));
    }

    /** Confirmed admins, in name order. */
    public List<String> admins(Tenant tenant, RoomId room) {
        var prefix = Keys.roomPrefix(tenant, room);
        var names = new ArrayList<String>();
        try (var it = slice(StoreNames.ROOM_MEMBERS).prefixScan(prefix, null)) {
            it.forEachRemaining(kv -> {
                if ("ADMIN".equals(kv.value.getRole()) && !kv.value.getPending()) {
                    names.add(kv.key.substring(prefix.length()));
                }
            });
        }
        return names;
    }

    /** Mutes still in force at {@code now}: user -> expiry in ms since the epoch (-1 permanent), in name order. */
    public Map<String, Long> mutes(Tenant tenant, RoomId room, long now) {
        var prefix = Keys.roomPrefix(tenant, room);
        var mutes = new LinkedHashMap<String, Long>();
        Predicate<Long> inForce = expiry -> expiry == -1L || expiry > now;
        try (var it = slice(StoreNames.ROOM_MUTES).prefixScan(prefix, null)) {
            it.forEachRemaining(kv -> {
                if (inForce.test(kv.value)) {
                    mutes.put(kv.key.substring(prefix.length()), kv.value);
                }
            });
        }
        return mutes;
    }

    /** The app's chatroom super admins in the order they were added, skipping the first {@code offset}. */
    public List<String> superAdmins(Tenant tenant, long offset, int limit) {
        var names = new ArrayList<String>(Math.clamp(limit, 0, 64));
        var prefix = Keys.appPrefix(tenant);
        try (var it = slice(StoreNames.SUPER_ADMIN_ORDER).range(prefix, prefix + END)) {
            for (long skipped = 0; it.hasNext() && names.size() < limit; skipped++) {
                var name = it.next().value;
                if (skipped >= offset) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Every room of the app in the partitions this store covers, in id order. */
    public List<RoomSummary> rooms(Tenant tenant) {
        var prefix = tenant.appKey() + "|";
        var rooms = new ArrayList<RoomSummary>();
        try (var it = slice(StoreNames.ROOMS).prefixScan(prefix, null)) {
            it.forEachRemaining(kv -> {
                var room = new RoomId(kv.key.substring(prefix.length()));
                rooms.add(new RoomSummary(room, kv.value.getName(), kv.value.getOwner(), memberCount(tenant, room)));
            });
        }
        return rooms;
    }

    /**
     * Up to {@code limit} events of an aggregate's history with a seq below {@code belowSeq} that
     * {@code wanted} accepts, newest first. Reads the page plus the entries the filter passes over.
     */
    public List<EventEnvelope> history(Tenant tenant, AggregateRef aggregate, long belowSeq, int limit,
                                       Predicate<EventEnvelope> wanted) {
        var page = new ArrayList<EventEnvelope>(Math.clamp(limit, 0, 64));
        if (belowSeq <= 0) {
            return page;
        }
        try (var it = slice(StoreNames.EVENT_HISTORY)
                .reverseRange(Keys.history(tenant, aggregate, 0L), Keys.history(tenant, aggregate, belowSeq - 1))) {
            while (it.hasNext() && page.size() < limit) {
                var event = it.next().value;
                if (wanted.test(event)) {
                    page.add(event);
                }
            }
        }
        return page;
    }

    /** Up to {@code limit} entries of an order index between two keys (both included), forwards or backwards. */
    private List<Ordered> ordered(Slice<String> index, String from, String to, boolean backwards, int limit) {
        var page = new ArrayList<Ordered>(Math.clamp(limit, 0, 64));
        var view = slice(index);
        try (KeyValueIterator<String, String> it = backwards ? view.reverseRange(from, to) : view.range(from, to)) {
            while (it.hasNext() && page.size() < limit) {
                var kv = it.next();
                page.add(new Ordered(Keys.seqOf(kv.key), kv.value));
            }
        }
        return page;
    }
}
