package dev.relations.engine;

import dev.relations.domain.contact.RosterLimits;
import dev.relations.domain.room.RoomLimits;
import dev.relations.domain.seat.SeatLimits;

import java.util.function.Supplier;

/**
 * Limits whose lookups can be made to throw, to fail one chosen step from the inside: every
 * step of a chain looks its limits up once, so "the n-th roster lookup from now" names a step.
 */
final class FailingLimits {
    private final Lookups roster = new Lookups();
    private final Lookups rooms = new Lookups();
    private final Lookups seats = new Lookups();

    final Limits limits = new Limits(
            tenant -> roster.next(() -> new RosterLimits(100)),
            tenant -> rooms.next(RoomLimits::defaults),
            tenant -> seats.next(() -> new SeatLimits(100)));

    void failRosterLookup(int nth) {
        roster.failAt(nth);
    }

    void failRoomLookup(int nth) {
        rooms.failAt(nth);
    }

    void failSeatLookup(int nth) {
        seats.failAt(nth);
    }

    private static final class Lookups {
        private int calls;
        private int failing = -1;

        void failAt(int nth) {
            calls = 0;
            failing = nth;
        }

        <T> T next(Supplier<T> limits) {
            if (++calls == failing) {
                failing = -1;
                throw new IllegalStateException("injected failure");
            }
            return limits.get();
        }
    }
}
