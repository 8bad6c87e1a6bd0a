package dev.relations.eventlog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.relations.eventlog.Entries.ContactEntry;
import dev.relations.eventlog.Entries.MemberEntry;
import dev.relations.eventlog.Entries.Role;
import dev.relations.eventlog.Entries.RoomEntry;
import dev.relations.eventlog.Entries.UserEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** Reads of a finished fold, shaped as the service lists the same things. */
final class FoldedState {
    private final FoldStore store;

    FoldedState(FoldStore store) {
        this.store = store;
    }

    record Contact(String username, String remark) {
    }

    record Mute(String user, long expire) {
    }

    /** A user's relations; lists newest first, as the service lists them. */
    @JsonPropertyOrder({"type", "username", "exists", "uuid", "contacts", "blocks", "joinedRooms"})
    record UserState(String username, boolean exists, String uuid, List<Contact> contacts, List<String> blocks,
                     List<String> joinedRooms) {
        @JsonProperty
        public String type() {
            return "user";
        }
    }

    /** A room: members in join order (owner included), admins and lists in name order, mutes in force. */
    @JsonPropertyOrder({"type", "id", "exists", "name", "description", "maxusers", "owner", "custom", "created", "muteAll",
            "members", "admins", "blocklist", "allowlist", "mutes"})
    record RoomState(String id, boolean exists, String name, String description, int maxusers, String owner, String custom,
                     long created, boolean muteAll, List<String> members, List<String> admins, List<String> blocklist,
                     List<String> allowlist, List<Mute> mutes) {
        @JsonProperty
        public String type() {
            return "chatroom";
        }
    }

    UserState user(String name) {
        store.flush();
        var user = UserEntry.decode(store.get(Keys.user(name)));
        if (!user.exists()) {
            return new UserState(name, false, null, List.of(), List.of(), List.of());
        }
        var contacts = new ArrayList<Ordered<Contact>>();
        var prefix = Keys.CONTACTS.of(name);
        store.scan(prefix, (key, value) -> {
            var entry = ContactEntry.decode(value);
            contacts.add(new Ordered<>(entry.seq(), new Contact(key.substring(prefix.length()), entry.remark())));
        });
        return new UserState(name, true, user.uuid(), newestFirst(contacts),
                newestFirst(orderedNames(Keys.BLOCKS.of(name))), newestFirst(orderedNames(Keys.JOINED_ROOMS.of(name))));
    }

    /** The room with its mutes in force at {@code at} (ms since the epoch). */
    RoomState room(String id, long at) {
        store.flush();
        var room = RoomEntry.decode(store.get(Keys.room(id)));
        if (!room.exists()) {
            return new RoomState(id, false, null, null, 0, null, null, 0, false, List.of(), List.of(), List.of(), List.of(),
                    List.of());
        }
        var members = new ArrayList<Ordered<String>>();
        var admins = new ArrayList<String>();
        var prefix = Keys.MEMBERS.of(id);
        store.scan(prefix, (key, value) -> {
            var member = MemberEntry.decode(value);
            var name = key.substring(prefix.length());
            members.add(new Ordered<>(member.seq(), name));
            if (member.role() == Role.ADMIN) {
                admins.add(name);
            }
        });
        members.sort(Comparator.comparingLong(Ordered::seq));
        var mutes = new ArrayList<Mute>();
        var mutePrefix = Keys.MUTES.of(id);
        store.scan(mutePrefix, (key, value) -> {
            long expire = Entries.longOf(value);
            if (expire == Fold.PERMANENT_MUTE || expire > at) {
                mutes.add(new Mute(key.substring(mutePrefix.length()), expire));
            }
        });
        return new RoomState(id, true, room.name(), room.description(), room.maxusers(), room.owner(), room.custom(),
                room.created(), room.muteAll(), members.stream().map(Ordered::value).toList(), admins,
                names(Keys.ROOM_BLOCKS.of(id)), names(Keys.ALLOWS.of(id)), mutes);
    }

    /** Every user the log names, existing now or not, in name order. */
    void users(Consumer<String> user) {
        store.flush();
        store.scan(Keys.USERS, (key, value) -> user.accept(key.substring(Keys.USERS.length())));
    }

    /** Every room the log names, existing now or not, in id order. */
    void rooms(Consumer<String> room) {
        store.flush();
        store.scan(Keys.ROOMS, (key, value) -> room.accept(key.substring(Keys.ROOMS.length())));
    }

    private record Ordered<T>(long seq, T value) {
    }

    private List<Ordered<String>> orderedNames(String prefix) {
        var entries = new ArrayList<Ordered<String>>();
        store.scan(prefix, (key, value) -> entries.add(new Ordered<>(Entries.longOf(value), key.substring(prefix.length()))));
        return entries;
    }

    private static <T> List<T> newestFirst(List<Ordered<T>> entries) {
        return entries.stream().sorted(Comparator.comparingLong((Ordered<T> o) -> o.seq()).reversed()).map(Ordered::value).toList();
    }

    private List<String> names(String prefix) {
        var names = new ArrayList<String>();
        store.scan(prefix, (key, value) -> names.add(key.substring(prefix.length())));
        return names;
    }
}
