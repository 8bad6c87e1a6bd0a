package dev.relations.domain.user;

import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;

public sealed interface UserCommand {

    record RegisterUser(User user, String passwordHash) implements UserCommand {
    }

    record DeleteUser(Username username) implements UserCommand {
    }
}
