package dev.relations.domain.common;

/** The payload of an accepted verdict, one shape per kind of success body. */
public sealed interface Reply {

    /** Register, delete: the user entity. */
    record UserReply(User user) implements Reply {
    }

    /** Contact add/remove: the friend's entity, answered for the owner. */
    record ContactReply(User owner, User friend) implements Reply {
    }
}
