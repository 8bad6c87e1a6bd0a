package dev.relations.engine;

import dev.relations.schemas.RoomAdminsAdded;
import dev.relations.schemas.RoomAdminsRemoved;
import dev.relations.schemas.RoomAllowlistAdded;
import dev.relations.schemas.RoomAllowlistRemoved;
import dev.relations.schemas.RoomBlocklistAdded;
import dev.relations.schemas.RoomBlocklistRemoved;
import dev.relations.schemas.RoomCreated;
import dev.relations.schemas.RoomMembersJoined;
import dev.relations.schemas.RoomMembersLeft;
import dev.relations.schemas.RoomMutesAdded;
import dev.relations.schemas.RoomMutesRemoved;
import dev.relations.schemas.RoomOwnerChanged;

import java.util.List;
import java.util.Map;

/**
 * Which users a chatroom event is told to, one notice per affected user. Every notice carries
 * the room id in {@code room}; the operator is the app admin, so no {@code from} is given.
 * Room-wide changes that name no users (info update, mute-all, the deletion record itself)
 * are told to nobody: a gateway broadcasts those to the room, and a deletion has already
 * told every member through the {@code room.leave} (reason DELETE) that precedes it.
 * A deleted user is not told about the cleanup of its own entries.
 */
final class RoomNotices {
    private static final String USER_DELETED = "USER_DELETED";

    private RoomNotices() {
    }

    record Notice(String recipient, String type, Map<String, String> attributes) {
    }

    static List<Notice> of(Object payload) {
        return switch (payload) {
            case RoomCreated c -> List.of(new Notice(c.getOwner(), "room.create", Map.of("room", c.getRoom())));
            case RoomMembersJoined j -> each(j.getMembers(), "room.join", Map.of("room", j.getRoom(), "reason", j.getReason()));
            case RoomMembersLeft l when !USER_DELETED.equals(l.getReason()) ->
                    each(l.getMembers(), "room.leave", Map.of("room", l.getRoom(), "reason", l.getReason()));
            case RoomOwnerChanged o -> List.of(
                    new Notice(o.getOldOwner(), "room.owner.remove", Map.of("room", o.getRoom(), "new_owner", o.getNewOwner())),
                    new Notice(o.getNewOwner(), "room.owner.add", Map.of("room", o.getRoom(), "old_owner", o.getOldOwner())));
            case RoomAdminsAdded a -> each(a.getAdmins(), "room.admin.add", Map.of("room", a.getRoom()));
            case RoomAdminsRemoved r -> each(r.getAdmins(), "room.admin.remove", Map.of("room", r.getRoom()));
            case RoomBlocklistAdded b -> each(b.getUsers(), "room.block.add", Map.of("room", b.getRoom()));
            case RoomBlocklistRemoved b -> each(b.getUsers(), "room.block.remove", Map.of("room", b.getRoom()));
            case RoomAllowlistAdded a -> each(a.getUsers(), "room.allow.add", Map.of("room", a.getRoom()));
            case RoomAllowlistRemoved a -> each(a.getUsers(), "room.allow.remove", Map.of("room", a.getRoom()));
            case RoomMutesAdded m -> each(m.getUsers(), "room.mute.add",
                    Map.of("room", m.getRoom(), "expire", Long.toString(m.getExpireAt())));
            case RoomMutesRemoved m when !USER_DELETED.equals(m.getReason()) ->
                    each(m.getUsers(), "room.mute.remove", Map.of("room", m.getRoom(), "reason", m.getReason()));
            default -> List.of();
        };
    }

    private static List<Notice> each(List<String> users, String type, Map<String, String> attributes) {
        return users.stream().map(u -> new Notice(u, type, attributes)).toList();
    }
}
