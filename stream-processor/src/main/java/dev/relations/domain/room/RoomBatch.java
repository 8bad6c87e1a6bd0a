package dev.relations.domain.room;

import dev.relations.domain.common.Gather;
import dev.relations.domain.common.Username;
import dev.relations.domain.seat.SeatRefusal;

import java.util.List;
import java.util.Optional;

/**
 * A multi-user join waiting for the users' sides: a batch add, or a creation (which also
 * carries the room it will open, the owner first among the targets).
 *
 * @param gather   the users whose seats are asked for, in request order (the answer's order), each
 *                 answered with its refusal or none (seat granted); a batch add's users beyond the
 *                 room's free places are queued: each refusal gives its place to the next of them
 * @param creation the room to open when every seat is granted; empty for a batch add
 */
public record RoomBatch(Gather<Optional<SeatRefusal>> gather, Optional<RoomInfo> creation) {

    public String requestId() {
        return gather.requestId();
    }

    RoomBatch with(Gather<Optional<SeatRefusal>> next) {
        return new RoomBatch(next, creation);
    }

    /**
     * The batch after a user's answer; empty once an expired batch has every late answer. A user
     * already answered is answered again only by a refusal overriding a grant (the user was deleted).
     */
    Optional<RoomBatch> afterAnswer(Username user, Optional<SeatRefusal> refusal) {
        if (gather.arrival(user) == Gather.Arrival.UNEXPECTED) {
            return Optional.of(with(gather.revise(user, refusal)));
        }
        return gather.afterAnswer(user, refusal).map(this::with);
    }

    /** See {@link Gather#requeue}. */
    RoomBatch requeued(Optional<Username> asked, List<Username> queue) {
        return with(gather.requeue(asked, queue));
    }
}
