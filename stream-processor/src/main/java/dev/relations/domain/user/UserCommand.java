package dev.relations.domain.user;

import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;

public sealed interface UserCommand {

    /** Under a per-app quota, a place is asked of the app first ({@link RegistrationGranted} or {@link RegistrationRefused}). */
    record RegisterUser(User user, String passwordHash) implements UserCommand {
    }

    record DeleteUser(Username username) implements UserCommand {
    }

    /** Bans the user from logging in; every relationship stays (SPEC B.3). */
    record DeactivateUser(Username username) implements UserCommand {
    }

    record ActivateUser(Username username) implements UserCommand {
    }

    /** From the app: the registration has its place under the quota. */
    record RegistrationGranted(User user, String passwordHash) implements UserCommand {
    }

    /** From the app: the quota is full. */
    record RegistrationRefused(Username username) implements UserCommand {
    }

    /** Makes the user a chatroom super admin (SPEC D.6): checked here, granted by the app. */
    record AddSuperAdmin(Username username) implements UserCommand {
    }

    /** From the app: the user is a super admin. */
    record SuperAdminGranted(Username username) implements UserCommand {
    }
}
