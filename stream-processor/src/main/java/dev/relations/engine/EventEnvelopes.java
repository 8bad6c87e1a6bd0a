package dev.relations.engine;

import com.fasterxml.uuid.UUIDType;
import com.fasterxml.uuid.impl.UUIDUtil;
import dev.relations.mapping.RecordKeys;
import dev.relations.mapping.EventMapping;
import dev.relations.store.RoomStores;
import dev.relations.store.UserStores;
import dev.relations.domain.common.AggregateRef;
import dev.relations.domain.common.RequestContext;
import dev.relations.schemas.CommandEnvelope;
import dev.relations.schemas.EventAggregate;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.EventRequest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Wraps a published event for its aggregate (SPEC E.5): the aggregate's type and plain id, its
 * next position in that aggregate's history, who asked, the request, and the event's cause.
 */
public final class EventEnvelopes {
    /** The version of the envelope this service writes: 2 since aggregate, actor, request, causation and correlation. */
    static final int SCHEMA = 2;
    private static final String USER_EVENT_SEQ = "event-seq";

    private final UserStores users;
    private final RoomStores rooms;

    EventEnvelopes(UserStores users, RoomStores rooms) {
        this.users = users;
        this.rooms = rooms;
    }

    EventEnvelope next(RequestContext ctx, AggregateRef aggregate, CommandEnvelope command, EventMapping.Published published) {
        var tenant = ctx.tenant();
        var aggregateKey = RecordKeys.of(tenant, aggregate);
        long seq = switch (aggregate) {
            case AggregateRef.UserRef user -> users.nextSeq(tenant, user.name(), USER_EVENT_SEQ);
            case AggregateRef.RoomRef room -> rooms.nextSeq(tenant, room.id(), RoomStores.EVENT_SEQ);
            case AggregateRef.AppRef ignored -> users.nextAppSeq(tenant, USER_EVENT_SEQ);
            case AggregateRef.IdempotencyKeyRef ignored -> throw new IllegalStateException("an Idempotency-Key publishes no events");
        };
        var ref = switch (aggregate) {
            case AggregateRef.UserRef user -> new EventAggregate("user", user.name().value());
            case AggregateRef.RoomRef room -> new EventAggregate("chatroom", room.id().value());
            case AggregateRef.AppRef ignored -> new EventAggregate("app", tenant.appKey());
            case AggregateRef.IdempotencyKeyRef ignored -> throw new IllegalStateException("an Idempotency-Key publishes no events");
        };
        return EventEnvelope.newBuilder()
                .setEventId(eventId(ctx.now(), aggregateKey, seq).toString())
                .setEventType(published.type())
                .setSchema$(SCHEMA)
                .setOrg(tenant.org())
                .setApp(tenant.app())
                .setAggregate(ref)
                .setSeq(seq)
                .setOccurredAt(ctx.now())
                .setActor(command.getActor())
                .setRequest(new EventRequest(ctx.requestId(), command.getIdempotencyKey(), command.getApi()))
                .setCausationId(command.getCausationId() != null ? command.getCausationId() : ctx.requestId())
                .setCorrelationId(ctx.requestId())
                .setPayload(published.payload())
                .build();
    }

    /**
     * A UUIDv7 (RFC 9562) whose 48-bit time is the request's time (the command's issued_at, the
     * only clock a step sees) and whose 74 random bits are the first bits of SHA-256 over the
     * aggregate key and seq: distinct per event, and a step replayed after a crash republishes
     * the same id.
     */
    static UUID eventId(long millis, String aggregateKey, long seq) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest((aggregateKey + "|" + seq).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        var bits = ByteBuffer.wrap(hash);
        long high = (millis << 16) | (bits.getShort() & 0xFFFFL);
        long low = bits.getLong();
        return UUIDUtil.constructUUID(UUIDType.TIME_BASED_EPOCH, high, low);
    }
}
