package dev.relations.domain.app;

import dev.relations.domain.common.User;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Username;

/**
 * Commands at an app's own aggregate, which holds what no user or room owns: the count of
 * registered users and of chatrooms behind the per-app quotas, and the chatroom super admins
 * (SPEC D.6). User commands come from a user's side, room counts from the rooms; the API sends
 * a super admin's removal and a room's reservation (and its release).
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

    /** From the API under a room-count quota: hold a place for a room about to be created (SPEC D.3). Answered. */
    record ReserveRoom(RoomId room) implements AppCommand {
    }

    /** From the API: the room's creation was refused, so its held place goes back. Not answered. */
    record ReleaseRoom(RoomId room) implements AppCommand {
    }

    /** From a room that was created: counted, taking the place held for it if any. Not answered. */
    record CountRoom(RoomId room) implements AppCommand {
    }

    /** From a room that was deleted. Not answered. */
    record UncountRoom(RoomId room) implements AppCommand {
    }
}
