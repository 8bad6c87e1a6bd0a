package dev.relations.domain.contact;

import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.contact.ContactCommand.ConfirmContact;
import dev.relations.domain.contact.ContactCommand.ReleaseContact;
import dev.relations.domain.contact.ContactCommand.ReleaseReason;
import dev.relations.domain.contact.ContactCommand.ReserveContactPeer;
import dev.relations.domain.contact.ContactEvent.ContactAdded;
import org.junit.jupiter.api.Test;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.NOW;
import static dev.relations.domain.common.Samples.user;
import static dev.relations.domain.contact.ContactScenario.befriended;
import static dev.relations.domain.contact.ContactScenario.friendsWithOthers;
import static dev.relations.domain.contact.ContactScenario.given;
import static dev.relations.domain.contact.ContactScenario.reserved;
import static org.assertj.core.api.Assertions.assertThat;

/** The friend's step of a mutual add: Alice asked, this is Bob's roster. */
class ReserveContactPeerTest {
    private static final ReserveContactPeer ALICE_ASKS_BOB = new ReserveContactPeer(ALICE, BOB, "rest", true);
    private static final FollowUp<ContactCommand> CONFIRM_TO_ALICE =
            new FollowUp<>(ALICE, new ConfirmContact(ALICE, BOB, user(BOB), "rest", true));

    @Test
    void a_missing_friend_tells_the_owner_to_release_as_not_found() {
        given(InMemoryRoster.unregistered())
                .when(ALICE_ASKS_BOB)
                .noEvents()
                .followUps(new FollowUp<>(ALICE, new ReleaseContact(ALICE, BOB, ReleaseReason.NOT_FOUND)))
                .undecided();
    }

    @Test
    void a_full_friend_tells_the_owner_to_release_as_full() {
        var scenario = given(InMemoryRoster.of(user(BOB)), friendsWithOthers(BOB, 1)).withLimit(1);

        scenario.when(ALICE_ASKS_BOB)
                .noEvents()
                .followUps(new FollowUp<>(ALICE, new ReleaseContact(ALICE, BOB, ReleaseReason.FULL)))
                .undecided();
        assertThat(scenario.roster().contact(ALICE)).isEmpty();
    }

    @Test
    void a_friend_with_room_adds_the_owner_and_confirms_back() {
        var scenario = given(InMemoryRoster.of(user(BOB)));

        scenario.when(ALICE_ASKS_BOB)
                .events(new ContactAdded(BOB, ALICE, "rest", true, NOW, ALICE))
                .followUps(CONFIRM_TO_ALICE)
                .undecided();
        assertThat(scenario.roster().contact(ALICE)).hasValueSatisfying(c -> assertThat(c.confirmed()).isTrue());
    }

    @Test
    void a_friend_who_already_holds_the_owner_confirms_without_adding_again() {
        given(InMemoryRoster.of(user(BOB)), befriended(BOB, ALICE))
                .when(ALICE_ASKS_BOB)
                .noEvents()
                .followUps(CONFIRM_TO_ALICE)
                .undecided();
    }

    @Test
    void when_both_add_each_other_at_once_the_friends_pending_edge_is_confirmed() {
        // Bob's own add of Alice holds the slot, so a full roster does not refuse her.
        var scenario = given(InMemoryRoster.of(user(BOB)), reserved(BOB, ALICE, "req-2")).withLimit(1);

        scenario.when(ALICE_ASKS_BOB)
                .events(new ContactAdded(BOB, ALICE, "rest", true, NOW, ALICE))
                .followUps(CONFIRM_TO_ALICE)
                .undecided();
        assertThat(scenario.roster().size()).isEqualTo(1);
        assertThat(scenario.roster().contact(ALICE)).hasValueSatisfying(c -> assertThat(c.confirmed()).isTrue());
    }

    @Test
    void the_source_and_notify_flag_are_recorded_and_passed_back() {
        given(InMemoryRoster.of(user(BOB)))
                .when(new ReserveContactPeer(ALICE, BOB, "import", false))
                .events(new ContactAdded(BOB, ALICE, "import", false, NOW, ALICE))
                .followUps(new FollowUp<>(ALICE, new ConfirmContact(ALICE, BOB, user(BOB), "import", false)));
    }
}
