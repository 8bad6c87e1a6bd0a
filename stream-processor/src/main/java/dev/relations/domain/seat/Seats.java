package dev.relations.domain.seat;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.User;

import java.util.List;
import java.util.Optional;

/**
 * The chatrooms one user is in, as point lookups and a counter: the rule "joined too many
 * chatrooms" lives here, on the user's partition, so concurrent joins to different rooms
 * are serialised. Implemented over the state stores in the topology and over maps in tests.
 */
public interface Seats {

    /** The user this aggregate belongs to, empty when not registered (or deleted). */
    Optional<User> owner();

    /** Seats held; a seat is taken before the room confirms the member, so in-flight joins count. */
    int joinedCount();

    Optional<Seat> seat(RoomId room);

    /** Every seat; only a user's deletion walks them. */
    List<Seat> seats();

    void put(Seat seat);

    void remove(RoomId room);

    /** Rooms that hold a blocklist, allowlist or mute entry on the user (some may have cleared it since). */
    List<RoomId> noted();

    void note(RoomId room);

    void forget(RoomId room);

    /** Next position in this user's joined-rooms order (newest has the highest). */
    long nextSeq();
}
