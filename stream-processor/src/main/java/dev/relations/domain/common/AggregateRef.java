package dev.relations.domain.common;

/**
 * The aggregate a command is for: a user (registry, roster, blocklist, joined rooms), a chatroom,
 * the app itself (its registered-user count and chatroom super admins), or an Idempotency-Key
 * (named by a digest of the key, so any header value makes a safe record key).
 */
public sealed interface AggregateRef {

    record UserRef(Username name) implements AggregateRef {
    }

    record RoomRef(RoomId id) implements AggregateRef {
    }

    record AppRef() implements AggregateRef {
    }

    record IdempotencyKeyRef(String digest) implements AggregateRef {
    }

    static AggregateRef user(Username name) {
        return new UserRef(name);
    }

    static AggregateRef room(RoomId id) {
        return new RoomRef(id);
    }

    static AggregateRef app() {
        return new AppRef();
    }

    static AggregateRef idempotencyKey(String digest) {
        return new IdempotencyKeyRef(digest);
    }
}
