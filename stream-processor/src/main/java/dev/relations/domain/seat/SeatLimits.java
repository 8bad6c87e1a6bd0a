package dev.relations.domain.seat;

/** Per-app limit on the chatrooms one user may be in at once (data, never a constant in the rules). */
public record SeatLimits(int maxJoinedRooms) {
    /** Easemob does not document its value (SPEC D.1); this is the recommended default. */
    public static final int DEFAULT_MAX_JOINED_ROOMS = 100;

    public SeatLimits {
        if (maxJoinedRooms < 1) {
            throw new IllegalArgumentException("maxJoinedRooms must be positive");
        }
    }

    public static SeatLimits defaults() {
        return new SeatLimits(DEFAULT_MAX_JOINED_ROOMS);
    }
}
