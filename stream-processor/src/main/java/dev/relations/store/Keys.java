package dev.relations.store;

import dev.relations.domain.common.AggregateRef;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;

/**
 * Store keys (record keys are {@code mapping.RecordKeys}): they start with the tenant and
 * owner so one user's entries are one prefix scan. '|' never occurs in org, app or user
 * names (their charsets exclude it).
 */
public final class Keys {
    private Keys() {
    }

    public static String userEntry(Tenant tenant, Username user) {
        return tenant.appKey() + "|" + user.value();
    }

    /** A user's place in the app's creation order: time first, then name for users created in the same millisecond. */
    public static String userCreation(Tenant tenant, long created, Username user) {
        return tenant.appKey() + "|" + hex16(created) + "|" + user.value();
    }

    /** Prefix of every per-owner entry; the trailing separator keeps "ab" from matching "abc". */
    public static String ownerPrefix(Tenant tenant, Username owner) {
        return tenant.appKey() + "|" + owner.value() + "|";
    }

    public static String contact(Tenant tenant, Username owner, Username friend) {
        return edge(tenant, owner, friend);
    }

    /** Fixed-width hex so that lexical order is numeric order. */
    public static String order(Tenant tenant, Username owner, long seq) {
        return ordered(ownerPrefix(tenant, owner), seq);
    }

    /** An order-index key under any owner prefix (a user's or a room's). */
    static String ordered(String ownerPrefix, long seq) {
        return ownerPrefix + hex16(seq);
    }

    /** An edge or entry of an owner naming another user (contacts, blocks, blockers). */
    public static String edge(Tenant tenant, Username owner, Username other) {
        return ownerPrefix(tenant, owner) + other.value();
    }

    public static String batch(Tenant tenant, Username owner, String requestId) {
        return ownerPrefix(tenant, owner) + requestId;
    }

    public static String counter(Tenant tenant, Username owner, String name) {
        return ownerPrefix(tenant, owner) + "#" + name;
    }

    public static String roomEntry(Tenant tenant, RoomId room) {
        return tenant.appKey() + "|" + room.value();
    }

    /** Prefix of every per-room entry (members, lists, counters, batches, order). */
    public static String roomPrefix(Tenant tenant, RoomId room) {
        return roomEntry(tenant, room) + "|";
    }

    public static String roomCounter(Tenant tenant, RoomId room, String name) {
        return roomPrefix(tenant, room) + "#" + name;
    }

    public static String roomMember(Tenant tenant, RoomId room, Username user) {
        return roomPrefix(tenant, room) + user.value();
    }

    public static String roomOrder(Tenant tenant, RoomId room, long seq) {
        return ordered(roomPrefix(tenant, room), seq);
    }

    public static String roomBatch(Tenant tenant, RoomId room, String requestId) {
        return roomPrefix(tenant, room) + requestId;
    }

    /** Timed mutes ordered by due time, then tenant, room and user. */
    public static String muteExpiry(long expireAt, Tenant tenant, RoomId room, Username user) {
        return hex16(expireAt) + "|" + tenant.appKey() + "|" + room.value() + "|" + user.value();
    }

    public static String seat(Tenant tenant, Username user, RoomId room) {
        return ownerPrefix(tenant, user) + room.value();
    }

    /** Prefix of every entry of the app's own aggregate (counters, super admins, their order). */
    public static String appPrefix(Tenant tenant) {
        return tenant.appKey() + "|";
    }

    public static String appCounter(Tenant tenant, String name) {
        return appPrefix(tenant) + "#" + name;
    }

    public static String superAdmin(Tenant tenant, Username user) {
        return appPrefix(tenant) + user.value();
    }

    public static String roomReservation(Tenant tenant, RoomId room) {
        return appPrefix(tenant) + room.value();
    }

    public static String superAdminOrder(Tenant tenant, long seq) {
        return appPrefix(tenant) + hex16(seq);
    }

    /** Prefix of an aggregate's history; users and rooms apart, since a user may be named like a room id. */
    static String historyPrefix(Tenant tenant, AggregateRef aggregate) {
        return switch (aggregate) {
            case AggregateRef.UserRef user -> tenant.appKey() + "|u|" + user.name().value() + "|";
            case AggregateRef.RoomRef room -> tenant.appKey() + "|r|" + room.id().value() + "|";
            case AggregateRef.AppRef app -> tenant.appKey() + "|a|";
            case AggregateRef.IdempotencyKeyRef key -> tenant.appKey() + "|k|" + key.digest() + "|";
        };
    }

    /** An event of an aggregate's history, by its seq. */
    public static String history(Tenant tenant, AggregateRef aggregate, long seq) {
        return ordered(historyPrefix(tenant, aggregate), seq);
    }

    public static String request(Tenant tenant, String requestId) {
        return tenant.appKey() + "|" + requestId;
    }

    /** An Idempotency-Key's claim, among the requests (request ids never start with "key:"). */
    public static String idempotencyClaim(Tenant tenant, String digest) {
        return request(tenant, "key:" + digest);
    }

    /** A reservation's deadline in due order: due time, the request holding it, the aggregate holding it. */
    public static String reservationDeadline(long due, String requestId, String recordKey) {
        return hex16(due) + "|" + requestId + "|" + recordKey;
    }

    /** An idempotency entry in creation order: created time, then its {@link #request} key. */
    public static String requestCreation(long created, String requestKey) {
        return hex16(created) + "|" + requestKey;
    }

    /** The seq at the end of an order-index key ({@link #order}, {@link #roomOrder}). */
    public static long seqOf(String orderKey) {
        return Long.parseLong(orderKey.substring(orderKey.length() - 16), 16);
    }

    /** Fixed-width lower-case hex (on every ordered write, so no String.format). */
    public static String hex16(long value) {
        var hex = Long.toHexString(value);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
