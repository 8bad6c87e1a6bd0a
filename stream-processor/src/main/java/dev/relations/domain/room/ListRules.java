package dev.relations.domain.room;

import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.Reply;
import dev.relations.domain.common.Reply.MemberAction;
import dev.relations.domain.common.Reply.MemberResult;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Username;
import dev.relations.domain.room.RoomCommand.AllowMember;
import dev.relations.domain.room.RoomCommand.AllowMembers;
import dev.relations.domain.room.RoomCommand.BlockMember;
import dev.relations.domain.room.RoomCommand.BlockMembers;
import dev.relations.domain.room.RoomCommand.DisallowMembers;
import dev.relations.domain.room.RoomCommand.UnblockMember;
import dev.relations.domain.room.RoomCommand.UnblockMembers;
import dev.relations.domain.room.RoomCommand.UserCheck;
import dev.relations.domain.room.RoomEvent.AllowlistAdded;
import dev.relations.domain.room.RoomEvent.AllowlistRemoved;
import dev.relations.domain.room.RoomEvent.BlocklistAdded;
import dev.relations.domain.room.RoomEvent.BlocklistRemoved;
import dev.relations.domain.room.RoomEvent.LeaveReason;
import dev.relations.domain.room.RoomEvent.MembersLeft;
import dev.relations.domain.seat.SeatCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.relations.domain.room.RoomDecisions.accept;
import static dev.relations.domain.room.RoomDecisions.confirmedMember;
import static dev.relations.domain.room.RoomDecisions.distinct;
import static dev.relations.domain.room.RoomDecisions.invalidBatch;
import static dev.relations.domain.room.RoomDecisions.noteEntries;
import static dev.relations.domain.room.RoomDecisions.refuseExisting;
import static dev.relations.domain.room.RoomDecisions.reject;
import static dev.relations.domain.room.RoomDecisions.releaseSeat;

/**
 * The room blocklist and allowlist. Invariant: a blocked user is never a member: blocking
 * removes the member (reason BLOCK, seat freed) and a blocked user cannot be added. Only
 * current members can be listed (SPEC G-19), unless the app opts in to blocking non-members;
 * the owner cannot be blocked. Unblocking does not re-add anyone.
 */
final class ListRules {
    private ListRules() {
    }

    static Decision<RoomEvent, SeatCommand> block(BlockMember block, Room room, RoomLimits limits, boolean userExists) {
        var info = room.info();
        if (info.isEmpty()) {
            return reject(RoomErrors.roomNotFound(block.room()));
        }
        if (info.get().owner().equals(block.user())) {
            return reject(RoomErrors.ownerOp());
        }
        var reply = new Reply.MemberReply(block.room(), MemberAction.ADD_BLOCK, block.user());
        if (confirmedMember(room, block.user()).isEmpty()) {
            if (!limits.allowBlockNonMember() || room.member(block.user()).isPresent()) {
                return reject(RoomErrors.notMembers(List.of(block.user()), limits));
            }
            // G-19 extension: a registered non-member goes on the blocklist (E_USER404 for an unknown name).
            if (room.blocked(block.user())) {
                return accept(List.of(), reply);
            }
            return userExists
                    ? accept(List.of(new BlocklistAdded(block.room(), List.of(block.user()))),
                            List.of(noteEntries(block.room(), block.user())), reply)
                    : refuseExisting(false, block.room(), block.user(), UserCheck.BLOCK_NON_MEMBER, RoomErrors.userNotFound(block.user()));
        }
        return accept(blocked(block.room(), List.of(block.user())),
                List.of(releaseSeat(block.room(), block.user()), noteEntries(block.room(), block.user())), reply);
    }

    static Decision<RoomEvent, SeatCommand> blockAll(BlockMembers block, Room room, RoomLimits limits) {
        var invalid = invalidBatch(block.users(), limits.listBatchMax(), RoomErrors.blockBatchTooLarge(limits));
        if (invalid.isPresent()) {
            return reject(invalid.get());
        }
        var info = room.info();
        if (info.isEmpty()) {
            return reject(RoomErrors.roomNotFound(block.room()));
        }
        var results = new ArrayList<MemberResult>();
        var members = new ArrayList<Username>();
        var outsiders = new ArrayList<Username>();
        for (var user : distinct(block.users())) {
            if (info.get().owner().equals(user)) {
                results.add(MemberResult.failed(user, RoomErrors.OWNER_OP));
            } else if (confirmedMember(room, user).isPresent()) {
                results.add(MemberResult.ok(user));
                members.add(user);
            } else if (limits.allowBlockNonMember() && room.member(user).isEmpty() && Username.isLegal(user.value())) {
                // G-19 extension; a name nobody holds is cleared again by the user's side (see README).
                results.add(MemberResult.ok(user));
                if (!room.blocked(user)) {
                    outsiders.add(user);
                }
            } else {
                results.add(MemberResult.failed(user, RoomErrors.notInChatroomReason(user, block.room())));
            }
        }
        var events = new ArrayList<RoomEvent>();
        if (!members.isEmpty()) {
            events.add(new MembersLeft(block.room(), members, LeaveReason.BLOCK));
        }
        var listed = Stream.concat(members.stream(), outsiders.stream()).toList();
        if (!listed.isEmpty()) {
            events.add(new BlocklistAdded(block.room(), listed));
        }
        List<FollowUp<SeatCommand>> followUps = listed.stream()
                .flatMap(u -> members.contains(u)
                        ? Stream.of(releaseSeat(block.room(), u), noteEntries(block.room(), u))
                        : Stream.of(noteEntries(block.room(), u)))
                .toList();
        return accept(events, followUps, new Reply.MemberResultsReply(block.room(), MemberAction.ADD_BLOCK, results));
    }

    private static List<RoomEvent> blocked(RoomId room, List<Username> users) {
        return List.of(new MembersLeft(room, users, LeaveReason.BLOCK), new BlocklistAdded(room, users));
    }

    /** "Not on the blocklist" is answered with E_NOTMEMBER's text (SPEC D.7). */
    static Decision<RoomEvent, SeatCommand> unblock(UnblockMember unblock, Room room, RoomLimits limits) {
        if (room.info().isEmpty()) {
            return reject(RoomErrors.roomNotFound(unblock.room()));
        }
        if (!room.blocked(unblock.user())) {
            return reject(RoomErrors.notMembers(List.of(unblock.user()), limits));
        }
        return accept(List.of(new BlocklistRemoved(unblock.room(), List.of(unblock.user()))),
                new Reply.MemberReply(unblock.room(), MemberAction.REMOVE_BLOCK, unblock.user()));
    }

    static Decision<RoomEvent, SeatCommand> unblockAll(UnblockMembers unblock, Room room, RoomLimits limits) {
        var invalid = invalidBatch(unblock.users(), limits.listBatchMax(), RoomErrors.unblockBatchTooLarge(limits));
        if (invalid.isPresent()) {
            return reject(invalid.get());
        }
        if (room.info().isEmpty()) {
            return reject(RoomErrors.roomNotFound(unblock.room()));
        }
        var results = new ArrayList<MemberResult>();
        var targets = new ArrayList<Username>();
        for (var user : distinct(unblock.users())) {
            if (room.blocked(user)) {
                results.add(MemberResult.ok(user));
                targets.add(user);
            } else {
                results.add(MemberResult.failed(user, RoomErrors.notBlockedReason(user, unblock.room())));
            }
        }
        return accept(targets.isEmpty() ? List.of() : List.of(new BlocklistRemoved(unblock.room(), targets)),
                new Reply.MemberResultsReply(unblock.room(), MemberAction.REMOVE_BLOCK, results));
    }

    /** Allowing an allowed member again succeeds and changes nothing. */
    static Decision<RoomEvent, SeatCommand> allow(AllowMember allow, Room room, RoomLimits limits) {
        if (room.info().isEmpty()) {
            return reject(RoomErrors.roomNotFound(allow.room()));
        }
        if (confirmedMember(room, allow.user()).isEmpty()) {
            return reject(RoomErrors.notMembers(List.of(allow.user()), limits));
        }
        if (room.allowed(allow.user())) {
            return accept(List.of(), new Reply.MemberReply(allow.room(), MemberAction.ADD_ALLOW, allow.user()));
        }
        return accept(List.of(new AllowlistAdded(allow.room(), List.of(allow.user()))),
                List.of(noteEntries(allow.room(), allow.user())),
                new Reply.MemberReply(allow.room(), MemberAction.ADD_ALLOW, allow.user()));
    }

    static Decision<RoomEvent, SeatCommand> allowAll(AllowMembers allow, Room room, RoomLimits limits) {
        var invalid = invalidBatch(allow.users(), limits.listBatchMax(), RoomErrors.allowBatchTooLarge(limits));
        if (invalid.isPresent()) {
            return reject(invalid.get());
        }
        if (room.info().isEmpty()) {
            return reject(RoomErrors.roomNotFound(allow.room()));
        }
        var results = new ArrayList<MemberResult>();
        var added = new ArrayList<Username>();
        for (var user : distinct(allow.users())) {
            if (confirmedMember(room, user).isEmpty()) {
                results.add(MemberResult.failed(user, RoomErrors.notInChatroomReason(user, allow.room())));
            } else {
                results.add(MemberResult.ok(user));
                if (!room.allowed(user)) {
                    added.add(user);
                }
            }
        }
        return accept(added.isEmpty() ? List.of() : List.of(new AllowlistAdded(allow.room(), added)),
                added.stream().map(u -> noteEntries(allow.room(), u)).toList(),
                new Reply.MemberResultsReply(allow.room(), MemberAction.ADD_ALLOW, results));
    }

    static Decision<RoomEvent, SeatCommand> disallowAll(DisallowMembers disallow, Room room, RoomLimits limits) {
        var invalid = invalidBatch(disallow.users(), limits.listBatchMax(), RoomErrors.disallowBatchTooLarge(limits));
        if (invalid.isPresent()) {
            return reject(invalid.get());
        }
        if (room.info().isEmpty()) {
            return reject(RoomErrors.roomNotFound(disallow.room()));
        }
        var results = new ArrayList<MemberResult>();
        var removed = new ArrayList<Username>();
        for (var user : distinct(disallow.users())) {
            if (room.allowed(user)) {
                results.add(MemberResult.ok(user));
                removed.add(user);
            } else {
                results.add(MemberResult.failed(user, RoomErrors.notAllowedReason(user, disallow.room())));
            }
        }
        return accept(removed.isEmpty() ? List.of() : List.of(new AllowlistRemoved(disallow.room(), removed)),
                new Reply.MemberResultsReply(disallow.room(), MemberAction.REMOVE_ALLOW, results));
    }
}
