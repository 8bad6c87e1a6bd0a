package dev.relations.domain.room;

import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.Reply;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Username;
import dev.relations.domain.common.Verdict;
import dev.relations.domain.seat.SeatCommand;
import dev.relations.domain.seat.SeatCommand.CheckUser;
import dev.relations.domain.seat.SeatCommand.NoteRoomEntries;
import dev.relations.domain.seat.SeatCommand.ReleaseSeat;
import dev.relations.domain.seat.SeatCommand.TakeSeat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Shorthands the room rules share. */
final class RoomDecisions {
    private RoomDecisions() {
    }

    static Decision<RoomEvent, SeatCommand> reject(Rejection rejection) {
        return Decision.reject(rejection);
    }

    static Decision<RoomEvent, SeatCommand> accept(List<RoomEvent> events, Reply reply) {
        return Decision.accept(events, reply);
    }

    static Decision<RoomEvent, SeatCommand> accept(List<RoomEvent> events, List<FollowUp<SeatCommand>> followUps,
                                                   Reply reply) {
        return new Decision<>(List.copyOf(events), List.copyOf(followUps), Optional.of(Verdict.accepted(reply)));
    }

    static Decision<RoomEvent, SeatCommand> reject(List<RoomEvent> events, List<FollowUp<SeatCommand>> followUps,
                                                   Rejection rejection) {
        return new Decision<>(List.copyOf(events), List.copyOf(followUps), Optional.of(Verdict.rejected(rejection)));
    }

    static FollowUp<SeatCommand> takeSeat(RoomId room, Username user) {
        return new FollowUp<>(user, new TakeSeat(user, room));
    }

    static FollowUp<SeatCommand> releaseSeat(RoomId room, Username user) {
        return new FollowUp<>(user, new ReleaseSeat(user, room));
    }

    /** Entries outlive membership: the user's side remembers the room, so the user's deletion clears them (SPEC B.3). */
    static FollowUp<SeatCommand> noteEntries(RoomId room, Username user) {
        return new FollowUp<>(user, new NoteRoomEntries(user, room));
    }

    /**
     * A single-user rule did not find the user where it needs them. Easemob answers E_USER404 for a
     * user who does not exist, and only the user's own partition knows: unless the user is already
     * known to exist, ask there; the answer ({@code UserChecked}) decides the rule again.
     */
    static Decision<RoomEvent, SeatCommand> refuseExisting(boolean userExists, RoomId room, Username user,
                                                           RoomCommand.UserCheck check, Rejection rejection) {
        return userExists
                ? reject(rejection)
                : Decision.continueWith(List.of(), new FollowUp<>(user, new CheckUser(user, room, check)));
    }

    /** An empty or oversize user list, checked before anything else. */
    static Optional<Rejection> invalidBatch(List<Username> users, int max, Rejection tooLarge) {
        if (users.isEmpty()) {
            return Optional.of(Rejection.invalidParameter(RoomErrors.NO_USERS));
        }
        return users.size() > max ? Optional.of(tooLarge) : Optional.empty();
    }

    static List<Username> distinct(List<Username> users) {
        return List.copyOf(new LinkedHashSet<>(users));
    }

    /** A member for every rule: present and not pending. */
    static Optional<Member> confirmedMember(Room room, Username user) {
        return room.member(user).filter(Member::confirmed);
    }

    /** The user holds a pending place reserved by this request. */
    static boolean reservedFor(Room room, Username user, String requestId) {
        return room.member(user)
                .filter(m -> m.pending() && m.reservation().filter(requestId::equals).isPresent())
                .isPresent();
    }
}
