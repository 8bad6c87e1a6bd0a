package dev.relations.eventlog;

import dev.relations.eventlog.Entries.ContactEntry;
import dev.relations.eventlog.Entries.MemberEntry;
import dev.relations.eventlog.Entries.Role;
import dev.relations.eventlog.Entries.RoomEntry;
import dev.relations.eventlog.Entries.UserEntry;
import dev.relations.schemas.ContactAdded;
import dev.relations.schemas.ContactRemarkSet;
import dev.relations.schemas.ContactRemoved;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.RoomAdminsAdded;
import dev.relations.schemas.RoomAdminsRemoved;
import dev.relations.schemas.RoomAllowlistAdded;
import dev.relations.schemas.RoomAllowlistRemoved;
import dev.relations.schemas.RoomBlocklistAdded;
import dev.relations.schemas.RoomBlocklistRemoved;
import dev.relations.schemas.RoomCreated;
import dev.relations.schemas.RoomDeleted;
import dev.relations.schemas.RoomMembersJoined;
import dev.relations.schemas.RoomMembersLeft;
import dev.relations.schemas.RoomMuteAllSet;
import dev.relations.schemas.RoomMutesAdded;
import dev.relations.schemas.RoomMutesRemoved;
import dev.relations.schemas.RoomOwnerChanged;
import dev.relations.schemas.RoomUpdated;
import dev.relations.schemas.UserDeleted;
import dev.relations.schemas.UserRegistered;
import dev.relations.schemas.UserUnblocked;
import dev.relations.schemas.UsersBlocked;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds one app's published events into a {@link FoldStore}, following the service's own
 * fold of the same events (the deciders' {@code evolve}): a roster's and a room's order is
 * the order of their add events, a remark outlives nothing but its edge, an admin or owner
 * role leaves with the member, mutes and list entries stay until removed or the room is
 * deleted. A user's joined rooms are derived from the rooms' member events, since seats
 * are never published.
 */
final class Fold {
    /** How the fold (and as-of) writes a permanent mute's expiry. */
    static final long PERMANENT_MUTE = -1L;

    private final FoldStore store;
    private long joinSeq;
    private long events;
    private long newestOccurredAt = Long.MIN_VALUE;

    Fold(FoldStore store) {
        this.store = store;
    }

    FoldStore store() {
        return store;
    }

    long events() {
        return events;
    }

    /** The latest {@code occurred_at} folded so far (Long.MIN_VALUE before the first event). */
    long newestOccurredAt() {
        return newestOccurredAt;
    }

    void apply(EventEnvelope event) {
        events++;
        newestOccurredAt = Math.max(newestOccurredAt, event.getOccurredAt());
        switch (event.getPayload()) {
            case UserRegistered r -> {
                var user = r.getUser();
                var previous = user(user.getUsername());
                putUser(user.getUsername(), new UserEntry(true, user.getUuid(), user.getCreated(),
                        previous.contactSeq(), previous.blockSeq()));
            }
            case UserDeleted d -> {
                var previous = user(d.getUsername());
                putUser(d.getUsername(), new UserEntry(false, "", 0, previous.contactSeq(), previous.blockSeq()));
                // The owner's own edges go with the user (their removal events follow too).
                deleteAll(Keys.CONTACTS.of(d.getUsername()));
                deleteAll(Keys.BLOCKS.of(d.getUsername()));
            }
            case ContactAdded a -> {
                var owner = user(a.getOwner());
                long seq = owner.contactSeq() + 1;
                putUser(a.getOwner(), new UserEntry(owner.exists(), owner.uuid(), owner.created(), seq, owner.blockSeq()));
                // The service publishes contact.added only for an edge not yet confirmed, which carries
                // no remark (a remark needs a confirmed edge): the new entry never inherits one.
                store.put(Keys.CONTACTS.entry(a.getOwner(), a.getFriend()), new ContactEntry(seq, null).encode());
            }
            case ContactRemoved r -> store.delete(Keys.CONTACTS.entry(r.getOwner(), r.getFriend()));
            case ContactRemarkSet r -> {
                var key = Keys.CONTACTS.entry(r.getOwner(), r.getFriend());
                var existing = store.get(key);
                if (existing != null) {
                    store.put(key, new ContactEntry(ContactEntry.decode(existing).seq(), r.getRemark()).encode());
                }
            }
            case UsersBlocked b -> {
                var owner = user(b.getOwner());
                long seq = owner.blockSeq();
                // block.added names only the targets the batch found unblocked: each takes the next position.
                for (var target : b.getTargets()) {
                    store.put(Keys.BLOCKS.entry(b.getOwner(), target), Entries.longValue(++seq));
                }
                putUser(b.getOwner(), new UserEntry(owner.exists(), owner.uuid(), owner.created(), owner.contactSeq(), seq));
            }
            case UserUnblocked u -> store.delete(Keys.BLOCKS.entry(u.getOwner(), u.getTarget()));
            case RoomCreated c -> {
                var previous = room(c.getRoom());
                long seq = previous.memberSeq() + 1;
                putRoom(c.getRoom(), new RoomEntry(true, c.getName(), c.getDescription(), c.getMaxusers(), c.getOwner(),
                        c.getCustom(), c.getCreated(), false, seq));
                join(c.getRoom(), c.getOwner(), new MemberEntry(seq, Role.OWNER));
            }
            case RoomUpdated u -> {
                var room = room(u.getRoom());
                if (room.exists()) {
                    putRoom(u.getRoom(), new RoomEntry(true,
                            u.getName() == null ? room.name() : u.getName(),
                            u.getDescription() == null ? room.description() : u.getDescription(),
                            u.getMaxusers() == null ? room.maxusers() : u.getMaxusers(),
                            room.owner(), room.custom(), room.created(), room.muteAll(), room.memberSeq()));
                }
            }
            case RoomOwnerChanged o -> {
                setRole(o.getRoom(), o.getOldOwner(), null, Role.MEMBER);
                setRole(o.getRoom(), o.getNewOwner(), null, Role.OWNER);
                var room = room(o.getRoom());
                if (room.exists()) {
                    putRoom(o.getRoom(), new RoomEntry(true, room.name(), room.description(), room.maxusers(), o.getNewOwner(),
                            room.custom(), room.created(), room.muteAll(), room.memberSeq()));
                }
            }
            case RoomDeleted d -> {
                for (var member : names(Keys.MEMBERS.of(d.getRoom()))) {
                    leave(d.getRoom(), member);
                }
                deleteAll(Keys.ROOM_BLOCKS.of(d.getRoom()));
                deleteAll(Keys.ALLOWS.of(d.getRoom()));
                deleteAll(Keys.MUTES.of(d.getRoom()));
                var room = room(d.getRoom());
                putRoom(d.getRoom(), new RoomEntry(false, room.name(), room.description(), room.maxusers(), room.owner(),
                        room.custom(), room.created(), room.muteAll(), room.memberSeq()));
            }
            case RoomMembersJoined j -> {
                var room = room(j.getRoom());
                long seq = room.memberSeq();
                for (var member : j.getMembers()) {
                    join(j.getRoom(), member, new MemberEntry(++seq, Role.MEMBER));
                }
                putRoom(j.getRoom(), new RoomEntry(room.exists(), room.name(), room.description(), room.maxusers(), room.owner(),
                        room.custom(), room.created(), room.muteAll(), seq));
            }
            case RoomMembersLeft l -> l.getMembers().forEach(member -> leave(l.getRoom(), member));
            case RoomAdminsAdded a -> a.getAdmins().forEach(u -> setRole(a.getRoom(), u, Role.MEMBER, Role.ADMIN));
            case RoomAdminsRemoved r -> r.getAdmins().forEach(u -> setRole(r.getRoom(), u, Role.ADMIN, Role.MEMBER));
            case RoomBlocklistAdded b -> b.getMembers().forEach(u -> store.put(Keys.ROOM_BLOCKS.entry(b.getRoom(), u), Entries.PRESENT));
            case RoomBlocklistRemoved b -> b.getMembers().forEach(u -> store.delete(Keys.ROOM_BLOCKS.entry(b.getRoom(), u)));
            case RoomAllowlistAdded a -> a.getMembers().forEach(u -> store.put(Keys.ALLOWS.entry(a.getRoom(), u), Entries.PRESENT));
            case RoomAllowlistRemoved a -> a.getMembers().forEach(u -> store.delete(Keys.ALLOWS.entry(a.getRoom(), u)));
            case RoomMutesAdded m -> m.getMembers().forEach(u -> store.put(Keys.MUTES.entry(m.getRoom(), u), Entries.longValue(expireOf(m))));
            case RoomMutesRemoved m -> m.getMembers().forEach(u -> store.delete(Keys.MUTES.entry(m.getRoom(), u)));
            case RoomMuteAllSet s -> {
                var room = room(s.getRoom());
                if (room.exists()) {
                    putRoom(s.getRoom(), new RoomEntry(true, room.name(), room.description(), room.maxusers(), room.owner(),
                            room.custom(), room.created(), s.getEnabled(), room.memberSeq()));
                }
            }
            // Every branch of this build's union is a case above; a newer branch already failed to decode.
            default -> throw new IllegalArgumentException("unknown event payload " + event.getPayload().getClass().getName());
        }
    }

    private UserEntry user(String name) {
        return UserEntry.decode(store.get(Keys.user(name)));
    }

    private void putUser(String name, UserEntry entry) {
        store.put(Keys.user(name), entry.encode());
    }

    private RoomEntry room(String id) {
        return RoomEntry.decode(store.get(Keys.room(id)));
    }

    private void putRoom(String id, RoomEntry entry) {
        store.put(Keys.room(id), entry.encode());
    }

    private void join(String room, String user, MemberEntry member) {
        store.put(Keys.MEMBERS.entry(room, user), member.encode());
        store.put(Keys.JOINED_ROOMS.entry(user, room), Entries.longValue(++joinSeq));
    }

    private void leave(String room, String user) {
        store.delete(Keys.MEMBERS.entry(room, user));
        store.delete(Keys.JOINED_ROOMS.entry(user, room));
    }

    /** Sets a member's role when it is {@code from} (any role when null); no one else is touched. */
    private void setRole(String room, String user, Role from, Role to) {
        var key = Keys.MEMBERS.entry(room, user);
        var bytes = store.get(key);
        if (bytes == null) {
            return;
        }
        var member = MemberEntry.decode(bytes);
        if (from == null || member.role() == from) {
            store.put(key, member.withRole(to).encode());
        }
    }

    private List<String> names(String prefix) {
        var names = new ArrayList<String>();
        store.scan(prefix, (key, value) -> names.add(key.substring(prefix.length())));
        return names;
    }

    private void deleteAll(String prefix) {
        var keys = new ArrayList<String>();
        store.scan(prefix, (key, value) -> keys.add(key));
        keys.forEach(store::delete);
    }

    /** A permanent mute: null since schema 2, -1 in events of schema 1; folded as -1 either way. */
    private static long expireOf(RoomMutesAdded muted) {
        return muted.getExpireAt() == null ? PERMANENT_MUTE : muted.getExpireAt();
    }
}
