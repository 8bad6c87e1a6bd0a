package dev.relations.domain.user;

import dev.relations.domain.common.User;

public sealed interface UserEvent {

    record UserRegistered(User user, String passwordHash) implements UserEvent {
    }

    record UserDeleted(User user) implements UserEvent {
    }

    /** {@code user} as it is now: {@code activated} false, {@code modified} the request's time. */
    record UserDeactivated(User user) implements UserEvent {
    }

    /** {@code user} as it is now: {@code activated} true, {@code modified} the request's time. */
    record UserActivated(User user) implements UserEvent {
    }
}
