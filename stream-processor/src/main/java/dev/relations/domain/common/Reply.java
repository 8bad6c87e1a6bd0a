package dev.relations.domain.common;

/** The payload of an accepted verdict, one shape per kind of success body. */
public sealed interface Reply {

    /** Register, delete: the user entity. */
    record UserReply(User user) implements Reply {
    }

    /** Contact add/remove, unblock: the other user's entity, answered for the owner. */
    record ContactReply(User owner, User friend) implements Reply {
    }

    /** Blocking: the usernames the request named, now all blocked. */
    record NamesReply(java.util.List<Username> names) implements Reply {
    }

    /** Success with nothing to answer beyond {@code status: ok} (remark). */
    record Done() implements Reply {
    }

    /** Contact import: Easemob's four buckets. */
    record ImportReply(java.util.List<Username> success, java.util.List<Username> notExistFailed,
                       java.util.List<Username> maxLimitFailed, java.util.List<Username> unknownFailed) implements Reply {
    }
}
