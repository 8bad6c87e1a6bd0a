package dev.relations.domain.seat;

/** Why a user's side refused a room a seat. */
public enum SeatRefusal {
    /** The user is not registered (or was deleted). */
    NOT_FOUND,
    /** The user is already in as many chatrooms as the app allows. */
    TOO_MANY,
    /** The user's step failed inside the service and changed nothing (or the room's confirm failed). */
    FAILED
}
