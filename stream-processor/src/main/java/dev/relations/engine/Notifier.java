package dev.relations.engine;

import dev.relations.schemas.ContactAdded;
import dev.relations.schemas.ContactRemarkSet;
import dev.relations.schemas.ContactRemoved;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.Notification;
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
import org.apache.kafka.streams.KeyValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Derives notifications from events only (never from a request), keyed by the user who
 * should be told (or, for a room-wide change, by the room) so a gateway gets them in order.
 * The engine publishes them in the same exactly-once transaction as the event they derive
 * from, so a notification exists exactly when its event is committed.
 *
 * <p>Roster notices follow SPEC E.2 (add to the target with the initiator in {@code from},
 * remove to the other side, also when an add the target was told is undone, ban and allow
 * to the blocked and unblocked user); chatroom notices
 * follow E.3 ({@link RoomNotices}). The switch below names every branch of the events'
 * payload union and throws for any other, so an event type added without a decision here
 * fails {@code NotifierTest.every_payload_type_has_a_notification_decision} instead of going untold.
 */
final class Notifier {
    /** Removals nobody is told about: the owner is gone. */
    private static final String OWNER_DELETED = "OWNER_DELETED";
    private static final String OK = "ok";

    private Notifier() {
    }

    /** The notifications one event gives, each keyed by its recipient's aggregate (a user's, or a room's). */
    static List<KeyValue<String, Notification>> of(EventEnvelope event) {
        var told = switch (event.getPayload()) {
            case ContactAdded added when added.getNotify() && isOtherSide(added.getOwner(), added.getInitiator()) ->
                    List.of(roster(event, added.getOwner(), "add", added.getInitiator()).setReason(""));
            case ContactAdded ignored -> List.<Notification.Builder>of();
            // An undone add (ROLLBACK) is told as a removal to the target that was told the add, so its client converges.
            case ContactRemoved removed when removed.getNotify() && !OWNER_DELETED.equals(removed.getReason())
                    && isOtherSide(removed.getOwner(), removed.getInitiator()) ->
                    List.of(roster(event, removed.getOwner(), "remove", removed.getInitiator()).setRosterVer(rosterVersion(event)));
            case ContactRemoved ignored -> List.<Notification.Builder>of();
            case UsersBlocked blocked -> blocked.getTargets().stream()
                    .map(target -> roster(event, target, "ban", blocked.getOwner()).setErrorCode(OK)).toList();
            case UserUnblocked unblocked when "REST".equals(unblocked.getReason()) ->
                    List.of(roster(event, unblocked.getTarget(), "allow", unblocked.getOwner()).setErrorCode(OK));
            case UserUnblocked ignored -> List.<Notification.Builder>of();
            // E.2: no notice for remarks; registrations, deletions and (de)activations are not roster operations.
            case ContactRemarkSet ignored -> List.<Notification.Builder>of();
            case UserRegistered ignored -> List.<Notification.Builder>of();
            case UserDeleted ignored -> List.<Notification.Builder>of();
            case UserDeactivated ignored -> List.<Notification.Builder>of();
            case UserActivated ignored -> List.<Notification.Builder>of();
            case RoomCreated created -> RoomNotices.created(event, created);
            case RoomUpdated updated -> RoomNotices.updated(event, updated);
            case RoomOwnerChanged changed -> RoomNotices.ownerChanged(event, changed);
            case RoomDeleted deleted -> RoomNotices.deleted(event, deleted);
            case RoomMembersJoined joined -> RoomNotices.joined(event, joined);
            case RoomMembersLeft left -> RoomNotices.left(event, left);
            case RoomAdminsAdded added -> RoomNotices.admins(event, added.getRoom(), added.getAdmins(), RoomNotices.ADD);
            case RoomAdminsRemoved removed -> RoomNotices.admins(event, removed.getRoom(), removed.getAdmins(), RoomNotices.REMOVE);
            case RoomBlocklistAdded added -> RoomNotices.blocked(event, added);
            case RoomBlocklistRemoved removed -> RoomNotices.unlisted(event, "BLOCK", removed.getRoom(), removed.getMembers(),
                    removed.getReason());
            case RoomAllowlistAdded added -> RoomNotices.members(event, "WHITE", RoomNotices.ADD, added.getRoom(), added.getMembers());
            case RoomAllowlistRemoved removed -> RoomNotices.unlisted(event, "WHITE", removed.getRoom(), removed.getMembers(),
                    removed.getReason());
            case RoomMutesAdded muted -> RoomNotices.muted(event, muted);
            case RoomMutesRemoved unmuted -> RoomNotices.unmuted(event, unmuted);
            case RoomMuteAllSet muteAll -> RoomNotices.muteAll(event, muteAll);
            case RoomSuperAdminsAdded added -> RoomNotices.superAdmins(event, added.getAdmins(), RoomNotices.ADD);
            case RoomSuperAdminsRemoved removed -> RoomNotices.superAdmins(event, removed.getAdmins(), RoomNotices.REMOVE);
            default -> throw new IllegalArgumentException("no notification decision for "
                    + event.getPayload().getClass().getSimpleName() + " (" + event.getEventType() + ")");
        };
        return told.stream().map(builder -> keyed(event, builder)).toList();
    }

    /** A roster notice tells one side about the other; an event of the initiator's own side tells nobody. */
    private static boolean isOtherSide(String owner, String initiator) {
        return initiator != null && !initiator.equals(owner);
    }

    private static Notification.Builder roster(EventEnvelope event, String recipient, String operation, String initiator) {
        return Notification.newBuilder()
                .setRecipient(recipient)
                .setAudience(RoomNotices.USER)
                .setChatType("roster")
                .setType("roster." + operation)
                .setOperation(operation)
                .setFrom(easemobJid(event, initiator));
    }

    /** E.2 {@code from}: {@code {appkey}_{user}@easemob.com}. */
    static String easemobJid(EventEnvelope event, String user) {
        return appKey(event) + "_" + user + "@easemob.com";
    }

    static String appKey(EventEnvelope event) {
        return event.getOrg() + "#" + event.getApp();
    }

    /**
     * E.2 {@code roster_ver}: a version of the recipient's roster. The event is on the
     * recipient's own aggregate, so a hash of that aggregate and the event's position in it
     * is a version that changes with every change to the recipient's history.
     */
    static String rosterVersion(EventEnvelope event) {
        try {
            var digest = MessageDigest.getInstance("SHA-1").digest((appKey(event) + "/user/" + event.getAggregate().getId()
                    + "|" + event.getSeq()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyValue<String, Notification> keyed(EventEnvelope event, Notification.Builder builder) {
        boolean room = RoomNotices.ROOM.equals(builder.getAudience());
        var recipient = builder.getRecipient();
        var id = UUID.nameUUIDFromBytes((event.getEventId() + (room ? "|room|" : "|") + recipient)
                .getBytes(StandardCharsets.UTF_8)).toString();
        var notification = builder
                .setNotificationId(id)
                .setOrg(event.getOrg())
                .setApp(event.getApp())
                .setOccurredAt(event.getOccurredAt())
                .setEventId(event.getEventId())
                .build();
        var key = appKey(event) + (room ? "/room/" : "/user/") + recipient;
        return KeyValue.pair(key, notification);
    }
}
