package dev.relations.domain.seat;

import dev.relations.domain.common.RoomId;

/** One chatroom a user holds a place in; {@code seq} orders the user's joined-rooms listing. */
public record Seat(RoomId room, long seq, long taken) {
}
