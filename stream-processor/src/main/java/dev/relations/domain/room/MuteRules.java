package dev.relations.domain.room;

import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.Reply;
import dev.relations.domain.common.Reply.MemberResult;
import dev.relations.domain.common.Reply.MuteResult;
import dev.relations.domain.common.RequestContext;
import dev.relations.domain.common.Username;
import dev.relations.domain.room.RoomCommand.ExpireMutes;
import dev.relations.domain.room.RoomCommand.MuteMembers;
import dev.relations.domain.room.RoomCommand.SetMuteAll;
import dev.relations.domain.room.RoomCommand.UnmuteMembers;
import dev.relations.domain.room.RoomEvent.MuteAllSet;
import dev.relations.domain.room.RoomEvent.MutesAdded;
import dev.relations.domain.room.RoomEvent.MutesRemoved;
import dev.relations.domain.room.RoomEvent.UnmuteReason;
import dev.relations.domain.seat.SeatCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.relations.domain.room.RoomDecisions.accept;
import static dev.relations.domain.room.RoomDecisions.confirmedMember;
import static dev.relations.domain.room.RoomDecisions.distinct;
import static dev.relations.domain.room.RoomDecisions.invalidBatch;
import static dev.relations.domain.room.RoomDecisions.noteEntries;
import static dev.relations.domain.room.RoomDecisions.reject;

/**
 * The timed mute list and the room-wide mute-all flag, which are independent: mute-all
 * never touches the list. A mute outlives leaving and rejoining; the owner is never muted.
 * Time comes from the request (or the sweep's command), never from a clock.
 */
final class MuteRules {
    private MuteRules() {
    }

    /**
     * All or nothing: the owner or any non-member fails the whole call. A repeat replaces the
     * expiry; a duration of 0 lifts the named users' mutes (SPEC G-21).
     */
    static Decision<RoomEvent, SeatCommand> mute(MuteMembers mute, RequestContext ctx, Room room, RoomLimits limits) {
        var invalid = invalidBatch(mute.users(), limits.muteBatchMax(), RoomErrors.muteBatchTooLarge(limits));
        if (invalid.isPresent()) {
            return reject(invalid.get());
        }
        if (mute.durationMs() < Mute.PERMANENT) {
            return reject(Rejection.invalidParameter(RoomErrors.BAD_DURATION));
        }
        var info = room.info();
        if (info.isEmpty()) {
            return reject(RoomErrors.roomNotFound(mute.room()));
        }
        var users = distinct(mute.users());
        if (users.contains(info.get().owner())) {
            return reject(RoomErrors.ownerOp());
        }
        var strangers = users.stream().filter(u -> confirmedMember(room, u).isEmpty()).toList();
        if (!strangers.isEmpty()) {
            return reject(RoomErrors.notMembers(strangers, limits));
        }
        if (mute.durationMs() == 0) {
            var muted = users.stream().filter(u -> room.mute(u).isPresent()).toList();
            return accept(muted.isEmpty() ? List.of() : List.of(new MutesRemoved(mute.room(), muted, UnmuteReason.API)),
                    new Reply.MuteReply(users.stream().map(u -> new MuteResult(u, true, ctx.now())).toList()));
        }
        long expireAt = mute.durationMs() == Mute.PERMANENT ? Mute.PERMANENT : expiry(ctx.now(), mute.durationMs());
        return accept(List.of(new MutesAdded(mute.room(), users, expireAt)),
                users.stream().map(u -> noteEntries(mute.room(), u)).toList(),
                new Reply.MuteReply(users.stream().map(u -> new MuteResult(u, true, limits.answeredExpiry(expireAt))).toList()));
    }

    private static long expiry(long now, long duration) {
        return duration > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + duration;
    }

    /** Answered per user: {@code result} is false for a user with no mute in force. */
    static Decision<RoomEvent, SeatCommand> unmute(UnmuteMembers unmute, RequestContext ctx, Room room, RoomLimits limits) {
        var invalid = invalidBatch(unmute.users(), limits.muteBatchMax(), RoomErrors.unmuteBatchTooLarge(limits));
        if (invalid.isPresent()) {
            return reject(invalid.get());
        }
        if (room.info().isEmpty()) {
            return reject(RoomErrors.roomNotFound(unmute.room()));
        }
        var results = new ArrayList<MemberResult>();
        var lifted = new ArrayList<Username>();
        for (var user : distinct(unmute.users())) {
            boolean muted = room.mute(user).filter(m -> m.activeAt(ctx.now())).isPresent();
            results.add(new MemberResult(user, muted, Optional.empty()));
            if (muted) {
                lifted.add(user);
            }
        }
        return accept(lifted.isEmpty() ? List.of() : List.of(new MutesRemoved(unmute.room(), lifted, UnmuteReason.API)),
                new Reply.UnmuteReply(results));
    }

    /** The sweep: no request waits for it, so there is no verdict. */
    static Decision<RoomEvent, SeatCommand> expire(ExpireMutes expire, Room room) {
        if (room.info().isEmpty()) {
            return Decision.none();
        }
        var due = room.mutesExpiredBy(expire.now()).stream().map(Mute::user).toList();
        return Decision.of(due.isEmpty() ? List.of() : List.of(new MutesRemoved(expire.room(), due, UnmuteReason.EXPIRED)),
                List.of());
    }

    /** Idempotent: setting the flag it already has succeeds and changes nothing. */
    static Decision<RoomEvent, SeatCommand> muteAll(SetMuteAll set, Room room) {
        var info = room.info();
        if (info.isEmpty()) {
            return reject(RoomErrors.roomNotFound(set.room()));
        }
        List<RoomEvent> events = info.get().muteAll() == set.enabled()
                ? List.of()
                : List.of(new MuteAllSet(set.room(), set.enabled()));
        return accept(events, new Reply.MuteAllReply(set.enabled()));
    }
}
