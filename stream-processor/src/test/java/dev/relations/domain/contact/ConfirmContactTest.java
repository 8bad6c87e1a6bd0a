package dev.relations.domain.contact;

import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.Reply.ContactReply;
import dev.relations.domain.contact.ContactCommand.ConfirmContact;
import dev.relations.domain.contact.ContactCommand.RemoveContactPeer;
import dev.relations.domain.contact.ContactCommand.RemoveReason;
import dev.relations.domain.contact.ContactEvent.ContactAdded;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.NOW;
import static dev.relations.domain.common.Samples.user;
import static dev.relations.domain.contact.ContactScenario.befriended;
import static dev.relations.domain.contact.ContactScenario.given;
import static dev.relations.domain.contact.ContactScenario.reserved;
import static org.assertj.core.api.Assertions.assertThat;

/** The last step of a mutual add: Bob added Alice, back at Alice's roster. */
class ConfirmContactTest {
    private static final ConfirmContact BOB_CONFIRMS = new ConfirmContact(ALICE, BOB, user(BOB), "rest", true);
    private static final FollowUp<ContactCommand> UNDO_BOBS_SIDE =
            new FollowUp<>(BOB, new RemoveContactPeer(ALICE, BOB, RemoveReason.USER_DELETED));

    @Test
    void confirming_a_reservation_makes_the_friendship_and_answers_with_the_friend() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), reserved(ALICE, BOB, "req-1"));

        scenario.when(BOB_CONFIRMS)
                .events(new ContactAdded(ALICE, BOB, "rest", true, NOW))
                .noFollowUps()
                .accepted(new ContactReply(user(ALICE), user(BOB)));
        assertThat(scenario.roster().contact(BOB))
                .contains(new Contact(BOB, true, 1L, NOW, Optional.empty(), Optional.empty()));
    }

    @Test
    void confirming_an_existing_friendship_answers_accepted_without_events() {
        given(InMemoryRoster.of(user(ALICE)), befriended(ALICE, BOB))
                .when(BOB_CONFIRMS)
                .noEvents()
                .noFollowUps()
                .accepted(new ContactReply(user(ALICE), user(BOB)));
    }

    @Test
    void confirming_for_a_deleted_owner_undoes_the_friends_side_and_answers_not_found() {
        given(InMemoryRoster.unregistered())
                .when(BOB_CONFIRMS)
                .noEvents()
                .followUps(UNDO_BOBS_SIDE)
                .rejected(404, "service_resource_not_found", "Service resource not found");
    }

    @Test
    void confirming_after_the_reservation_was_released_takes_a_free_slot_and_answers_accepted() {
        given(InMemoryRoster.of(user(ALICE)))
                .when(BOB_CONFIRMS)
                .events(new ContactAdded(ALICE, BOB, "rest", true, NOW))
                .noFollowUps()
                .accepted(new ContactReply(user(ALICE), user(BOB)));
    }

    @Test
    void confirming_after_the_reservation_was_released_with_no_slot_left_rolls_the_friends_side_back() {
        given(InMemoryRoster.of(user(ALICE)), befriended(ALICE, dev.relations.domain.common.Username.of("carol")))
                .withLimit(1)
                .when(BOB_CONFIRMS)
                .noEvents()
                .followUps(new FollowUp<>(BOB, new RemoveContactPeer(ALICE, BOB, RemoveReason.ROLLBACK)))
                .rejected(403, "exceed_limit", "user contact number exceed limit");
    }
}
