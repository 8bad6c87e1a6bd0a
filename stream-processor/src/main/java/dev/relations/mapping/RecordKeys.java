package dev.relations.mapping;

import dev.relations.domain.common.AggregateRef;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;

/**
 * Record keys: a record key names an aggregate and decides its partition, on the commands
 * and events topics and for interactive queries alike. '/' never occurs in org, app, user
 * or room names (their charsets exclude it).
 */
public final class RecordKeys {
    private static final String IDEMPOTENCY = "/idempotency/";
    private RecordKeys() {
    }

    /** The aggregate (and partitioning) key of a user: {@code org#app/user/name}. */
    public static String user(Tenant tenant, Username user) {
        return tenant.appKey() + "/user/" + user.value();
    }

    /** The aggregate (and partitioning) key of a chatroom: {@code org#app/room/id}. */
    public static String room(Tenant tenant, RoomId room) {
        return tenant.appKey() + "/room/" + room.value();
    }

    /** The aggregate (and partitioning) key of the app's own aggregate: {@code org#app/app}. */
    public static String app(Tenant tenant) {
        return tenant.appKey() + "/app";
    }

    /** The aggregate (and partitioning) key of an Idempotency-Key: {@code org#app/idempotency/digest}. */
    public static String idempotencyKey(Tenant tenant, String digest) {
        return tenant.appKey() + IDEMPOTENCY + digest;
    }

    public static String of(Tenant tenant, AggregateRef aggregate) {
        return switch (aggregate) {
            case AggregateRef.UserRef user -> user(tenant, user.name());
            case AggregateRef.RoomRef room -> room(tenant, room.id());
            case AggregateRef.AppRef ignored -> app(tenant);
            case AggregateRef.IdempotencyKeyRef key -> idempotencyKey(tenant, key.digest());
        };
    }

    /** The aggregate an aggregate key names. */
    public static AggregateRef aggregateOf(String aggregateKey) {
        var kind = aggregateKey.substring(aggregateKey.indexOf('/') + 1);
        if (kind.equals("app")) {
            return AggregateRef.app();
        }
        if (aggregateKey.contains(IDEMPOTENCY)) {
            return AggregateRef.idempotencyKey(aggregateKey.substring(aggregateKey.lastIndexOf('/') + 1));
        }
        return isRoom(aggregateKey) ? AggregateRef.room(roomOf(aggregateKey)) : AggregateRef.user(userOf(aggregateKey));
    }

    /** The username part of a user aggregate key. */
    public static Username userOf(String aggregateKey) {
        return Username.of(aggregateKey.substring(aggregateKey.lastIndexOf('/') + 1));
    }

    /** The room id part of a room aggregate key. */
    public static RoomId roomOf(String aggregateKey) {
        return new RoomId(aggregateKey.substring(aggregateKey.lastIndexOf('/') + 1));
    }

    /** Whether an aggregate key names a chatroom (else a user). */
    public static boolean isRoom(String aggregateKey) {
        return aggregateKey.contains("/room/");
    }
}
