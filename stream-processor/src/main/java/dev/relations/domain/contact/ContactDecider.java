package dev.relations.domain.contact;

import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.Reply;
import dev.relations.domain.common.RequestContext;
import dev.relations.domain.common.Username;
import dev.relations.domain.common.Verdict;
import dev.relations.domain.contact.ContactCommand.AddContact;
import dev.relations.domain.contact.ContactCommand.CompleteRemoveContact;
import dev.relations.domain.contact.ContactCommand.ConfirmContact;
import dev.relations.domain.contact.ContactCommand.DropRoster;
import dev.relations.domain.contact.ContactCommand.ReleaseContact;
import dev.relations.domain.contact.ContactCommand.ReleaseReason;
import dev.relations.domain.contact.ContactCommand.RemoveContact;
import dev.relations.domain.contact.ContactCommand.RemoveContactPeer;
import dev.relations.domain.contact.ContactCommand.RemoveReason;
import dev.relations.domain.contact.ContactCommand.ReserveContactPeer;
import dev.relations.domain.contact.ContactEvent.ContactAdded;
import dev.relations.domain.contact.ContactEvent.ContactRemoved;
import dev.relations.domain.contact.ContactEvent.ContactReserved;
import dev.relations.domain.contact.ContactEvent.ReservationReleased;

import java.util.List;
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

    private ContactDecider() {
    }

    public static Decision<ContactEvent, ContactCommand> decide(ContactCommand command, RequestContext ctx,
                                                                Roster roster, RosterLimits limits) {
        return switch (command) {
            case AddContact add -> add(add, ctx, roster, limits);
            case ReserveContactPeer peer -> reservePeer(peer, ctx, roster, limits);
            case ConfirmContact confirm -> confirm(confirm, ctx, roster);
            case ReleaseContact release -> release(release, ctx, roster);
            case RemoveContact remove -> roster.owner().isEmpty()
                    ? Decision.reject(Rejection.userNotFound())
                    : Decision.continueWith(List.of(), new FollowUp<>(remove.friend(),
                            new RemoveContactPeer(remove.owner(), remove.friend(), RemoveReason.REST)));
            case RemoveContactPeer peer -> removePeer(peer, roster);
            case CompleteRemoveContact complete -> completeRemove(complete, roster);
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
                    : Decision.continueWith(List.of(added(peer.friend(), peer.owner(), peer.source(), peer.notice(), ctx)), answer);
        }
        if (roster.size() >= limits.maxContacts()) {
            return refuse(peer, ReleaseReason.FULL);
        }
        return Decision.continueWith(List.of(added(peer.friend(), peer.owner(), peer.source(), peer.notice(), ctx)), answer);
    }

    private static Decision<ContactEvent, ContactCommand> refuse(ReserveContactPeer peer, ReleaseReason reason) {
        return Decision.continueWith(List.of(),
                new FollowUp<>(peer.owner(), new ReleaseContact(peer.owner(), peer.friend(), reason)));
    }

    private static Decision<ContactEvent, ContactCommand> confirm(ConfirmContact confirm, RequestContext ctx, Roster roster) {
        var self = roster.owner();
        var edge = roster.contact(confirm.friend());
        if (self.isEmpty() || edge.isEmpty()) {
            // The owner was deleted (or the edge dropped) while the friend was adding: undo the friend's side.
            return new Decision<>(List.of(),
                    List.of(new FollowUp<>(confirm.friend(),
                            new RemoveContactPeer(confirm.owner(), confirm.friend(), RemoveReason.USER_DELETED))),
                    Optional.of(Verdict.rejected(Rejection.userNotFound())));
        }
        var reply = new Reply.ContactReply(self.get(), confirm.friendUser());
        if (edge.get().confirmed()) {
            return Decision.accept(List.of(), reply);
        }
        return Decision.accept(List.of(added(confirm.owner(), confirm.friend(), confirm.source(), confirm.notice(), ctx)), reply);
    }

    private static Decision<ContactEvent, ContactCommand> release(ReleaseContact release, RequestContext ctx, Roster roster) {
        var rejection = switch (release.reason()) {
            case NOT_FOUND -> Rejection.userNotFound();
            case FULL -> Rejection.exceedLimit(CONTACT_LIMIT);
        };
        boolean ownReservation = roster.contact(release.friend())
                .filter(c -> !c.confirmed() && c.reservation().filter(ctx.requestId()::equals).isPresent())
                .isPresent();
        List<ContactEvent> events = ownReservation
                ? List.of(new ReservationReleased(release.owner(), release.friend()))
                : List.of();
        return new Decision<>(events, List.of(), Optional.of(Verdict.rejected(rejection)));
    }

    private static Decision<ContactEvent, ContactCommand> removePeer(RemoveContactPeer peer, Roster roster) {
        var self = roster.owner();
        List<ContactEvent> events = roster.contact(peer.owner()).isPresent()
                ? List.of(new ContactRemoved(peer.friend(), peer.owner(), peer.reason()))
                : List.of();
        if (peer.reason() == RemoveReason.USER_DELETED) {
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
                                      String source, boolean notice, RequestContext ctx) {
        return new ContactAdded(owner, friend, source, notice, ctx.now());
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
        }
    }
}
