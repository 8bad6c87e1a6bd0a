package dev.relations.domain.room;

import dev.relations.domain.common.Username;
import dev.relations.domain.seat.SeatRefusal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A multi-user join waiting for the users' sides: a batch add, or a creation (which also
 * carries the room it will open, the owner first in {@code asked}).
 *
 * @param asked    the users whose seats were asked for, in request order (the answer's order)
 * @param awaiting the asked users that have not answered yet
 * @param refused  the asked users that refused, and why
 * @param creation the room to open when every seat is granted; empty for a batch add
 * @param queued   a batch add's users beyond the room's free places, in request order: each refusal
 *                 gives its place to the next of them
 */
public record RoomBatch(String requestId, List<Username> asked, Set<Username> awaiting, Map<Username, SeatRefusal> refused,
                        Optional<RoomInfo> creation, List<Username> queued) {
}
