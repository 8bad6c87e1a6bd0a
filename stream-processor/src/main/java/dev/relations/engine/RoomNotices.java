package dev.relations.engine;

import dev.relations.mapping.RoomCreatedPayload;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.Notification;
import dev.relations.schemas.RoomBlocklistAdded;
import dev.relations.schemas.RoomCreated;
import dev.relations.schemas.RoomDeleted;
import dev.relations.schemas.RoomMembersJoined;
import dev.relations.schemas.RoomMembersLeft;
import dev.relations.schemas.RoomMuteAllSet;
import dev.relations.schemas.RoomMutesAdded;
import dev.relations.schemas.RoomMutesRemoved;
import dev.relations.schemas.RoomOwnerChanged;
import dev.relations.schemas.RoomUpdated;

import java.util.LinkedHashMap;
import java.util.List;


/**
 * Chatroom notices in SPEC E.3's terms ({@code group_op_event}): {@code operation} and
 * {@code payload.type}, the affected users in {@code member} (or {@code admin}), the operator.
 * A change that names users is told to each of them, every notice carrying the whole list;
 * a room-wide change (info update, mute-all, the deletion record) is told once to the room
 * (audience {@code room}), for a gateway to broadcast. A deleted user is told nothing about
 * the cleanup of its own entries, nor an owner whose deletion dissolved its room.
 */
final class RoomNotices {
    static final String ADD = "ADD";
    static final String REMOVE = "REMOVE";
    static final String USER = "user";
    static final String ROOM = "room";
    /** Easemob's expire_timestamp of an entry without end (a blocklist entry, a permanent mute). */
    static final long FOREVER = 4_638_873_600_000L;
    private static final String APP_ADMIN = "@ppAdmin";
    private static final String USER_DELETED = "USER_DELETED";

    private RoomNotices() {
    }

    /** E.3 CREATE: {@code role}, {@code member} (the event's members, owner first) and {@code info}. */
    static List<Notification.Builder> created(EventEnvelope event, RoomCreated created) {
        return List.of(notice(event, created.getOwner(), USER, "CREATE", null, created.getRoom())
                .setRole(RoomCreatedPayload.role(created))
                .setMember(created.getMembers())
                .setInfo(RoomCreatedPayload.info(Notifier.appKey(event), created)));
    }

    static List<Notification.Builder> updated(EventEnvelope event, RoomUpdated updated) {
        var info = new LinkedHashMap<String, String>();
        if (updated.getName() != null) {
            info.put("title", updated.getName());
        }
        if (updated.getDescription() != null) {
            info.put("description", updated.getDescription());
        }
        if (updated.getMaxusers() != null) {
            info.put("max_users", Integer.toString(updated.getMaxusers()));
        }
        return List.of(toRoom(event, "UPDATE", "INFO", updated.getRoom()).setInfo(info));
    }

    static List<Notification.Builder> ownerChanged(EventEnvelope event, RoomOwnerChanged changed) {
        return List.of(changed.getOldOwner(), changed.getNewOwner()).stream()
                .map(user -> notice(event, user, USER, "UPDATE", "OWNER", changed.getRoom())
                        .setOwner(changed.getOldOwner())
                        .setNewOwner(changed.getNewOwner()))
                .toList();
    }

    /** Every member was told LEAVE (type DELETE) just before. */
    static List<Notification.Builder> deleted(EventEnvelope event, RoomDeleted deleted) {
        return List.of(toRoom(event, "DELETE", null, deleted.getRoom()));
    }

    static List<Notification.Builder> joined(EventEnvelope event, RoomMembersJoined joined) {
        return each(event, joined.getMembers(), "JOIN", joined.getReason(), joined.getRoom(),
                b -> b.setMember(joined.getMembers()).setMemberCount(joined.getMemberCount()));
    }

    static List<Notification.Builder> left(EventEnvelope event, RoomMembersLeft left) {
        if (USER_DELETED.equals(left.getReason())) {
            return List.of();
        }
        return members(event, "LEAVE", left.getReason(), left.getRoom(), left.getMembers());
    }

    static List<Notification.Builder> admins(EventEnvelope event, String room, List<String> admins, String type) {
        return each(event, admins, "ADMIN", type, room, b -> b.setAdmin(admins));
    }

    static List<Notification.Builder> blocked(EventEnvelope event, RoomBlocklistAdded added) {
        return each(event, added.getMembers(), "BLOCK", ADD, added.getRoom(),
                b -> b.setMember(added.getMembers()).setExpireTimestamp(FOREVER));
    }

    /** A blocklist or allowlist entry removed: told unless it went with its deleted user. */
    static List<Notification.Builder> unlisted(EventEnvelope event, String operation, String room, List<String> members,
                                              String reason) {
        return USER_DELETED.equals(reason) ? List.of() : members(event, operation, REMOVE, room, members);
    }

    static List<Notification.Builder> muted(EventEnvelope event, RoomMutesAdded muted) {
        long expire = muted.getExpireAt() == null ? FOREVER : muted.getExpireAt();
        return each(event, muted.getMembers(), "MUTE", ADD, muted.getRoom(),
                b -> b.setMember(muted.getMembers()).setExpireTimestamp(expire));
    }

    static List<Notification.Builder> unmuted(EventEnvelope event, RoomMutesRemoved unmuted) {
        return USER_DELETED.equals(unmuted.getReason()) ? List.of()
                : members(event, "MUTE", REMOVE, unmuted.getRoom(), unmuted.getMembers());
    }

    static List<Notification.Builder> muteAll(EventEnvelope event, RoomMuteAllSet muteAll) {
        return List.of(toRoom(event, "UPDATE", "MUTE", muteAll.getRoom()).setMute(muteAll.getEnabled()));
    }

    /** E.3 ROOM_SUPER_ADMIN: app-wide, so its {@code id} is empty. */
    static List<Notification.Builder> superAdmins(EventEnvelope event, List<String> admins, String type) {
        return each(event, admins, "ROOM_SUPER_ADMIN", type, "", b -> b.setAdmin(admins));
    }

    static List<Notification.Builder> members(EventEnvelope event, String operation, String type, String room,
                                              List<String> members) {
        return each(event, members, operation, type, room, b -> b.setMember(members));
    }

    private static List<Notification.Builder> each(EventEnvelope event, List<String> users, String operation, String type,
                                                    String room, java.util.function.UnaryOperator<Notification.Builder> fill) {
        return users.stream().map(user -> fill.apply(notice(event, user, USER, operation, type, room))).toList();
    }

    private static Notification.Builder toRoom(EventEnvelope event, String operation, String type, String room) {
        return notice(event, room, ROOM, operation, type, room);
    }

    private static Notification.Builder notice(EventEnvelope event, String recipient, String audience, String operation,
                                               String type, String room) {
        return Notification.newBuilder()
                .setRecipient(recipient)
                .setAudience(audience)
                .setChatType("chatroom")
                .setType("chatroom." + operation)
                .setOperation(operation)
                .setOperationType(type)
                .setRoom(room)
                .setOperator(operator(event));
    }

    /** E.3 {@code operator}: {@code @ppAdmin} for the app admin (and the service's own sweeps), else the user. */
    private static String operator(EventEnvelope event) {
        var actor = event.getActor();
        return actor == null || !USER.equals(actor.getKind()) ? APP_ADMIN : actor.getId();
    }

}
