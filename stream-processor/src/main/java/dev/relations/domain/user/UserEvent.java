package dev.relations.domain.user;

import dev.relations.domain.common.User;

public sealed interface UserEvent {

    record UserRegistered(User user, String passwordHash) implements UserEvent {
    }

    record UserDeleted(User user) implements UserEvent {
    }
}
