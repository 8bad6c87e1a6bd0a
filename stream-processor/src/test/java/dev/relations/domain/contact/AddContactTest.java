package dev.relations.domain.contact;

import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.contact.ContactCommand.AddContact;
import dev.relations.domain.contact.ContactCommand.ReserveContactPeer;
import dev.relations.domain.contact.ContactEvent.ContactReserved;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.common.Samples.NOW;
import static dev.relations.domain.common.Samples.user;
import static dev.relations.domain.contact.ContactScenario.befriended;
import static dev.relations.domain.contact.ContactScenario.friendsWithOthers;
import static dev.relations.domain.contact.ContactScenario.given;
import static dev.relations.domain.contact.ContactScenario.reserved;
import static org.assertj.core.api.Assertions.assertThat;

/** The first step of a mutual add, at the owner's roster. */
class AddContactTest {
    private static final AddContact ALICE_ADDS_BOB = new AddContact(ALICE, BOB, "rest", true);
    private static final FollowUp<ContactCommand> ASK_BOB =
            new FollowUp<>(BOB, new ReserveContactPeer(ALICE, BOB, "rest", true));

    @Test
    void adding_a_friend_reserves_a_slot_and_asks_the_friend() {
        var scenario = given(InMemoryRoster.of(user(ALICE)));

        scenario.when(ALICE_ADDS_BOB)
                .events(new ContactReserved(ALICE, BOB, "req-1", NOW))
                .followUps(ASK_BOB)
                .undecided();
        assertThat(scenario.roster().size()).isEqualTo(1);
        assertThat(scenario.roster().contact(BOB))
                .contains(new Contact(BOB, false, 0L, NOW, Optional.empty(), Optional.of("req-1")));
    }

    @Test
    void adding_for_a_missing_owner_is_rejected_as_not_found() {
        given(InMemoryRoster.unregistered())
                .when(ALICE_ADDS_BOB)
                .noEvents()
                .noFollowUps()
                .rejected(404, "service_resource_not_found", "Service resource not found");
    }

    @Test
    void adding_oneself_is_rejected_as_an_illegal_argument() {
        given(InMemoryRoster.of(user(ALICE)))
                .when(new AddContact(ALICE, ALICE, "rest", true))
                .noEvents()
                .noFollowUps()
                .rejected(400, "illegal_argument", "owner_username and friend_username can not be the same");
    }

    @Test
    void adding_an_existing_friend_reserves_nothing_and_still_asks_the_friend() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), befriended(ALICE, BOB));

        scenario.when(ALICE_ADDS_BOB)
                .noEvents()
                .followUps(ASK_BOB)
                .undecided();
        assertThat(scenario.roster().size()).isEqualTo(1);
    }

    @Test
    void adding_a_friend_whose_add_is_still_in_flight_reserves_nothing_new() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), reserved(ALICE, BOB, "req-0"));

        scenario.when(ALICE_ADDS_BOB)
                .noEvents()
                .followUps(ASK_BOB)
                .undecided();
        assertThat(scenario.roster().contact(BOB).flatMap(Contact::reservation)).contains("req-0");
    }

    @Test
    void adding_with_a_full_roster_is_rejected_as_exceeding_the_limit() {
        given(InMemoryRoster.of(user(ALICE)), friendsWithOthers(ALICE, 2))
                .withLimit(2)
                .when(ALICE_ADDS_BOB)
                .noEvents()
                .noFollowUps()
                .rejected(403, "exceed_limit", "user contact number exceed limit");
    }

    @Test
    void a_reservation_in_flight_counts_against_the_limit() {
        given(InMemoryRoster.of(user(ALICE)), reserved(ALICE, CAROL, "req-0"))
                .withLimit(1)
                .when(ALICE_ADDS_BOB)
                .noEvents()
                .rejected(403, "exceed_limit", "user contact number exceed limit");
    }

    @Test
    void a_full_roster_does_not_refuse_a_friend_it_already_holds() {
        given(InMemoryRoster.of(user(ALICE)), befriended(ALICE, BOB))
                .withLimit(1)
                .when(ALICE_ADDS_BOB)
                .noEvents()
                .followUps(ASK_BOB)
                .undecided();
    }

    @Test
    void the_source_and_notify_flag_travel_to_the_friend() {
        given(InMemoryRoster.of(user(ALICE)))
                .when(new AddContact(ALICE, BOB, "import", false))
                .followUps(new FollowUp<>(BOB, new ReserveContactPeer(ALICE, BOB, "import", false)));
    }
}
