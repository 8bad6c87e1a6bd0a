package dev.relations.domain.block;

import dev.relations.domain.block.BlockCommand.BlockUsers;
import dev.relations.domain.block.BlockCommand.BlockerAnswer;
import dev.relations.domain.block.BlockCommand.DropBlocks;
import dev.relations.domain.block.BlockCommand.ExpireBlocks;
import dev.relations.domain.block.BlockCommand.RegisterBlocker;
import dev.relations.domain.block.BlockCommand.RemoveBlockPeer;
import dev.relations.domain.block.BlockCommand.UnblockAnswer;
import dev.relations.domain.block.BlockCommand.UnblockUser;
import dev.relations.domain.block.BlockCommand.UnregisterBlocker;
import dev.relations.domain.block.BlockEvent.BlockerAnswered;
import dev.relations.domain.block.BlockEvent.BlockerRegistered;
import dev.relations.domain.block.BlockEvent.BlockerUnregistered;
import dev.relations.domain.block.BlockEvent.BlocksReleased;
import dev.relations.domain.block.BlockEvent.BlocksExpired;
import dev.relations.domain.block.BlockEvent.BlocksReserved;
import dev.relations.domain.block.BlockEvent.UnblockReason;
import dev.relations.domain.block.BlockEvent.UserUnblocked;
import dev.relations.domain.block.BlockEvent.UsersBlocked;
import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.Gather;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.Reply;
import dev.relations.domain.common.RequestContext;
import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;
import dev.relations.domain.common.Verdict;
import dev.relations.domain.contact.RosterLimits;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * The user blocklist. Invariants: size (unconfirmed edges included) never exceeds
 * {@link RosterLimits#maxBlocked()}; a batch is applied whole or not at all; blocking is
 * independent of friendship (a blocked friend stays a friend).
 */
public final class BlockDecider {
    static final String BLOCK_LIMIT = "user block number exceed limit";
    static final String SELF_BLOCK = "user could not block himself";
    static final String NO_TARGETS = "usernames must be provided";
    /** What a batch counts for a target that did not answer by the deadline. */
    static final BlockBatch.Answer UNANSWERED = BlockBatch.Answer.FAILED;

    private BlockDecider() {
    }

    public static Decision<BlockEvent, BlockCommand> decide(BlockCommand command, RequestContext ctx, Blocklist list,
                                                            RosterLimits limits) {
        return switch (command) {
            case BlockUsers block -> block(block, ctx, list, limits);
            case RegisterBlocker register -> list.owner().isEmpty()
                    ? Decision.continueWith(List.of(), answer(register, Optional.empty()))
                    : Decision.continueWith(
                            list.blockers().contains(register.owner())
                                    ? List.of()
                                    : List.of(new BlockerRegistered(register.target(), register.owner())),
                            answer(register, list.owner()));
            case BlockerAnswer answer -> answered(answer, ctx, list);
            case ExpireBlocks expire -> expire(expire, ctx, list);
            case UnblockUser unblock -> {
                if (list.owner().isEmpty()) {
                    yield Decision.reject(Rejection.userNotFound());
                }
                var block = list.block(unblock.target());
                boolean confirmed = block.filter(Block::confirmed).isPresent();
                // A block still waiting for its batch is not undone here: its batch confirms or drops it.
                boolean inFlight = block.isPresent() && !confirmed;
                List<BlockEvent> events = confirmed
                        ? List.of(new UserUnblocked(unblock.owner(), unblock.target(), UnblockReason.REST))
                        : List.of();
                yield Decision.continueWith(events, new FollowUp<>(unblock.target(),
                        new UnregisterBlocker(unblock.owner(), unblock.target(), true, !inFlight)));
            }
            case UnregisterBlocker unregister -> {
                List<BlockEvent> events = unregister.forget() && list.blockers().contains(unregister.owner())
                        ? List.of(new BlockerUnregistered(unregister.target(), unregister.owner()))
                        : List.of();
                yield unregister.answer()
                        ? Decision.continueWith(events, new FollowUp<>(unregister.owner(),
                                new UnblockAnswer(unregister.owner(), unregister.target(), list.owner())))
                        : Decision.of(events, List.of());
            }
            case UnblockAnswer answer -> answer.targetUser().isEmpty() || list.owner().isEmpty()
                    ? Decision.reject(Rejection.userNotFound())
                    : Decision.accept(List.of(), new Reply.ContactReply(list.owner().get(), answer.targetUser().get()));
            case RemoveBlockPeer peer -> Decision.of(
                    list.block(peer.target()).isPresent()
                            ? List.of(new UserUnblocked(peer.owner(), peer.target(), UnblockReason.USER_DELETED))
                            : List.of(),
                    List.of());
            case DropBlocks drop -> drop(drop, list);
        };
    }

    private static Decision<BlockEvent, BlockCommand> block(BlockUsers block, RequestContext ctx, Blocklist list,
                                                            RosterLimits limits) {
        if (list.owner().isEmpty()) {
            return Decision.reject(Rejection.userNotFound());
        }
        if (block.targets().isEmpty()) {
            return Decision.reject(Rejection.illegalArgument(NO_TARGETS));
        }
        if (block.targets().contains(block.owner())) {
            return Decision.reject(Rejection.illegalArgument(SELF_BLOCK));
        }
        var targets = List.copyOf(new LinkedHashSet<>(block.targets()));
        var pending = targets.stream().filter(t -> list.block(t).isEmpty()).toList();
        if (list.size() + pending.size() > limits.maxBlocked()) {
            return Decision.reject(Rejection.exceedLimit(BLOCK_LIMIT));
        }
        if (pending.isEmpty()) {
            return Decision.accept(List.of(), new Reply.NamesReply(targets));
        }
        return Decision.of(
                List.of(new BlocksReserved(block.owner(), ctx.requestId(), targets, pending, ctx.now())),
                pending.stream()
                        .map(t -> new FollowUp<BlockCommand>(t, new RegisterBlocker(block.owner(), t)))
                        .toList());
    }

    private static Decision<BlockEvent, BlockCommand> answered(BlockerAnswer answer, RequestContext ctx, Blocklist list) {
        var batch = list.batch(ctx.requestId());
        if (batch.isEmpty()) {
            return Decision.none();
        }
        var b = batch.get();
        var target = answer.target();
        boolean exists = answer.targetUser().isPresent();
        var answered = new BlockerAnswered(answer.owner(), b.requestId(), target, exists, answer.failed());
        return switch (b.gather().arrival(target)) {
            case UNEXPECTED -> Decision.none();
            // The batch settled without this target: a target that recorded the blocker forgets it again,
            // unless the owner holds a block on it once more (another request made it since).
            case LATE -> Decision.of(List.of(answered), exists && list.block(target).isEmpty()
                    ? List.of(new FollowUp<>(target, new UnregisterBlocker(answer.owner(), target, false)))
                    : List.of());
            case AWAITED -> {
                var gather = b.gather().answer(target, BlockBatch.Answer.of(exists, answer.failed()));
                var events = new ArrayList<BlockEvent>(List.of(answered));
                yield gather.complete() ? settle(answer.owner(), b.with(gather), events, list) : Decision.of(events, List.of());
            }
        };
    }

    /**
     * The deadline passed with targets still unanswered: they count as failed, so the batch is
     * dropped whole and answered 500, as when a target's step fails. A batch already answered is left alone.
     */
    private static Decision<BlockEvent, BlockCommand> expire(ExpireBlocks expire, RequestContext ctx, Blocklist list) {
        var batch = list.batch(ctx.requestId());
        if (batch.isEmpty() || batch.get().gather().complete()) {
            return Decision.none();
        }
        var b = batch.get();
        var events = new ArrayList<BlockEvent>(List.of(new BlocksExpired(expire.owner(), b.requestId())));
        return settle(expire.owner(), b.with(b.gather().expire(UNANSWERED)), events, list);
    }

    /** Every target answered (or was given up on): all edges are confirmed, or all dropped. */
    private static Decision<BlockEvent, BlockCommand> settle(Username owner, BlockBatch b, List<BlockEvent> events,
                                                             Blocklist list) {
        var gather = b.gather();
        var missing = gather.answered(BlockBatch.Answer.MISSING::equals);
        var failed = gather.answered(BlockBatch.Answer.FAILED::equals);
        if (list.owner().isEmpty() || !missing.isEmpty() || !failed.isEmpty()) {
            events.add(new BlocksReleased(owner, b.requestId(), gather.targets()));
            // The targets that did (or may have) recorded this blocker forget it again; forgetting is idempotent.
            var undo = gather.targets().stream()
                    .filter(t -> !missing.contains(t))
                    .map(t -> new FollowUp<BlockCommand>(t, new UnregisterBlocker(owner, t, false)))
                    .toList();
            var rejection = failed.isEmpty() ? Rejection.userNotFound() : Rejection.internalError();
            return new Decision<>(events, undo, Optional.of(Verdict.rejected(rejection)));
        }
        // A target deleted while the batch waited took its reserved edge along: the batch no longer blocks it.
        var stillReserved = gather.targets().stream()
                .filter(t -> list.block(t).filter(block -> reservedBy(block, b.requestId())).isPresent())
                .toList();
        events.add(new UsersBlocked(owner, b.requestId(), b.named(), stillReserved));
        return Decision.accept(events, new Reply.NamesReply(b.named()));
    }

    private static Decision<BlockEvent, BlockCommand> drop(DropBlocks drop, Blocklist list) {
        var events = new ArrayList<BlockEvent>();
        var followUps = new ArrayList<FollowUp<BlockCommand>>();
        for (var block : list.blocks()) {
            events.add(new UserUnblocked(drop.owner(), block.target(), UnblockReason.OWNER_DELETED));
            followUps.add(new FollowUp<>(block.target(), new UnregisterBlocker(drop.owner(), block.target(), false)));
        }
        for (var blocker : list.blockers()) {
            events.add(new BlockerUnregistered(drop.owner(), blocker));
            followUps.add(new FollowUp<>(blocker, new RemoveBlockPeer(blocker, drop.owner())));
        }
        return Decision.of(events, followUps);
    }

    /**
     * What the engine sends when a block step failed and changed nothing: a target's step (or the
     * owner's handling of its answer) is answered to the owner as failed, so the whole batch is
     * dropped, every target forgets the blocker, and the request is answered 500. Every other
     * command holds nothing for another step.
     */
    public static List<FollowUp<BlockCommand>> compensate(BlockCommand failed) {
        return switch (failed) {
            case RegisterBlocker register -> List.of(failedAnswer(register.owner(), register.target()));
            case BlockerAnswer answer -> answer.failed() ? List.of() : List.of(failedAnswer(answer.owner(), answer.target()));
            case BlockUsers ignored -> List.of();
            case ExpireBlocks ignored -> List.of();
            case UnblockUser ignored -> List.of();
            case UnregisterBlocker ignored -> List.of();
            case UnblockAnswer ignored -> List.of();
            case RemoveBlockPeer ignored -> List.of();
            case DropBlocks ignored -> List.of();
        };
    }

    /** What settles a first step still unanswered at its deadline, sent to this aggregate: a block batch settles. */
    public static Optional<BlockCommand> atDeadline(BlockCommand first) {
        return switch (first) {
            case BlockUsers block -> Optional.of(new ExpireBlocks(block.owner()));
            case RegisterBlocker ignored -> Optional.empty();
            case BlockerAnswer ignored -> Optional.empty();
            case ExpireBlocks ignored -> Optional.empty();
            case UnblockUser ignored -> Optional.empty();
            case UnregisterBlocker ignored -> Optional.empty();
            case UnblockAnswer ignored -> Optional.empty();
            case RemoveBlockPeer ignored -> Optional.empty();
            case DropBlocks ignored -> Optional.empty();
        };
    }

    private static FollowUp<BlockCommand> failedAnswer(Username owner, Username target) {
        return new FollowUp<>(owner, new BlockerAnswer(owner, target, Optional.empty(), true));
    }

    private static FollowUp<BlockCommand> answer(RegisterBlocker register, Optional<User> self) {
        return new FollowUp<>(register.owner(), new BlockerAnswer(register.owner(), register.target(), self));
    }

    /** Folds one event into the blocklist; each touches O(1) entries per named user. */
    public static void evolve(Blocklist list, BlockEvent event) {
        switch (event) {
            case BlocksReserved reserved -> {
                for (var target : reserved.pending()) {
                    list.put(new Block(target, false, 0L, reserved.at(), Optional.of(reserved.requestId())));
                }
                list.putBatch(new BlockBatch(Gather.start(reserved.requestId(), reserved.pending(), Map.of(), List.of()),
                        reserved.targets()));
            }
            case BlockerAnswered answered -> list.batch(answered.requestId()).ifPresent(b -> b.gather()
                    .afterAnswer(answered.target(), BlockBatch.Answer.of(answered.exists(), answered.failed()))
                    .ifPresentOrElse(g -> list.putBatch(b.with(g)), () -> list.removeBatch(b.requestId())));
            case BlocksExpired expired -> list.batch(expired.requestId())
                    .ifPresent(b -> list.putBatch(b.with(b.gather().expire(UNANSWERED))));
            case BlocksReleased released -> {
                for (var target : released.pending()) {
                    list.block(target).filter(b -> reservedBy(b, released.requestId())).ifPresent(b -> list.remove(target));
                }
                removeUnlessExpired(list, released.requestId());
            }
            case UsersBlocked blocked -> {
                for (var target : blocked.pending()) {
                    var existing = list.block(target);
                    if (existing.isPresent() && reservedBy(existing.get(), blocked.requestId())) {
                        list.put(new Block(target, true, list.nextSeq(), existing.get().created(), Optional.empty()));
                    }
                }
                removeUnlessExpired(list, blocked.requestId());
            }
            case UserUnblocked unblocked -> list.remove(unblocked.target());
            case BlockerRegistered registered -> list.putBlocker(registered.blocker());
            case BlockerUnregistered unregistered -> list.removeBlocker(unregistered.blocker());
        }
    }

    /** A batch settled at its deadline is kept until its late answers are in, so that they change nothing. */
    private static void removeUnlessExpired(Blocklist list, String requestId) {
        list.batch(requestId).filter(b -> !b.gather().expired()).ifPresent(b -> list.removeBatch(requestId));
    }

    /** A batch settles only the edges it reserved: the target may have been deleted and blocked anew by another batch since. */
    private static boolean reservedBy(Block block, String requestId) {
        return !block.confirmed() && block.batch().filter(requestId::equals).isPresent();
    }
}
