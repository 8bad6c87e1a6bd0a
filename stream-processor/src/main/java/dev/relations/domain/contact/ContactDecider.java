package dev.relations.domain.contact;

import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.Gather;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.Reply;
import dev.relations.domain.common.RequestContext;
import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;
import dev.relations.domain.common.Verdict;
import dev.relations.domain.contact.ContactCommand.AddContact;
import dev.relations.domain.contact.ContactCommand.CompleteRemoveContact;
import dev.relations.domain.contact.ContactCommand.ConfirmContact;
import dev.relations.domain.contact.ContactCommand.DropRoster;
import dev.relations.domain.contact.ContactCommand.ExpireImport;
import dev.relations.domain.contact.ContactCommand.ReleaseContact;
import dev.relations.domain.contact.ContactCommand.ReleaseReason;
import dev.relations.domain.contact.ContactCommand.RemoveContact;
import dev.relations.domain.contact.ContactCommand.RemoveContactPeer;
import dev.relations.domain.contact.ContactCommand.RemoveReason;
import dev.relations.domain.contact.ContactCommand.ReserveContactPeer;
import dev.relations.domain.contact.ContactCommand.ImportContacts;
import dev.relations.domain.contact.ContactCommand.ProbeAnswer;
import dev.relations.domain.contact.ContactCommand.ProbePurpose;
import dev.relations.domain.contact.ContactCommand.ProbeUser;
import dev.relations.domain.contact.ContactCommand.SetRemark;
import dev.relations.domain.contact.ContactEvent.ContactAdded;
import dev.relations.domain.contact.ContactEvent.ContactRemarkSet;
import dev.relations.domain.contact.ContactEvent.ImportAnswered;
import dev.relations.domain.contact.ContactEvent.ImportAskedNext;
import dev.relations.domain.contact.ContactEvent.ImportExpired;
import dev.relations.domain.contact.ContactEvent.ImportFinished;
import dev.relations.domain.contact.ContactEvent.ImportStarted;
import dev.relations.domain.contact.ContactEvent.ContactRemoved;
import dev.relations.domain.contact.ContactEvent.ContactReserved;
import dev.relations.domain.contact.ContactEvent.ReservationReleased;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mutual friendship across two rosters. Invariant: a roster's size (reservations
 * included) never exceeds {@link RosterLimits#maxContacts()}, because a slot is reserved
 * on the owner's partition before the friend's partition is asked, and the friend adds
 * only when it has room itself; a refusal releases exactly the reservation it answers.
 */
public final class ContactDecider {
    static final String CONTACT_LIMIT = "user contact number exceed limit";
    static final String SELF_CONTACT = "owner_username and friend_username can not be the same";
    static final String NOT_FRIENDS = "updateRemark they are not friends, please add as a friend first.";
    static final String INVITER_FULL = "Inviter's contact max count.";
    static final String IMPORT_SOURCE = "import";
    /** What an import answers for a target that did not answer by the deadline. */
    static final ImportBucket UNANSWERED = ImportBucket.UNKNOWN;

    private ContactDecider() {
    }

    public static Decision<ContactEvent, ContactCommand> decide(ContactCommand command, RequestContext ctx,
                                                                Roster roster, RosterLimits limits) {
        return switch (command) {
            case AddContact add -> add(add, ctx, roster, limits);
            case ReserveContactPeer peer -> reservePeer(peer, ctx, roster, limits);
            case ConfirmContact confirm -> confirm(confirm, ctx, roster, limits);
            case ReleaseContact release -> release(release, ctx, roster, limits);
            case RemoveContact remove -> roster.owner().isEmpty()
                    ? Decision.reject(Rejection.userNotFound())
                    : Decision.continueWith(List.of(), new FollowUp<>(remove.friend(),
                            new RemoveContactPeer(remove.owner(), remove.friend(), RemoveReason.REST)));
            case RemoveContactPeer peer -> removePeer(peer, roster);
            case CompleteRemoveContact complete -> completeRemove(complete, roster);
            case SetRemark remark -> {
                if (roster.owner().isEmpty()) {
                    yield Decision.reject(Rejection.userNotFound());
                }
                if (roster.contact(remark.friend()).filter(Contact::confirmed).isPresent()) {
                    yield Decision.accept(List.of(new ContactRemarkSet(remark.owner(), remark.friend(), remark.remark())),
                            new Reply.Done());
                }
                // Not friends: 400, unless the friend does not exist at all (404), which only its aggregate knows.
                yield Decision.continueWith(List.of(), new FollowUp<>(remark.friend(),
                        new ProbeUser(remark.owner(), remark.friend(), ProbePurpose.REMARK)));
            }
            case ProbeUser probe -> Decision.continueWith(List.of(), new FollowUp<>(probe.asker(),
                    new ProbeAnswer(probe.asker(), probe.target(), probe.purpose(), roster.owner().isPresent())));
            case ProbeAnswer answer -> switch (answer.purpose()) {
                case REMARK -> Decision.reject(answer.exists()
                        ? Rejection.illegalArgument(NOT_FRIENDS)
                        : Rejection.userNotFound());
            };
            case ImportContacts importing -> importContacts(importing, ctx, roster, limits);
            case ExpireImport expire -> expireImport(expire, ctx, roster);
            case DropRoster drop -> Decision.of(
                    roster.contacts().stream()
                            .<ContactEvent>map(c -> new ContactRemoved(drop.owner(), c.friend(), RemoveReason.OWNER_DELETED))
                            .toList(),
                    roster.contacts().stream()
                            .map(c -> new FollowUp<ContactCommand>(c.friend(),
                                    new RemoveContactPeer(drop.owner(), c.friend(), RemoveReason.USER_DELETED)))
                            .toList());
        };
    }

    private static Decision<ContactEvent, ContactCommand> add(AddContact add, RequestContext ctx, Roster roster,
                                                              RosterLimits limits) {
        if (roster.owner().isEmpty()) {
            return Decision.reject(Rejection.userNotFound());
        }
        if (add.owner().equals(add.friend())) {
            return Decision.reject(Rejection.illegalArgument(SELF_CONTACT));
        }
        var ask = new FollowUp<ContactCommand>(add.friend(),
                new ReserveContactPeer(add.owner(), add.friend(), add.source(), add.notice()));
        if (roster.contact(add.friend()).isPresent()) {
            // Already friends (or an add in flight): the friend's side still answers, with its entity.
            return Decision.continueWith(List.of(), ask);
        }
        if (roster.size() >= limits.maxContacts()) {
            return Decision.reject(Rejection.exceedLimit(CONTACT_LIMIT));
        }
        return Decision.continueWith(List.of(new ContactReserved(add.owner(), add.friend(), ctx.requestId(), ctx.now())), ask);
    }

    private static Decision<ContactEvent, ContactCommand> reservePeer(ReserveContactPeer peer, RequestContext ctx,
                                                                      Roster roster, RosterLimits limits) {
        var self = roster.owner();
        if (self.isEmpty()) {
            return refuse(peer, ReleaseReason.NOT_FOUND);
        }
        var answer = new FollowUp<ContactCommand>(peer.owner(), new ConfirmContact(peer.owner(), peer.friend(), self.get(), peer.source(), peer.notice()));
        var existing = roster.contact(peer.owner());
        if (existing.isPresent()) {
            return existing.get().confirmed()
                    ? Decision.continueWith(List.of(), answer)
                    // Both sides were adding each other at once: the friend's own reservation is the slot.
                    : Decision.continueWith(List.of(added(peer.friend(), peer.owner(), peer.source(), peer.notice(), ctx, peer.owner())), answer);
        }
        if (roster.size() >= limits.maxContacts()) {
            return refuse(peer, ReleaseReason.FULL);
        }
        return Decision.continueWith(List.of(added(peer.friend(), peer.owner(), peer.source(), peer.notice(), ctx, peer.owner())), answer);
    }

    private static Decision<ContactEvent, ContactCommand> refuse(ReserveContactPeer peer, ReleaseReason reason) {
        return Decision.continueWith(List.of(),
                new FollowUp<>(peer.owner(), new ReleaseContact(peer.owner(), peer.friend(), reason)));
    }

    private static Decision<ContactEvent, ContactCommand> confirm(ConfirmContact confirm, RequestContext ctx, Roster roster,
                                                                  RosterLimits limits) {
        var late = lateImportAnswer(confirm.owner(), confirm.friend(), true, ctx, roster);
        if (late.isPresent()) {
            return late.get();
        }
        var self = roster.owner();
        var edge = roster.contact(confirm.friend());
        if (self.isEmpty()) {
            // The owner was deleted while the friend was adding: undo the friend's side.
            return new Decision<>(List.of(),
                    List.of(new FollowUp<>(confirm.friend(),
                            new RemoveContactPeer(confirm.owner(), confirm.friend(), RemoveReason.USER_DELETED))),
                    Optional.of(Verdict.rejected(Rejection.userNotFound())));
        }
        if (edge.isEmpty()) {
            // The slot this add relied on was released meanwhile (a sibling add of the same pair was refused):
            // take a slot now if there is one, else roll the friend's side back.
            if (roster.size() >= limits.maxContacts()) {
                var rollback = new FollowUp<ContactCommand>(confirm.friend(),
                        new RemoveContactPeer(confirm.owner(), confirm.friend(), RemoveReason.ROLLBACK, confirm.notice()));
                var importing = roster.importing(ctx.requestId());
                if (importing.isPresent()) {
                    // An import answers this target in its buckets, not the whole request with an error.
                    var answered = answerImport(importing.get(), confirm.owner(), confirm.friend(), ImportBucket.MAX_LIMIT,
                            List.of(), ctx, roster, limits);
                    var followUps = new ArrayList<>(answered.followUps());
                    followUps.add(rollback);
                    return new Decision<>(answered.events(), followUps, answered.verdict());
                }
                return new Decision<>(List.of(), List.of(rollback),
                        Optional.of(Verdict.rejected(Rejection.exceedLimit(CONTACT_LIMIT))));
            }
            return confirmed(confirm, ctx, roster, limits, self.get(),
                    List.of(added(confirm.owner(), confirm.friend(), confirm.source(), confirm.notice(), ctx, confirm.owner())));
        }
        List<ContactEvent> events = edge.get().confirmed()
                ? List.of()
                : List.of(added(confirm.owner(), confirm.friend(), confirm.source(), confirm.notice(), ctx, confirm.owner()));
        return confirmed(confirm, ctx, roster, limits, self.get(), events);
    }

    private static Decision<ContactEvent, ContactCommand> confirmed(ConfirmContact confirm, RequestContext ctx, Roster roster,
                                                                    RosterLimits limits, User self, List<ContactEvent> events) {
        var importing = roster.importing(ctx.requestId());
        if (importing.isPresent()) {
            return answerImport(importing.get(), confirm.owner(), confirm.friend(), ImportBucket.SUCCESS, events, ctx, roster, limits);
        }
        return Decision.accept(events, new Reply.ContactReply(self, confirm.friendUser()));
    }

    private static Decision<ContactEvent, ContactCommand> release(ReleaseContact release, RequestContext ctx, Roster roster,
                                                                  RosterLimits limits) {
        var late = lateImportAnswer(release.owner(), release.friend(), false, ctx, roster);
        if (late.isPresent()) {
            return late.get();
        }
        var rejection = switch (release.reason()) {
            case NOT_FOUND -> Rejection.userNotFound();
            case FULL -> Rejection.exceedLimit(CONTACT_LIMIT);
            case FAILED -> Rejection.internalError();
        };
        boolean ownReservation = reservedBy(roster, release.friend(), ctx.requestId());
        List<ContactEvent> events = ownReservation
                ? List.of(new ReservationReleased(release.owner(), release.friend()))
                : List.of();
        var importing = roster.importing(ctx.requestId());
        if (importing.isPresent()) {
            var bucket = switch (release.reason()) {
                case NOT_FOUND -> ImportBucket.NOT_EXIST;
                case FULL -> ImportBucket.MAX_LIMIT;
                case FAILED -> ImportBucket.UNKNOWN;
            };
            return answerImport(importing.get(), release.owner(), release.friend(), bucket, events, ctx, roster, limits);
        }
        return new Decision<>(events, List.of(), Optional.of(Verdict.rejected(rejection)));
    }

    /**
     * What the engine sends when a step of an add failed and changed nothing: the owner gives
     * its reservation back and answers, as it does when the friend refuses. A failed confirm
     * leaves the friend's side added (a retry of the add completes the pair); every other
     * command holds no reservation for another step, so it needs nothing sent.
     */
    public static List<FollowUp<ContactCommand>> compensate(ContactCommand failed) {
        return switch (failed) {
            case ReserveContactPeer peer -> List.of(new FollowUp<>(peer.owner(),
                    new ReleaseContact(peer.owner(), peer.friend(), ReleaseReason.FAILED)));
            case ConfirmContact confirm -> List.of(new FollowUp<>(confirm.owner(),
                    new ReleaseContact(confirm.owner(), confirm.friend(), ReleaseReason.FAILED)));
            case AddContact ignored -> List.of();
            case ReleaseContact ignored -> List.of();
            case RemoveContact ignored -> List.of();
            case RemoveContactPeer ignored -> List.of();
            case CompleteRemoveContact ignored -> List.of();
            case SetRemark ignored -> List.of();
            case ProbeUser ignored -> List.of();
            case ProbeAnswer ignored -> List.of();
            case ImportContacts ignored -> List.of();
            case ExpireImport ignored -> List.of();
            case DropRoster ignored -> List.of();
        };
    }

    /**
     * What settles a first step still unanswered at its deadline, sent to this aggregate: an add
     * gives its slot back as when the friend's step fails; an import settles with the answers it has.
     */
    public static Optional<ContactCommand> atDeadline(ContactCommand first) {
        return switch (first) {
            case AddContact add -> Optional.of(new ReleaseContact(add.owner(), add.friend(), ReleaseReason.FAILED));
            case ImportContacts importing -> Optional.of(new ExpireImport(importing.owner()));
            case ReserveContactPeer ignored -> Optional.empty();
            case ConfirmContact ignored -> Optional.empty();
            case ReleaseContact ignored -> Optional.empty();
            case RemoveContact ignored -> Optional.empty();
            case RemoveContactPeer ignored -> Optional.empty();
            case CompleteRemoveContact ignored -> Optional.empty();
            case SetRemark ignored -> Optional.empty();
            case ProbeUser ignored -> Optional.empty();
            case ProbeAnswer ignored -> Optional.empty();
            case ExpireImport ignored -> Optional.empty();
            case DropRoster ignored -> Optional.empty();
        };
    }

    private static Decision<ContactEvent, ContactCommand> importContacts(ImportContacts importing, RequestContext ctx,
                                                                         Roster roster, RosterLimits limits) {
        if (roster.owner().isEmpty()) {
            return Decision.reject(Rejection.userNotFound());
        }
        if (roster.size() >= limits.maxContacts()) {
            return Decision.reject(Rejection.exceedLimit(INVITER_FULL));
        }
        var targets = List.copyOf(new LinkedHashSet<>(importing.targets()));
        var answers = new LinkedHashMap<Username, ImportBucket>();
        var events = new ArrayList<ContactEvent>();
        var asks = new ArrayList<FollowUp<ContactCommand>>();
        var waiting = new ArrayList<Username>();
        int size = roster.size();
        for (var target : targets) {
            var edge = roster.contact(target);
            if (target.equals(importing.owner())) {
                answers.put(target, ImportBucket.UNKNOWN);
            } else if (!Username.isLegal(target.value())) {
                answers.put(target, ImportBucket.NOT_EXIST);
            } else if (edge.filter(Contact::confirmed).isPresent()) {
                answers.put(target, ImportBucket.SUCCESS);
            } else if (edge.isPresent() || size < limits.maxContacts()) {
                if (edge.isEmpty()) {
                    events.add(new ContactReserved(importing.owner(), target, ctx.requestId(), ctx.now()));
                    size++;
                }
                asks.add(new FollowUp<>(target, new ReserveContactPeer(importing.owner(), target, IMPORT_SOURCE, importing.notice())));
            } else {
                // No slot now; one may be freed by a target that turns out missing or full.
                waiting.add(target);
            }
        }
        if (asks.isEmpty()) {
            return Decision.accept(events, importReply(Gather.start(ctx.requestId(), targets, answers, waiting)));
        }
        events.add(new ImportStarted(importing.owner(), ctx.requestId(), targets, Map.copyOf(answers), List.copyOf(waiting),
                importing.notice()));
        return Decision.of(events, asks);
    }

    private static Decision<ContactEvent, ContactCommand> answerImport(ImportProgress progress, Username owner, Username target,
                                                                       ImportBucket bucket, List<ContactEvent> changes,
                                                                       RequestContext ctx, Roster roster, RosterLimits limits) {
        if (progress.gather().arrival(target) != Gather.Arrival.AWAITED) {
            return Decision.of(changes, List.of());
        }
        var events = new ArrayList<>(changes);
        events.add(new ImportAnswered(owner, progress.requestId(), target, bucket));
        var gather = progress.gather().answer(target, bucket);
        var asks = new ArrayList<FollowUp<ContactCommand>>();
        // Free slots once this step's own changes are folded: a released reservation gives one back,
        // a confirm that found its reservation gone has taken one.
        int size = roster.size();
        for (var change : changes) {
            if (change instanceof ReservationReleased) {
                size--;
            } else if (change instanceof ContactAdded added && roster.contact(added.friend()).isEmpty()) {
                size++;
            }
        }
        int free = limits.maxContacts() - size;
        while (free > 0 && !gather.queued().isEmpty()) {
            var next = gather.queued().getFirst();
            gather = gather.ask(next);
            events.add(new ImportAskedNext(owner, progress.requestId(), next));
            if (roster.contact(next).isEmpty()) {
                events.add(new ContactReserved(owner, next, ctx.requestId(), ctx.now()));
                free--;
            }
            asks.add(new FollowUp<>(next, new ReserveContactPeer(owner, next, IMPORT_SOURCE, progress.notice())));
        }
        if (!gather.complete()) {
            return Decision.of(events, asks);
        }
        events.add(new ImportFinished(owner, progress.requestId()));
        return Decision.accept(events, importReply(gather));
    }

    /**
     * The deadline passed with targets still unanswered: their reservations are given back, they
     * count as {@link #UNANSWERED} (targets never asked as {@code maxLimitFailed}), and the import is
     * answered with what it has. An import already answered is left alone.
     */
    private static Decision<ContactEvent, ContactCommand> expireImport(ExpireImport expire, RequestContext ctx,
                                                                       Roster roster) {
        var importing = roster.importing(ctx.requestId());
        if (importing.isEmpty() || importing.get().gather().complete()) {
            return Decision.none();
        }
        var gather = importing.get().gather();
        var events = new ArrayList<ContactEvent>();
        for (var target : gather.awaiting()) {
            if (reservedBy(roster, target, ctx.requestId())) {
                events.add(new ReservationReleased(expire.owner(), target));
            }
        }
        events.add(new ImportExpired(expire.owner(), ctx.requestId()));
        events.add(new ImportFinished(expire.owner(), ctx.requestId()));
        return Decision.accept(events, importReply(gather.expire(UNANSWERED)));
    }

    /**
     * A target's answer to an import that settled without it at the deadline changes nothing at
     * the owner and answers nothing: a friend's side that added the owner is rolled back, unless
     * the owner holds an edge to the friend again (another add made it since).
     */
    private static Optional<Decision<ContactEvent, ContactCommand>> lateImportAnswer(Username owner, Username friend,
                                                                                    boolean friendAdded,
                                                                                    RequestContext ctx, Roster roster) {
        var importing = roster.importing(ctx.requestId());
        if (importing.isEmpty() || importing.get().gather().arrival(friend) != Gather.Arrival.LATE) {
            return Optional.empty();
        }
        List<ContactEvent> events = List.of(new ImportAnswered(owner, ctx.requestId(), friend, UNANSWERED));
        List<FollowUp<ContactCommand>> undo = friendAdded && roster.contact(friend).isEmpty()
                ? List.of(new FollowUp<>(friend, new RemoveContactPeer(owner, friend, RemoveReason.ROLLBACK,
                        importing.get().notice())))
                : List.of();
        return Optional.of(Decision.of(events, undo));
    }

    private static boolean reservedBy(Roster roster, Username friend, String requestId) {
        return roster.contact(friend)
                .filter(c -> !c.confirmed() && c.reservation().filter(requestId::equals).isPresent())
                .isPresent();
    }

    /** Easemob's buckets in request order; targets still queued never got a slot. */
    private static Reply.ImportReply importReply(Gather<ImportBucket> gather) {
        Map<ImportBucket, List<Username>> buckets = new EnumMap<>(ImportBucket.class);
        for (var bucket : ImportBucket.values()) {
            buckets.put(bucket, new ArrayList<>());
        }
        gather.targets().forEach(t -> buckets.get(gather.answerOf(t).orElse(ImportBucket.MAX_LIMIT)).add(t));
        return new Reply.ImportReply(buckets.get(ImportBucket.SUCCESS), buckets.get(ImportBucket.NOT_EXIST),
                buckets.get(ImportBucket.MAX_LIMIT), buckets.get(ImportBucket.UNKNOWN));
    }

    private static Decision<ContactEvent, ContactCommand> removePeer(RemoveContactPeer peer, Roster roster) {
        var self = roster.owner();
        List<ContactEvent> events = roster.contact(peer.owner()).isPresent()
                ? List.of(new ContactRemoved(peer.friend(), peer.owner(), peer.reason(), peer.owner(), peer.notice()))
                : List.of();
        if (peer.reason() != RemoveReason.REST) {
            return Decision.of(events, List.of());
        }
        return Decision.continueWith(events,
                new FollowUp<>(peer.owner(), new CompleteRemoveContact(peer.owner(), peer.friend(), self)));
    }

    private static Decision<ContactEvent, ContactCommand> completeRemove(CompleteRemoveContact complete, Roster roster) {
        var self = roster.owner();
        if (complete.friendUser().isEmpty() || self.isEmpty()) {
            return Decision.reject(Rejection.userNotFound());
        }
        List<ContactEvent> events = roster.contact(complete.friend()).isPresent()
                ? List.of(new ContactRemoved(complete.owner(), complete.friend(), RemoveReason.REST))
                : List.of();
        return Decision.accept(events, new Reply.ContactReply(self.get(), complete.friendUser().get()));
    }

    private static ContactAdded added(Username owner, Username friend,
                                      String source, boolean notice, RequestContext ctx, Username initiator) {
        return new ContactAdded(owner, friend, source, notice, ctx.now(), initiator);
    }

    /** Folds one event into the roster; each event touches O(1) entries. */
    public static void evolve(Roster roster, ContactEvent event) {
        switch (event) {
            case ContactReserved reserved -> roster.put(new Contact(reserved.friend(), false, 0L, reserved.at(),
                    Optional.empty(), Optional.of(reserved.reservation())));
            case ReservationReleased released -> roster.remove(released.friend());
            case ContactAdded added -> roster.put(new Contact(added.friend(), true, roster.nextSeq(), added.at(),
                    roster.contact(added.friend()).flatMap(Contact::remark), Optional.empty()));
            case ContactRemoved removed -> roster.remove(removed.friend());
            case ContactRemarkSet remark -> roster.contact(remark.friend()).ifPresent(c -> roster.put(
                    new Contact(c.friend(), c.confirmed(), c.seq(), c.created(), Optional.of(remark.remark()), c.reservation())));
            case ImportStarted started -> roster.putImport(new ImportProgress(
                    Gather.start(started.requestId(), started.targets(), started.answers(), started.waiting()), started.notice()));
            case ImportAnswered answered -> roster.importing(answered.requestId()).ifPresent(p -> p.gather()
                    .afterAnswer(answered.target(), answered.bucket())
                    .ifPresentOrElse(g -> roster.putImport(p.with(g)), () -> roster.removeImport(p.requestId())));
            case ImportAskedNext asked -> roster.importing(asked.requestId())
                    .ifPresent(p -> roster.putImport(p.with(p.gather().ask(asked.target()))));
            case ImportExpired expired -> roster.importing(expired.requestId())
                    .ifPresent(p -> roster.putImport(p.with(p.gather().expire(UNANSWERED))));
            // An expired import is kept until its late answers are in, so that they change nothing.
            case ImportFinished finished -> roster.importing(finished.requestId())
                    .filter(p -> !p.gather().expired())
                    .ifPresent(p -> roster.removeImport(p.requestId()));
        }
    }
}
