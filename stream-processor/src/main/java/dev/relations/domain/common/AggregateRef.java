package dev.relations.domain.common;

/** The aggregate a command is for: a user (registry, roster, blocklist, joined rooms) or a chatroom. */
public sealed interface AggregateRef {

    record UserRef(Username name) implements AggregateRef {
    }

    record RoomRef(RoomId id) implements AggregateRef {
    }

    static AggregateRef user(Username name) {
        return new UserRef(name);
    }

    static AggregateRef room(RoomId id) {
        return new RoomRef(id);
    }
}
