package dev.relations.api.webhooks;

import dev.relations.mapping.RoomCreatedPayload;
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
import dev.relations.schemas.RoomSuperAdminsAdded;
import dev.relations.schemas.RoomSuperAdminsRemoved;
import dev.relations.schemas.RoomUpdated;
import dev.relations.schemas.UserActivated;
import dev.relations.schemas.UserDeactivated;
import dev.relations.schemas.UserDeleted;
import dev.relations.schemas.UserRegistered;
import dev.relations.schemas.UserUnblocked;
import dev.relations.schemas.UsersBlocked;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Event → Easemob callback bodies: roster callbacks (SPEC E.2), chatroom {@code group_op_event}
 * (E.3) or the old {@code muc} callbacks (E.4). The only place in this module that knows the
 * events' fields: a change to the event envelope or a payload is an edit here (and, for
 * {@code CREATE}'s {@code role} and {@code info}, in {@link RoomCreatedPayload}, which the
 * notifications share).
 *
 * <p>Ids are derived from the event id, so a callback delivered again carries the same
 * {@code callId} and {@code msg_id} and a receiver can drop the duplicate.
 */
public final class CallbackProjection {
    /** Easemob's "for ever" in {@code expire_timestamp}. */
    static final long PERMANENT = 4638873600000L;
    /** Every REST call acts as the app admin (SPEC D.11). */
    static final String APP_ADMIN = "@ppAdmin";
    private static final String OK = "ok";

    private final String host;

    /** @param host the {@code host} roster and muc callbacks name */
    public CallbackProjection(String host) {
        this.host = host;
    }

    /** The callbacks an event gives in a rule's format, in the order they are sent; none for most user events. */
    public List<Callback> of(EventEnvelope event, CallbackRule.Format format) {
        var out = new Builder(event);
        switch (event.getPayload()) {
            // A REST add and a removal are published once per side, each on its own user's history:
            // the initiator's side tells the other one (SPEC E.2: the target, from the initiator).
            // Events of schema 1 name no initiator, so each of their sides tells the other.
            case ContactAdded a when a.getNotify() && !"import".equals(a.getSource()) && initiatedBy(a.getInitiator(), a.getOwner()) ->
                    out.roster("add", a.getOwner(), a.getFriend(), Map.of("reason", ""));
            case ContactRemoved r when "REST".equals(r.getReason()) && initiatedBy(r.getInitiator(), r.getOwner()) ->
                    out.roster("remove", r.getOwner(), r.getFriend(), Map.of("roster_ver", rosterVersion(event)));
            case UsersBlocked b -> b.getTargets().forEach(t ->
                    out.roster("ban", b.getOwner(), t, Map.of("status", Map.of("error_code", OK))));
            case UserUnblocked u when "REST".equals(u.getReason()) ->
                    out.roster("allow", u.getOwner(), u.getTarget(), Map.of("status", Map.of("error_code", OK)));
            case ContactAdded ignored -> {
            }
            case ContactRemoved ignored -> {
            }
            case UserUnblocked ignored -> {
            }
            case ContactRemarkSet ignored -> {
            }
            case UserRegistered ignored -> {
            }
            case UserDeleted ignored -> {
            }
            case UserDeactivated ignored -> {
            }
            case UserActivated ignored -> {
            }
            default -> {
                if (format == CallbackRule.Format.MUC) {
                    muc(event, out);
                } else {
                    groupOp(event, out);
                }
            }
        }
        return out.callbacks;
    }

    private static void groupOp(EventEnvelope event, Builder out) {
        switch (event.getPayload()) {
            case RoomCreated c -> {
                // Members pulled in at creation follow as a JOIN of their own.
                out.group(c.getRoom(), "CREATE", ordered("role", RoomCreatedPayload.role(c), "member", List.of(),
                        "info", RoomCreatedPayload.info(appKey(event), c)), null);
            }
            case RoomUpdated u -> {
                var info = new LinkedHashMap<String, Object>();
                if (u.getName() != null) {
                    info.put("title", u.getName());
                }
                if (u.getDescription() != null) {
                    info.put("description", u.getDescription());
                }
                if (u.getMaxusers() != null) {
                    info.put("max_users", Integer.toString(u.getMaxusers()));
                }
                info.put("last_modified", Long.toString(event.getOccurredAt()));
                out.group(u.getRoom(), "UPDATE", ordered("type", "INFO", "info", info), null);
            }
            case RoomOwnerChanged o -> out.group(o.getRoom(), "UPDATE",
                    ordered("type", "OWNER", "owner", o.getOldOwner(), "new_owner", o.getNewOwner()), null);
            case RoomMuteAllSet m -> out.group(m.getRoom(), "UPDATE", ordered("type", "MUTE", "mute", m.getEnabled()), null);
            case RoomDeleted d -> out.group(d.getRoom(), "DELETE", Map.of(), null);
            case RoomMembersJoined j -> out.group(j.getRoom(), "JOIN",
                    ordered("type", j.getReason(), "member", j.getMembers()), j.getMemberCount());
            case RoomMembersLeft l -> out.group(l.getRoom(), "LEAVE", ordered("type", leaveType(l.getReason()), "member", l.getMembers()), null);
            case RoomBlocklistAdded b -> out.group(b.getRoom(), "BLOCK",
                    ordered("type", "ADD", "member", b.getMembers(), "expire_timestamp", PERMANENT), null);
            case RoomBlocklistRemoved b -> out.group(b.getRoom(), "BLOCK", ordered("type", "REMOVE", "member", b.getMembers()), null);
            case RoomMutesAdded m -> out.group(m.getRoom(), "MUTE",
                    ordered("type", "ADD", "member", m.getMembers(), "expire_timestamp", m.getExpireAt() == null || m.getExpireAt() < 0 ? PERMANENT : m.getExpireAt()), null);
            case RoomMutesRemoved m -> out.group(m.getRoom(), "MUTE", ordered("type", "REMOVE", "member", m.getMembers()), null);
            case RoomAllowlistAdded a -> out.group(a.getRoom(), "WHITE", ordered("type", "ADD", "member", a.getMembers()), null);
            case RoomAllowlistRemoved a -> out.group(a.getRoom(), "WHITE", ordered("type", "REMOVE", "member", a.getMembers()), null);
            case RoomAdminsAdded a -> out.group(a.getRoom(), "ADMIN", ordered("type", "ADD", "admin", a.getAdmins()), null);
            case RoomAdminsRemoved a -> out.group(a.getRoom(), "ADMIN", ordered("type", "REMOVE", "admin", a.getAdmins()), null);
            case RoomSuperAdminsAdded a -> out.group("", "ROOM_SUPER_ADMIN", ordered("type", "ADD", "admin", a.getAdmins()), null);
            case RoomSuperAdminsRemoved a -> out.group("", "ROOM_SUPER_ADMIN", ordered("type", "REMOVE", "admin", a.getAdmins()), null);
            default -> {
            }
        }
    }

    /** E.4 has no callback for creation, the room blocklist, an owner change or super admins (group-only there). */
    private static void muc(EventEnvelope event, Builder out) {
        switch (event.getPayload()) {
            case RoomDeleted d -> out.muc(d.getRoom(), "destroy", APP_ADMIN);
            case RoomUpdated u -> out.muc(u.getRoom(), "update", APP_ADMIN);
            case RoomMuteAllSet m -> out.muc(m.getRoom(), m.getEnabled() ? "ban_group" : "remove_ban_group", APP_ADMIN);
            case RoomMembersJoined j -> j.getMembers().forEach(u -> out.muc(j.getRoom(), "presence", u));
            case RoomMembersLeft l when !"DELETE".equals(l.getReason()) ->
                    l.getMembers().forEach(u -> out.muc(l.getRoom(), "QUIT".equals(l.getReason()) ? "leave" : "kick", u));
            case RoomAdminsAdded a -> a.getAdmins().forEach(u -> out.muc(a.getRoom(), "add_admin", u));
            case RoomAdminsRemoved a -> a.getAdmins().forEach(u -> out.muc(a.getRoom(), "remove_admin", u));
            case RoomMutesAdded m -> m.getMembers().forEach(u -> out.muc(m.getRoom(), "add_mute", u));
            case RoomMutesRemoved m -> m.getMembers().forEach(u -> out.muc(m.getRoom(), "remove_mute", u));
            case RoomAllowlistAdded a -> a.getMembers().forEach(u -> out.muc(a.getRoom(), "add_user_white_list", u));
            case RoomAllowlistRemoved a -> a.getMembers().forEach(u -> out.muc(a.getRoom(), "remove_user_white_list", u));
            default -> {
            }
        }
    }

    /** E.3's LEAVE types; a member whose account was deleted was removed, as by a kick. */
    private static String leaveType(String reason) {
        return switch (reason) {
            case "QUIT", "KICK", "BLOCK", "DELETE" -> reason;
            default -> "KICK";
        };
    }

    /** The roster's version after this change: a hash of its position in the owner's history. */
    private static String rosterVersion(EventEnvelope event) {
        return Callback.security(event.getAggregate().getType() + "/" + event.getAggregate().getId(), "|", event.getSeq());
    }

    /** Whether this side's event is the initiator's (always, for events of schema 1, which name none). */
    private static boolean initiatedBy(String initiator, String owner) {
        return initiator == null || initiator.equals(owner);
    }

    private static String appKey(EventEnvelope event) {
        return event.getOrg() + "#" + event.getApp();
    }

    private static Map<String, Object> ordered(Object... namesAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** The callbacks of one event, each with ids derived from the event's id and its place among them. */
    private final class Builder {
        private final EventEnvelope event;
        private final String appKey;
        private final List<Callback> callbacks = new ArrayList<>(1);

        Builder(EventEnvelope event) {
            this.event = event;
            this.appKey = appKey(event);
        }

        private UUID nextId() {
            return UUID.nameUUIDFromBytes((event.getEventId() + "#" + callbacks.size()).getBytes(StandardCharsets.UTF_8));
        }

        private String user(String name) {
            return appKey + "_" + name + "@easemob.com";
        }

        void roster(String operation, String from, String to, Map<String, Object> payloadFields) {
            var msgId = Long.toUnsignedString(nextId().getMostSignificantBits() >>> 1);
            var payload = new LinkedHashMap<String, Object>();
            payload.put("operation", operation);
            payload.putAll(payloadFields);
            var callId = appKey + "_" + msgId;
            var fields = ordered("chat_type", "roster", "callId", callId, "payload", payload, "host", host, "appkey", appKey,
                    "from", user(from), "to", to, "eventType", "chat", "msg_id", msgId, "timestamp", event.getOccurredAt());
            callbacks.add(new Callback(callId, event.getOccurredAt(), fields, false));
        }

        void group(String room, String operation, Map<String, Object> payload, Integer memberCount) {
            var callId = appKey + "_" + nextId();
            var fields = ordered("callId", callId, "appkey", appKey, "id", room, "type", "CHATROOM", "event", "group_op_event",
                    "operation", operation, "operator", APP_ADMIN, "timestamp", event.getOccurredAt(), "payload", payload);
            if (memberCount != null) {
                fields.put("member_count", memberCount);
            }
            callbacks.add(new Callback(callId, event.getOccurredAt(), fields, false));
        }

        void muc(String room, String operation, String from) {
            var msgId = Long.toUnsignedString(nextId().getMostSignificantBits() >>> 1);
            var callId = appKey + "_" + msgId;
            var mucId = appKey + "_" + room + "@conference.easemob.com";
            var payload = ordered("muc_id", mucId, "is_chatroom", true, "operation", operation, "reason", "",
                    "status", ordered("description", "", "error_code", OK));
            var fields = ordered("chat_type", "muc", "callId", callId, "payload", payload, "group_id", appKey + "_" + room,
                    "host", host, "appkey", appKey, "from", user(from), "to", mucId, "eventType", "chat", "msg_id", msgId,
                    "timestamp", event.getOccurredAt());
            callbacks.add(new Callback(callId, event.getOccurredAt(), fields, true));
        }
    }
}
