package dev.relations.domain.seat;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Username;
import dev.relations.domain.room.RoomCommand;

/**
 * Commands at a user's seats, all sent by rooms (or by the user's own deletion). A join is a
 * chain: the room reserves a pending member, the user's side takes a seat if the user exists
 * and has room, and answers the room, which confirms or gives its reservation back.
 */
public sealed interface SeatCommand {

    /** From a room: take a seat and answer {@code SeatGranted} or {@code SeatRefused}. Taking a held seat again is granted. */
    record TakeSeat(Username user, RoomId room) implements SeatCommand {
    }

    /** From a room: the user left it, or a join that took a seat was undone. Not answered. */
    record ReleaseSeat(Username user, RoomId room) implements SeatCommand {
    }

    /** From a room: answer whether the user exists with {@code UserChecked}; nothing changes here. */
    record CheckUser(Username user, RoomId room, RoomCommand.UserCheck check) implements SeatCommand {
    }

    /**
     * From a room: it holds a blocklist, allowlist or mute entry on the user. Remembered (entries
     * outlive membership) so that the user's deletion reaches the room; if the user is already
     * gone, the room is told at once. Not answered.
     */
    record NoteRoomEntries(Username user, RoomId room) implements SeatCommand {
    }

    /** At a deleted user: drop every seat and tell each room (an owner's room is dissolved there). */
    record DropSeats(Username user) implements SeatCommand {
    }
}
