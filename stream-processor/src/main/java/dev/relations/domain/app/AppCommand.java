package dev.relations.domain.app;

import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;

/**
 * Commands at an app's own aggregate, which holds what no user or room owns: the count of
 * registered users behind the per-app quota, and the chatroom super admins (SPEC D.6). Every
 * command comes from a user's side except a super admin's removal, which the API sends.
 */
public sealed interface AppCommand {

    /** A registration under a quota asks for a place; answered {@code RegistrationGranted} or {@code RegistrationRefused}. */
    record ReserveRegistration(User user, String passwordHash) implements AppCommand {
    }

    /** A registration without a quota is counted all the same, so a quota set later holds. Not answered. */
    record CountRegistration(Username user) implements AppCommand {
    }

    /** A granted place that was not used (the name was taken meanwhile) goes back. Not answered. */
    record ReleaseRegistration(Username user) implements AppCommand {
    }

    /** The user was deleted: its place goes back, and any super-admin role with it. Not answered. */
    record ForgetUser(Username user) implements AppCommand {
    }

    /** The user's side found the user; answered {@code SuperAdminGranted} there. */
    record GrantSuperAdmin(Username user) implements AppCommand {
    }

    record RemoveSuperAdmin(Username user) implements AppCommand {
    }
}
