package dev.relations.domain.app;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Username;

public sealed interface AppEvent {

    /** Internal: one more registered user. */
    record RegistrationCounted(Username user) implements AppEvent {
    }

    /** Internal: one registered user fewer. */
    record RegistrationReleased(Username user) implements AppEvent {
    }

    /** Internal: a place is held for a room being created, until {@code until} (ms) at the latest. */
    record RoomReserved(RoomId room, long until) implements AppEvent {
    }

    /** Internal: a held place goes back (the creation was refused, or the hold ran out). */
    record RoomReservationDropped(RoomId room) implements AppEvent {
    }

    /** Internal: one more chatroom (its held place, if any, is used). */
    record RoomCounted(RoomId room) implements AppEvent {
    }

    /** Internal: one chatroom fewer. */
    record RoomUncounted(RoomId room) implements AppEvent {
    }

    /** app.room_super_admins.added */
    record SuperAdminAdded(Username user) implements AppEvent {
    }

    /** app.room_super_admins.removed */
    record SuperAdminRemoved(Username user) implements AppEvent {
    }
}
