package dev.relations.domain.contact;

import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.Reply.ContactReply;
import dev.relations.domain.contact.ContactCommand.CompleteRemoveContact;
import dev.relations.domain.contact.ContactCommand.RemoveContact;
import dev.relations.domain.contact.ContactCommand.RemoveContactPeer;
import dev.relations.domain.contact.ContactCommand.RemoveReason;
import dev.relations.domain.contact.ContactEvent.ContactRemoved;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.user;
import static dev.relations.domain.contact.ContactScenario.befriended;
import static dev.relations.domain.contact.ContactScenario.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A mutual remove: Alice's roster, then Bob's, then Alice's again. */
class RemoveContactTest {
    private static final RemoveContactPeer REMOVE_AT_BOB = new RemoveContactPeer(ALICE, BOB, RemoveReason.REST);
    private static final CompleteRemoveContact BOB_IS_DONE = new CompleteRemoveContact(ALICE, BOB, Optional.of(user(BOB)));

    @Test
    void removing_checks_the_owner_then_asks_the_friend_to_go_first() {
        given(InMemoryRoster.of(user(ALICE)), befriended(ALICE, BOB))
                .when(new RemoveContact(ALICE, BOB))
                .noEvents()
                .followUps(new FollowUp<>(BOB, REMOVE_AT_BOB))
                .undecided();
    }

    @Test
    void removing_for_a_missing_owner_is_rejected_as_not_found() {
        given(InMemoryRoster.unregistered())
                .when(new RemoveContact(ALICE, BOB))
                .noEvents()
                .noFollowUps()
                .rejected(404, "service_resource_not_found", "Service resource not found");
    }

    @Test
    void the_friend_drops_the_owner_and_reports_back_with_its_entity() {
        var scenario = given(InMemoryRoster.of(user(BOB)), befriended(BOB, ALICE));

        scenario.when(REMOVE_AT_BOB)
                .events(new ContactRemoved(BOB, ALICE, RemoveReason.REST, ALICE))
                .followUps(new FollowUp<>(ALICE, BOB_IS_DONE))
                .undecided();
        assertThat(scenario.roster().size()).isZero();
    }

    @Test
    void a_missing_friend_reports_back_without_an_entity() {
        given(InMemoryRoster.unregistered())
                .when(REMOVE_AT_BOB)
                .noEvents()
                .followUps(new FollowUp<>(ALICE, new CompleteRemoveContact(ALICE, BOB, Optional.empty())))
                .undecided();
    }

    @Test
    void completing_drops_the_owners_side_and_answers_with_the_friend() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), befriended(ALICE, BOB));

        scenario.when(BOB_IS_DONE)
                .events(new ContactRemoved(ALICE, BOB, RemoveReason.REST))
                .noFollowUps()
                .accepted(new ContactReply(user(ALICE), user(BOB)));
        assertThat(scenario.roster().size()).isZero();
    }

    @Test
    void completing_for_a_missing_friend_is_rejected_as_not_found() {
        given(InMemoryRoster.of(user(ALICE)))
                .when(new CompleteRemoveContact(ALICE, BOB, Optional.empty()))
                .noEvents()
                .rejected(404, "service_resource_not_found", "Service resource not found");
    }

    @Test
    void completing_for_an_owner_deleted_meanwhile_is_rejected_as_not_found() {
        given(InMemoryRoster.unregistered())
                .when(BOB_IS_DONE)
                .noEvents()
                .rejected(404, "service_resource_not_found", "Service resource not found");
    }

    @Test
    void removing_a_non_friend_changes_nothing_on_the_friends_side() {
        given(InMemoryRoster.of(user(BOB)))
                .when(REMOVE_AT_BOB)
                .noEvents()
                .followUps(new FollowUp<>(ALICE, BOB_IS_DONE));
    }

    @Test
    void removing_a_non_friend_still_answers_with_the_friend() {
        given(InMemoryRoster.of(user(ALICE)))
                .when(BOB_IS_DONE)
                .noEvents()
                .accepted(new ContactReply(user(ALICE), user(BOB)));
    }

    @Test
    void a_friend_told_of_a_deleted_user_drops_it_without_reporting_back() {
        given(InMemoryRoster.of(user(BOB)), befriended(BOB, ALICE))
                .when(new RemoveContactPeer(ALICE, BOB, RemoveReason.USER_DELETED))
                .events(new ContactRemoved(BOB, ALICE, RemoveReason.USER_DELETED, ALICE))
                .noFollowUps()
                .undecided();
    }

    @Test
    void an_undone_add_is_removed_at_the_friend_with_the_adds_notice_and_without_reporting_back() {
        given(InMemoryRoster.of(user(BOB)), befriended(BOB, ALICE))
                .when(new RemoveContactPeer(ALICE, BOB, RemoveReason.ROLLBACK))
                .events(new ContactRemoved(BOB, ALICE, RemoveReason.ROLLBACK, ALICE, true))
                .noFollowUps()
                .undecided();
        given(InMemoryRoster.of(user(BOB)), befriended(BOB, ALICE))
                .when(new RemoveContactPeer(ALICE, BOB, RemoveReason.ROLLBACK, false))
                .events(new ContactRemoved(BOB, ALICE, RemoveReason.ROLLBACK, ALICE, false))
                .noFollowUps()
                .undecided();
    }
}
