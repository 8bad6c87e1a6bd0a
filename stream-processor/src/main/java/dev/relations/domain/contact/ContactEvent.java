package dev.relations.domain.contact;

import dev.relations.domain.common.Username;
import dev.relations.domain.contact.ContactCommand.RemoveReason;

public sealed interface ContactEvent {

    /** Internal: a slot held for an add in flight. Not published. */
    record ContactReserved(Username owner, Username friend, String reservation, long at) implements ContactEvent {
    }

    /** Internal: a reservation given back after the friend refused. Not published. */
    record ReservationReleased(Username owner, Username friend) implements ContactEvent {
    }

    record ContactAdded(Username owner, Username friend, String source, boolean notice, long at) implements ContactEvent {
    }

    record ContactRemoved(Username owner, Username friend, RemoveReason reason) implements ContactEvent {
    }

    /** Whether consumers of the events topic see this event. */
    static boolean published(ContactEvent event) {
        return switch (event) {
            case ContactReserved ignored -> false;
            case ReservationReleased ignored -> false;
            case ContactAdded ignored -> true;
            case ContactRemoved ignored -> true;
        };
    }
}
