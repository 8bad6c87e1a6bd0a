package dev.relations.domain.seat;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Username;

/** Bookkeeping of the joined-rooms limit; not published (the rooms' events say who joined and left). */
public sealed interface SeatEvent {

    record SeatTaken(Username user, RoomId room, long at) implements SeatEvent {
    }

    record SeatReleased(Username user, RoomId room) implements SeatEvent {
    }

    /** The room holds entries on the user (SPEC B.3: the user's deletion clears them). */
    record EntriesNoted(Username user, RoomId room) implements SeatEvent {
    }

    record EntriesForgotten(Username user, RoomId room) implements SeatEvent {
    }
}
