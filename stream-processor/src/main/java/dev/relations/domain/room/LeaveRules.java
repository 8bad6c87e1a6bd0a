package dev.relations.domain.room;

import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.Reply;
import dev.relations.domain.common.Reply.MemberAction;
import dev.relations.domain.common.Reply.MemberResult;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Username;
import dev.relations.domain.room.RoomCommand.DeleteRoom;
import dev.relations.domain.room.RoomCommand.DropMember;
import dev.relations.domain.room.RoomCommand.RemoveMember;
import dev.relations.domain.room.RoomCommand.RemoveMembers;
import dev.relations.domain.room.RoomCommand.UserCheck;
import dev.relations.domain.room.RoomEvent.AllowlistRemoved;
import dev.relations.domain.room.RoomEvent.BlocklistRemoved;
import dev.relations.domain.room.RoomEvent.LeaveReason;
import dev.relations.domain.room.RoomEvent.MembersLeft;
import dev.relations.domain.room.RoomEvent.MembersReleased;
import dev.relations.domain.room.RoomEvent.MutesRemoved;
import dev.relations.domain.room.RoomEvent.RoomDeleted;
import dev.relations.domain.room.RoomEvent.SeatAnswered;
import dev.relations.domain.room.RoomEvent.UnmuteReason;
import dev.relations.domain.seat.SeatCommand;
import dev.relations.domain.seat.SeatRefusal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static dev.relations.domain.room.RoomDecisions.accept;
import static dev.relations.domain.room.RoomDecisions.confirmedMember;
import static dev.relations.domain.room.RoomDecisions.distinct;
import static dev.relations.domain.room.RoomDecisions.invalidBatch;
import static dev.relations.domain.room.RoomDecisions.refuseExisting;
import static dev.relations.domain.room.RoomDecisions.reject;
import static dev.relations.domain.room.RoomDecisions.releaseSeat;

/** Members leaving: removal by the app, the user's deletion, and the room's deletion. Every leave frees the user's seat. */
final class LeaveRules {
    private LeaveRules() {
    }

    /** {@code userExists}: the user's side already said so; otherwise a non-member is looked up there first. */
    static Decision<RoomEvent, SeatCommand> remove(RemoveMember remove, Room room, RoomLimits limits, boolean userExists) {
        var info = room.info();
        if (info.isEmpty()) {
            return reject(RoomErrors.roomNotFound(remove.room()));
        }
        if (info.get().owner().equals(remove.user())) {
            return reject(RoomErrors.ownerOp());
        }
        if (confirmedMember(room, remove.user()).isEmpty()) {
            return refuseExisting(userExists, remove.room(), remove.user(), UserCheck.REMOVE_MEMBER,
                    RoomErrors.notMembers(List.of(remove.user()), limits));
        }
        return accept(List.of(new MembersLeft(remove.room(), List.of(remove.user()), LeaveReason.KICK)),
                List.of(releaseSeat(remove.room(), remove.user())),
                new Reply.MemberReply(remove.room(), MemberAction.REMOVE_MEMBER, remove.user()));
    }

    /** Answered per user; only an unknown room or an oversize batch fails the call. */
    static Decision<RoomEvent, SeatCommand> removeAll(RemoveMembers remove, Room room, RoomLimits limits) {
        var invalid = invalidBatch(remove.users(), limits.batchRemoveMax(), RoomErrors.removeBatchTooLarge(limits));
        if (invalid.isPresent()) {
            return reject(invalid.get());
        }
        var info = room.info();
        if (info.isEmpty()) {
            return reject(RoomErrors.roomNotFound(remove.room()));
        }
        var results = new ArrayList<MemberResult>();
        var removed = new ArrayList<Username>();
        for (var user : distinct(remove.users())) {
            if (info.get().owner().equals(user)) {
                results.add(MemberResult.failed(user, RoomErrors.OWNER_OP));
            } else if (confirmedMember(room, user).isEmpty()) {
                results.add(MemberResult.failed(user, RoomErrors.notInGroupReason(user, remove.room())));
            } else {
                results.add(MemberResult.ok(user));
                removed.add(user);
            }
        }
        List<RoomEvent> events = removed.isEmpty()
                ? List.of()
                : List.of(new MembersLeft(remove.room(), removed, LeaveReason.KICK));
        return accept(events, removed.stream().map(u -> releaseSeat(remove.room(), u)).toList(),
                new Reply.MemberResultsReply(remove.room(), MemberAction.REMOVE_MEMBER, results));
    }

    static Decision<RoomEvent, SeatCommand> delete(DeleteRoom delete, Room room) {
        if (room.info().isEmpty()) {
            return reject(RoomErrors.roomNotFound(delete.room()));
        }
        var dissolved = dissolve(delete.room(), room, Optional.empty());
        return accept(dissolved.events(), dissolved.followUps(), new Reply.RoomDeletedReply(delete.room()));
    }

    /**
     * The user was deleted; its seats sent this. A pending member whose seat was already
     * granted to a batch now counts as refused. A pending member still awaiting its answer is
     * left alone: the drop may come from an older seat in this room, and the answer on its way
     * will be a refusal, since the user is gone (two answers would mean two verdicts).
     */
    static Decision<RoomEvent, SeatCommand> drop(DropMember drop, Room room) {
        var member = room.member(drop.user());
        if (member.isPresent() && member.get().pending()) {
            return member.get().reservation().flatMap(room::batch)
                    .filter(b -> b.gather().answeredInTime(drop.user()))
                    .map(b -> Decision.<RoomEvent, SeatCommand>of(List.of(
                            new MembersReleased(drop.room(), List.of(drop.user())),
                            new SeatAnswered(drop.room(), b.requestId(), drop.user(), Optional.of(SeatRefusal.NOT_FOUND))),
                            List.of()))
                    .orElseGet(Decision::none);
        }
        var info = room.info();
        if (info.isEmpty()) {
            return Decision.none();
        }
        if (member.isPresent() && info.get().owner().equals(drop.user())) {
            return dissolve(drop.room(), room, Optional.of(drop.user()));
        }
        var events = new ArrayList<RoomEvent>();
        if (member.isPresent()) {
            events.add(new MembersLeft(drop.room(), List.of(drop.user()), LeaveReason.USER_DELETED));
        }
        // Blocklist, mute and allowlist entries outlive leaving, so they go even if the user had left already.
        if (room.blocked(drop.user())) {
            events.add(new BlocklistRemoved(drop.room(), List.of(drop.user()), RoomEvent.UnlistReason.USER_DELETED));
        }
        if (room.allowed(drop.user())) {
            events.add(new AllowlistRemoved(drop.room(), List.of(drop.user()), RoomEvent.UnlistReason.USER_DELETED));
        }
        if (room.mute(drop.user()).isPresent()) {
            events.add(new MutesRemoved(drop.room(), List.of(drop.user()), UnmuteReason.USER_DELETED));
        }
        return Decision.of(events, List.of());
    }

    /** Every member leaves (reason DELETE) and every seat, pending ones included, is freed; {@code gone}'s seats are already dropped. */
    private static Decision<RoomEvent, SeatCommand> dissolve(RoomId roomId, Room room, Optional<Username> gone) {
        var entries = room.members().stream()
                .sorted(Comparator.comparing(Member::pending).thenComparingLong(Member::seq))
                .toList();
        var events = new ArrayList<RoomEvent>();
        // A deleted owner leaves as deleted, not as dissolved: it is not told its own room went.
        gone.filter(u -> room.member(u).filter(Member::confirmed).isPresent())
                .ifPresent(u -> events.add(new MembersLeft(roomId, List.of(u), LeaveReason.USER_DELETED)));
        var members = entries.stream().filter(Member::confirmed).map(Member::user)
                .filter(u -> gone.filter(u::equals).isEmpty()).toList();
        if (!members.isEmpty()) {
            events.add(new MembersLeft(roomId, members, LeaveReason.DELETE));
        }
        events.add(new RoomDeleted(roomId));
        List<FollowUp<SeatCommand>> releases = entries.stream()
                .map(Member::user)
                .filter(u -> gone.filter(u::equals).isEmpty())
                .map(u -> releaseSeat(roomId, u))
                .toList();
        return Decision.of(events, releases);
    }
}
