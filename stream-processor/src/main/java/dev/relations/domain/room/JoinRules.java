package dev.relations.domain.room;

import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.Gather;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.Reply;
import dev.relations.domain.common.RequestContext;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Username;
import dev.relations.domain.room.RoomCommand.AddMember;
import dev.relations.domain.room.RoomCommand.AddMembers;
import dev.relations.domain.room.RoomCommand.CreateRoom;
import dev.relations.domain.room.RoomCommand.ExpireJoins;
import dev.relations.domain.room.RoomCommand.SeatGranted;
import dev.relations.domain.room.RoomCommand.SeatRefused;
import dev.relations.domain.room.RoomEvent.BatchExpired;
import dev.relations.domain.room.RoomEvent.BatchFinished;
import dev.relations.domain.room.RoomEvent.BatchQueued;
import dev.relations.domain.room.RoomEvent.BatchStarted;
import dev.relations.domain.room.RoomEvent.JoinReason;
import dev.relations.domain.room.RoomEvent.MembersJoined;
import dev.relations.domain.room.RoomEvent.MembersReleased;
import dev.relations.domain.room.RoomEvent.MembersReserved;
import dev.relations.domain.room.RoomEvent.RoomCreated;
import dev.relations.domain.room.RoomEvent.SeatAnswered;
import dev.relations.domain.seat.SeatCommand;
import dev.relations.domain.seat.SeatRefusal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.relations.domain.room.RoomDecisions.accept;
import static dev.relations.domain.room.RoomDecisions.distinct;
import static dev.relations.domain.room.RoomDecisions.invalidBatch;
import static dev.relations.domain.room.RoomDecisions.reject;
import static dev.relations.domain.room.RoomDecisions.releaseSeat;
import static dev.relations.domain.room.RoomDecisions.reservedFor;
import static dev.relations.domain.room.RoomDecisions.takeSeat;

/**
 * Joins: creation, member adds and the users' answers. A join reserves a pending place
 * (so {@code maxusers} holds under concurrency) and asks the user's seats, which enforce
 * existence and the joined-rooms limit; the answer confirms the place or gives it back.
 * A creation is all or nothing: it opens only when the owner and every member got a seat.
 */
final class JoinRules {
    private JoinRules() {
    }

    static Decision<RoomEvent, SeatCommand> create(CreateRoom create, RequestContext ctx, Room room, RoomLimits limits) {
        var invalid = InfoRules.invalidFields(Optional.of(create.name()), Optional.of(create.description()),
                create.maxUsers(), limits);
        if (invalid.isPresent()) {
            return reject(invalid.get());
        }
        if (create.custom().length() > limits.maxCustomLength()) {
            return reject(RoomErrors.customTooLong(limits));
        }
        // Pending members without info: a creation of this id is in flight.
        if (room.info().isPresent() || room.memberCount() > 0) {
            return reject(RoomErrors.roomExists(create.room()));
        }
        int maxUsers = create.maxUsers().orElse(limits.defaultMaxUsers());
        var members = distinct(create.members()).stream().filter(m -> !m.equals(create.owner())).toList();
        if (members.size() + 1 > maxUsers) {
            return reject(RoomErrors.full());
        }
        var info = new RoomInfo(create.room(), create.name(), create.description(), maxUsers, create.owner(),
                create.custom(), ctx.now(), false);
        var asked = new ArrayList<Username>();
        asked.add(create.owner());
        asked.addAll(members);
        return Decision.of(
                List.of(new MembersReserved(create.room(), ctx.requestId(), asked, ctx.now()),
                        new BatchStarted(create.room(), ctx.requestId(), asked, Optional.of(info))),
                asked.stream().map(u -> takeSeat(create.room(), u)).toList());
    }

    static Decision<RoomEvent, SeatCommand> add(AddMember add, RequestContext ctx, Room room, RoomLimits limits) {
        var info = room.info();
        if (info.isEmpty()) {
            return reject(RoomErrors.roomNotFound(add.room()));
        }
        // A pending member is being added by another request: already on its way in.
        if (room.member(add.user()).isPresent()) {
            return reject(RoomErrors.alreadyMember(add.user(), add.room(), limits));
        }
        if (room.blocked(add.user())) {
            return reject(RoomErrors.blockedFromRoom(add.user(), add.room()));
        }
        if (room.memberCount() >= info.get().maxUsers()) {
            return reject(RoomErrors.full());
        }
        return Decision.continueWith(
                List.of(new MembersReserved(add.room(), ctx.requestId(), List.of(add.user()), ctx.now())),
                takeSeat(add.room(), add.user()));
    }

    /**
     * Only an unknown room or an oversize batch fails the call (SPEC D.4). Members and blocked users
     * are skipped, and so is a name that cannot be a username (nobody has it); users whose seat is
     * refused (unknown, or in too many rooms) are left out of {@code newmembers}. Users beyond the
     * room's free places wait in the batch's queue: each refusal gives its place to the next of
     * them, and those still queued when every asked user has answered are left out too.
     */
    static Decision<RoomEvent, SeatCommand> addAll(AddMembers add, RequestContext ctx, Room room, RoomLimits limits) {
        var invalid = invalidBatch(add.users(), limits.batchAddMax(), RoomErrors.addBatchTooLarge(limits));
        if (invalid.isPresent()) {
            return reject(invalid.get());
        }
        var info = room.info();
        if (info.isEmpty()) {
            return reject(RoomErrors.roomNotFound(add.room()));
        }
        var candidates = distinct(add.users()).stream()
                .filter(u -> Username.isLegal(u.value()) && mayJoin(room, u))
                .toList();
        int free = Math.max(0, info.get().maxUsers() - room.memberCount());
        if (candidates.isEmpty() || free == 0) {
            return accept(List.of(), new Reply.NewMembersReply(add.room(), List.of()));
        }
        var asked = candidates.subList(0, Math.min(free, candidates.size()));
        var queued = candidates.subList(asked.size(), candidates.size());
        var events = new ArrayList<RoomEvent>(List.of(new MembersReserved(add.room(), ctx.requestId(), asked, ctx.now()),
                new BatchStarted(add.room(), ctx.requestId(), asked, Optional.empty())));
        if (!queued.isEmpty()) {
            events.add(new BatchQueued(add.room(), ctx.requestId(), queued, Optional.empty()));
        }
        return Decision.of(events, asked.stream().map(u -> takeSeat(add.room(), u)).toList());
    }

    /** Not in the room (pending places included) and not on its blocklist. */
    private static boolean mayJoin(Room room, Username user) {
        return room.member(user).isEmpty() && !room.blocked(user);
    }

    static Decision<RoomEvent, SeatCommand> granted(SeatGranted granted, RequestContext ctx, Room room, RoomLimits limits) {
        var batch = room.batch(ctx.requestId());
        if (batch.isPresent()) {
            return answerBatch(granted.room(), batch.get(), granted.user(), Optional.empty(), ctx, room);
        }
        if (reservedFor(room, granted.user(), ctx.requestId())) {
            return accept(List.of(new MembersJoined(granted.room(), List.of(granted.user()), JoinReason.DIRECT, ctx.now())),
                    new Reply.MemberReply(granted.room(), Reply.MemberAction.ADD_MEMBER, granted.user()));
        }
        // The reservation is gone (the room was deleted meanwhile): the seat goes back, unless the user is in anyway.
        if (room.member(granted.user()).isPresent()) {
            return reject(RoomErrors.alreadyMember(granted.user(), granted.room(), limits));
        }
        return reject(List.of(), List.of(releaseSeat(granted.room(), granted.user())),
                RoomErrors.roomNotFound(granted.room()));
    }

    static Decision<RoomEvent, SeatCommand> refused(SeatRefused refused, RequestContext ctx, Room room) {
        var batch = room.batch(ctx.requestId());
        if (batch.isPresent() && batch.get().gather().arrival(refused.user()) == Gather.Arrival.LATE) {
            return lateAnswer(refused.room(), batch.get(), refused.user(), Optional.of(refused.reason()), room);
        }
        if (batch.isPresent()) {
            var answered = answerBatch(refused.room(), batch.get(), refused.user(), Optional.of(refused.reason()), ctx, room);
            var followUps = new ArrayList<>(answered.followUps());
            followUps.addAll(seatBackAfterFailure(refused));
            return new Decision<>(answered.events(), followUps, answered.verdict());
        }
        List<RoomEvent> events = reservedFor(room, refused.user(), ctx.requestId())
                ? List.of(new MembersReleased(refused.room(), List.of(refused.user())))
                : List.of();
        var rejection = switch (refused.reason()) {
            case NOT_FOUND -> RoomErrors.userNotFound(refused.user());
            case TOO_MANY -> RoomErrors.joinedTooMany(refused.user());
            case FAILED -> Rejection.internalError();
        };
        return reject(events, seatBackAfterFailure(refused), rejection);
    }

    /**
     * A failure may have come after the user's side took its seat (the room's confirm failed):
     * the seat goes back too. Releasing a seat that was never taken changes nothing.
     */
    private static List<FollowUp<SeatCommand>> seatBackAfterFailure(SeatRefused refused) {
        return refused.reason() == SeatRefusal.FAILED ? List.of(releaseSeat(refused.room(), refused.user())) : List.of();
    }

    private static Decision<RoomEvent, SeatCommand> answerBatch(RoomId roomId, RoomBatch batch, Username user,
                                                                Optional<SeatRefusal> refusal, RequestContext ctx,
                                                                Room room) {
        switch (batch.gather().arrival(user)) {
            case UNEXPECTED -> {
                return Decision.none();
            }
            case LATE -> {
                return lateAnswer(roomId, batch, user, refusal, room);
            }
            case AWAITED -> {
            }
        }
        var events = new ArrayList<RoomEvent>();
        boolean released = refusal.isPresent() && reservedFor(room, user, batch.requestId());
        if (released) {
            events.add(new MembersReleased(roomId, List.of(user)));
        }
        events.add(new SeatAnswered(roomId, batch.requestId(), user, refusal));
        var gather = batch.gather().answer(user, refusal);
        var next = released ? nextQueued(batch, room) : Optional.<Username>empty();
        next.ifPresent(u -> events.add(new MembersReserved(roomId, batch.requestId(), List.of(u), ctx.now())));
        if (released && !batch.gather().queued().isEmpty()) {
            var queue = remainingQueue(batch, next);
            events.add(new BatchQueued(roomId, batch.requestId(), queue, next));
            gather = gather.requeue(next, queue);
        }
        if (!gather.complete()) {
            return Decision.of(events, next.map(u -> List.of(takeSeat(roomId, u))).orElse(List.of()));
        }
        return settle(roomId, batch.with(gather), events, List.of(), ctx, room);
    }

    /**
     * The deadline passed with users still unanswered: each counts as a failed seat, so its pending
     * place and its seat (which its side may have taken) are given back; a batch add is answered
     * with the users who joined, a creation fails whole. A batch already answered is left alone.
     */
    static Decision<RoomEvent, SeatCommand> expire(ExpireJoins expire, RequestContext ctx, Room room) {
        var batch = room.batch(ctx.requestId());
        if (batch.isEmpty() || batch.get().gather().complete()) {
            return Decision.none();
        }
        var b = batch.get();
        var held = b.gather().awaiting().stream().filter(u -> reservedFor(room, u, b.requestId())).toList();
        var events = new ArrayList<RoomEvent>();
        if (!held.isEmpty()) {
            events.add(new MembersReleased(expire.room(), held));
        }
        events.add(new BatchExpired(expire.room(), b.requestId()));
        return settle(expire.room(), b.with(b.gather().expire(UNANSWERED)), events,
                held.stream().map(u -> releaseSeat(expire.room(), u)).toList(), ctx, room);
    }

    /** What a batch counts for a user who did not answer by the deadline. */
    static final Optional<SeatRefusal> UNANSWERED = Optional.of(SeatRefusal.FAILED);

    /**
     * A user's answer to a batch that settled without it at the deadline changes nothing in the
     * room and answers nothing: a seat the user's side took (or may have taken) goes back, unless the
     * user is in the room again (another request put them there since).
     */
    private static Decision<RoomEvent, SeatCommand> lateAnswer(RoomId roomId, RoomBatch batch, Username user,
                                                               Optional<SeatRefusal> refusal, Room room) {
        boolean seatMayBeTaken = refusal.isEmpty() || refusal.get() == SeatRefusal.FAILED;
        return Decision.of(List.of(new SeatAnswered(roomId, batch.requestId(), user, refusal)),
                seatMayBeTaken && room.member(user).isEmpty() ? List.of(releaseSeat(roomId, user)) : List.of());
    }

    private static Decision<RoomEvent, SeatCommand> settle(RoomId roomId, RoomBatch batch, List<RoomEvent> events,
                                                           List<FollowUp<SeatCommand>> releases, RequestContext ctx,
                                                           Room room) {
        var settled = batch.creation().isPresent()
                ? finishCreation(batch, batch.creation().get(), events, room)
                : finishAdd(roomId, batch, events, ctx, room);
        if (releases.isEmpty()) {
            return settled;
        }
        var followUps = new ArrayList<>(settled.followUps());
        followUps.addAll(releases);
        return new Decision<>(settled.events(), followUps, settled.verdict());
    }

    /**
     * The first queued user who may still join, for the place a refusal just gave back (the room's
     * count still holds that place until the release is folded in, so one place is free now).
     */
    private static Optional<Username> nextQueued(RoomBatch batch, Room room) {
        if (room.info().isEmpty()) {
            return Optional.empty();
        }
        return batch.gather().queued().stream().filter(u -> mayJoin(room, u)).findFirst();
    }

    /** The queue after {@code next} is taken off it; users who may no longer join leave it on the way. */
    private static List<Username> remainingQueue(RoomBatch batch, Optional<Username> next) {
        if (next.isEmpty()) {
            return List.of();
        }
        var queue = batch.gather().queued();
        return queue.subList(queue.indexOf(next.get()) + 1, queue.size());
    }

    private static Decision<RoomEvent, SeatCommand> finishCreation(RoomBatch batch, RoomInfo info, List<RoomEvent> events,
                                                                   Room room) {
        var gather = batch.gather();
        var granted = gather.answered(Optional::isEmpty);
        var refused = gather.answered(Optional::isPresent);
        if (refused.isEmpty()) {
            events.add(new RoomCreated(info.id(), info, gather.targets()));
            var members = gather.targets().subList(1, gather.targets().size());
            if (!members.isEmpty()) {
                events.add(new MembersJoined(info.id(), members, JoinReason.DIRECT, info.created()));
            }
            events.add(new BatchFinished(info.id(), batch.requestId()));
            return accept(events, new Reply.RoomCreatedReply(info.id()));
        }
        var stillHeld = granted.stream().filter(u -> reservedFor(room, u, batch.requestId())).toList();
        if (!stillHeld.isEmpty()) {
            events.add(new MembersReleased(info.id(), stillHeld));
        }
        events.add(new BatchFinished(info.id(), batch.requestId()));
        return reject(events, granted.stream().map(u -> releaseSeat(info.id(), u)).toList(),
                creationRefusal(info.owner(), refused, gather));
    }

    /** The owner's refusal wins; otherwise the first refused member in request order. */
    private static Rejection creationRefusal(Username owner, List<Username> refused, Gather<Optional<SeatRefusal>> gather) {
        var culprit = refused.contains(owner) ? owner : refused.getFirst();
        return switch (gather.answerOf(culprit).flatMap(r -> r).orElseThrow()) {
            case NOT_FOUND -> RoomErrors.userNotFound(culprit);
            case TOO_MANY -> RoomErrors.createJoinedTooMany(culprit);
            case FAILED -> Rejection.internalError();
        };
    }

    private static Decision<RoomEvent, SeatCommand> finishAdd(RoomId roomId, RoomBatch batch, List<RoomEvent> events,
                                                              RequestContext ctx, Room room) {
        if (room.info().isEmpty()) {
            // Deleted meanwhile: the deletion already released every pending place and seat.
            events.add(new BatchFinished(roomId, batch.requestId()));
            return reject(events, List.of(), RoomErrors.roomNotFound(roomId));
        }
        var joined = batch.gather().answered(Optional::isEmpty).stream()
                .filter(u -> reservedFor(room, u, batch.requestId()))
                .toList();
        if (!joined.isEmpty()) {
            events.add(new MembersJoined(roomId, joined, JoinReason.DIRECT, ctx.now()));
        }
        events.add(new BatchFinished(roomId, batch.requestId()));
        return accept(events, new Reply.NewMembersReply(roomId, joined));
    }
}
