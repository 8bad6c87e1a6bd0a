package dev.relations.domain.user;

import dev.relations.domain.common.User;

/** The user registry's state for one username. */
public record RegisteredUser(User user, String passwordHash) {
}
