package dev.relations.processor;

import dev.relations.schemas.ContactAdded;
import dev.relations.schemas.ContactRemarkSet;
import dev.relations.schemas.ContactRemoved;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.Notification;
import dev.relations.schemas.UserDeleted;
import dev.relations.schemas.UserRegistered;
import dev.relations.schemas.UserUnblocked;
import dev.relations.schemas.UsersBlocked;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Derives push notifications from committed events only (the events topic is read
 * read_committed), keyed by the user who should be told so a gateway gets them in order.
 * Operation names follow Easemob's roster callbacks (add, remove, ban, allow); chatroom
 * events are told as {@link RoomNotices} decides.
 */
final class Notifier implements Processor<String, EventEnvelope, String, Notification> {
    /** Removals nobody is told about: the owner is gone, or an add that never completed is undone. */
    private static final java.util.Set<String> NOT_TOLD = java.util.Set.of("OWNER_DELETED", "ROLLBACK");
    private ProcessorContext<String, Notification> context;

    @Override
    public void init(ProcessorContext<String, Notification> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, EventEnvelope> record) {
        var event = record.value();
        if (event == null) {
            return;
        }
        for (var notice : RoomNotices.of(event.getPayload())) {
            tell(record, event, notice.recipient(), notice.type(), null, notice.attributes());
        }
        switch (event.getPayload()) {
            case ContactAdded added when added.getNotify() ->
                    tell(record, event, added.getOwner(), "roster.add", added.getFriend(), Map.of("source", added.getSource()));
            case ContactRemoved removed when !NOT_TOLD.contains(removed.getReason()) ->
                    tell(record, event, removed.getOwner(), "roster.remove", removed.getFriend(), Map.of("reason", removed.getReason()));
            case UsersBlocked blocked -> blocked.getTargets().forEach(target ->
                    tell(record, event, target, "roster.ban", blocked.getOwner(), Map.of()));
            case UserUnblocked unblocked when "REST".equals(unblocked.getReason()) ->
                    tell(record, event, unblocked.getTarget(), "roster.allow", unblocked.getOwner(), Map.of());
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
    }

    private void tell(Record<String, EventEnvelope> record, EventEnvelope event, String recipient, String type,
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
        context.forward(record.withKey(key).withValue(notification));
    }
}
