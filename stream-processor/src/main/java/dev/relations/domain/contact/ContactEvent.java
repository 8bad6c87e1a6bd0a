package dev.relations.domain.contact;

import dev.relations.domain.common.Username;
import dev.relations.domain.contact.ContactCommand.RemoveReason;

import java.util.List;
import java.util.Map;

public sealed interface ContactEvent {

    /** Internal: a slot held for an add in flight. Not published. */
    record ContactReserved(Username owner, Username friend, String reservation, long at) implements ContactEvent {
    }

    /** Internal: a reservation given back after the friend refused. Not published. */
    record ReservationReleased(Username owner, Username friend) implements ContactEvent {
    }

    /** {@code initiator}: the user who asked for the add (the owner on its own side, the friend on the other). */
    record ContactAdded(Username owner, Username friend, String source, boolean notice, long at, Username initiator)
            implements ContactEvent {
        /** The initiator's own side. */
        public ContactAdded(Username owner, Username friend, String source, boolean notice, long at) {
            this(owner, friend, source, notice, at, owner);
        }
    }

    /** {@code initiator}: the user who removed the other, or who was deleted. */
    record ContactRemoved(Username owner, Username friend, RemoveReason reason, Username initiator, boolean notice)
            implements ContactEvent {
        /** The initiator's own side. */
        public ContactRemoved(Username owner, Username friend, RemoveReason reason) {
            this(owner, friend, reason, owner);
        }

        public ContactRemoved(Username owner, Username friend, RemoveReason reason, Username initiator) {
            this(owner, friend, reason, initiator, true);
        }
    }

    record ContactRemarkSet(Username owner, Username friend, String remark) implements ContactEvent {
    }

    /** Internal: an import waits for the answers of the targets it asked. */
    record ImportStarted(Username owner, String requestId, List<Username> targets, Map<Username, ImportBucket> answers,
                         List<Username> waiting, boolean notice) implements ContactEvent {
    }

    /** Internal: a slot freed during an import went to the next waiting target. */
    record ImportAskedNext(Username owner, String requestId, Username target) implements ContactEvent {
    }

    /** Internal: one target of an import answered. */
    record ImportAnswered(Username owner, String requestId, Username target, ImportBucket bucket) implements ContactEvent {
    }

    /** Internal: the deadline passed; the targets still unanswered count as unknown from now on. */
    record ImportExpired(Username owner, String requestId) implements ContactEvent {
    }

    /** Internal: every target answered (or the deadline passed); the import's verdict is out. */
    record ImportFinished(Username owner, String requestId) implements ContactEvent {
    }

    /** Whether consumers of the events topic see this event. */
    static boolean published(ContactEvent event) {
        return switch (event) {
            case ContactReserved ignored -> false;
            case ReservationReleased ignored -> false;
            case ContactAdded ignored -> true;
            case ContactRemoved ignored -> true;
            case ContactRemarkSet ignored -> true;
            case ImportStarted ignored -> false;
            case ImportAnswered ignored -> false;
            case ImportAskedNext ignored -> false;
            case ImportExpired ignored -> false;
            case ImportFinished ignored -> false;
        };
    }
}
