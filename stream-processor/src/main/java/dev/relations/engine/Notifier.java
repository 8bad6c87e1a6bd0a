package dev.relations.engine;

import dev.relations.schemas.ContactAdded;
import dev.relations.schemas.ContactRemarkSet;
import dev.relations.schemas.ContactRemoved;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.Notification;
import dev.relations.schemas.UserDeleted;
import dev.relations.schemas.UserRegistered;
import dev.relations.schemas.UserUnblocked;
import dev.relations.schemas.UsersBlocked;
import org.apache.kafka.streams.KeyValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Derives push notifications from events only (never from a request), keyed by the user who
 * should be told so a gateway gets them in order. The engine publishes them in the same
 * exactly-once transaction as the event they derive from, so a notification exists exactly
 * when its event is committed, without a second pass over the events topic.
 * Operation names follow Easemob's roster callbacks (add, remove, ban, allow); chatroom
 * events are told as {@link RoomNotices} decides.
 */
final class Notifier {
    /** Removals nobody is told about: the owner is gone, or an add that never completed is undone. */
    private static final java.util.Set<String> NOT_TOLD = java.util.Set.of("OWNER_DELETED", "ROLLBACK");
    private Notifier() {
    }

    /** The notifications one event gives, each keyed by its recipient's aggregate. */
    static List<KeyValue<String, Notification>> of(EventEnvelope event) {
        var told = new ArrayList<KeyValue<String, Notification>>(2);
        for (var notice : RoomNotices.of(event.getPayload())) {
            told.add(tell(event, notice.recipient(), notice.type(), null, notice.attributes()));
        }
        switch (event.getPayload()) {
            case ContactAdded added when added.getNotify() ->
                    told.add(tell(event, added.getOwner(), "roster.add", added.getFriend(), Map.of("source", added.getSource())));
            case ContactRemoved removed when !NOT_TOLD.contains(removed.getReason()) ->
                    told.add(tell(event, removed.getOwner(), "roster.remove", removed.getFriend(), Map.of("reason", removed.getReason())));
            case UsersBlocked blocked -> blocked.getTargets().forEach(target ->
                    told.add(tell(event, target, "roster.ban", blocked.getOwner(), Map.of())));
            case UserUnblocked unblocked when "REST".equals(unblocked.getReason()) ->
                    told.add(tell(event, unblocked.getTarget(), "roster.allow", unblocked.getOwner(), Map.of()));
            case ContactRemarkSet ignored -> {
            }
            case UserUnblocked ignored -> {
            }
            case ContactAdded ignored -> {
            }
            case ContactRemoved ignored -> {
            }
            case UserRegistered ignored -> {
            }
            case UserDeleted ignored -> {
            }
            default -> {
            }
        }
        return told;
    }

    private static KeyValue<String, Notification> tell(EventEnvelope event, String recipient, String type,
                      String from, Map<String, String> attributes) {
        var id = UUID.nameUUIDFromBytes((event.getEventId() + "|" + recipient).getBytes(StandardCharsets.UTF_8)).toString();
        var notification = Notification.newBuilder()
                .setNotificationId(id)
                .setOrg(event.getOrg())
                .setApp(event.getApp())
                .setRecipient(recipient)
                .setType(type)
                .setFrom(from)
                .setOccurredAt(event.getOccurredAt())
                .setEventId(event.getEventId())
                .setAttributes(Map.copyOf(attributes))
                .build();
        var key = event.getOrg() + "#" + event.getApp() + "/user/" + recipient;
        return KeyValue.pair(key, notification);
    }
}
