package dev.relations.engine;

import dev.relations.mapping.RecordKeys;
import dev.relations.mapping.EventMapping;
import dev.relations.store.Keys;
import dev.relations.store.RoomStores;
import dev.relations.store.UserStores;
import dev.relations.domain.common.AggregateRef;
import dev.relations.domain.common.RequestContext;
import dev.relations.schemas.EventEnvelope;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Wraps a published event for its aggregate: the aggregate's type and id, and its next position in that aggregate's history. */
public final class EventEnvelopes {
    private static final String USER_EVENT_SEQ = "event-seq";

    private final UserStores users;
    private final RoomStores rooms;

    EventEnvelopes(UserStores users, RoomStores rooms) {
        this.users = users;
        this.rooms = rooms;
    }

    EventEnvelope next(RequestContext ctx, AggregateRef aggregate, String api, EventMapping.Published published) {
        var tenant = ctx.tenant();
        var aggregateId = RecordKeys.of(tenant, aggregate);
        long seq = switch (aggregate) {
            case AggregateRef.UserRef user -> users.nextSeq(tenant, user.name(), USER_EVENT_SEQ);
            case AggregateRef.RoomRef room -> rooms.nextSeq(tenant, room.id(), RoomStores.EVENT_SEQ);
            case AggregateRef.AppRef ignored -> users.nextAppSeq(tenant, USER_EVENT_SEQ);
            case AggregateRef.IdempotencyKeyRef ignored -> throw new IllegalStateException("an Idempotency-Key publishes no events");
        };
        var aggregateType = switch (aggregate) {
            case AggregateRef.UserRef ignored -> "user";
            case AggregateRef.RoomRef ignored -> "chatroom";
            case AggregateRef.AppRef ignored -> "app";
            case AggregateRef.IdempotencyKeyRef ignored -> "idempotency_key";
        };
        // Derived, not random: a transaction replayed after a crash republishes the same ids.
        var eventId = UUID.nameUUIDFromBytes((aggregateId + "|" + seq).getBytes(StandardCharsets.UTF_8)).toString();
        return EventEnvelope.newBuilder()
                .setEventId(eventId)
                .setEventType(published.type())
                .setOrg(tenant.org())
                .setApp(tenant.app())
                .setAggregateType(aggregateType)
                .setAggregateId(aggregateId)
                .setSeq(seq)
                .setOccurredAt(ctx.now())
                .setRequestId(ctx.requestId())
                .setApi(api)
                .setPayload(published.payload())
                .build();
    }
}
