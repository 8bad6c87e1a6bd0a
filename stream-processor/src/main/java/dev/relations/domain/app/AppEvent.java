package dev.relations.domain.app;

import dev.relations.domain.common.Username;

public sealed interface AppEvent {

    /** Internal: one more registered user. */
    record RegistrationCounted(Username user) implements AppEvent {
    }

    /** Internal: one registered user fewer. */
    record RegistrationReleased(Username user) implements AppEvent {
    }

    /** app.room_super_admins.added */
    record SuperAdminAdded(Username user) implements AppEvent {
    }

    /** app.room_super_admins.removed */
    record SuperAdminRemoved(Username user) implements AppEvent {
    }
}
