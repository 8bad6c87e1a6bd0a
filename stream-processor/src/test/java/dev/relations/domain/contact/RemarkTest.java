package dev.relations.domain.contact;

import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.Reply;
import dev.relations.domain.contact.ContactCommand.ProbeAnswer;
import dev.relations.domain.contact.ContactCommand.ProbePurpose;
import dev.relations.domain.contact.ContactCommand.ProbeUser;
import dev.relations.domain.contact.ContactCommand.SetRemark;
import dev.relations.domain.contact.ContactEvent.ContactRemarkSet;
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

/**
 * Alice sets her remark on Bob. Only a confirmed friendship takes one; otherwise Bob's
 * aggregate is asked whether he exists, which decides between 400 and 404.
 */
class RemarkTest {
    private static final SetRemark ALICE_NAMES_BOB = new SetRemark(ALICE, BOB, "college");
    private static final FollowUp<ContactCommand> PROBE_BOB =
            new FollowUp<>(BOB, new ProbeUser(ALICE, BOB, ProbePurpose.REMARK));

    @Test
    void setting_a_remark_on_a_friend_records_it_and_answers_ok() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), befriended(ALICE, BOB));

        scenario.when(ALICE_NAMES_BOB)
                .events(new ContactRemarkSet(ALICE, BOB, "college"))
                .noFollowUps()
                .accepted(new Reply.Done());
        assertThat(scenario.roster().contact(BOB))
                .contains(new Contact(BOB, true, 1L, NOW, Optional.of("college"), Optional.empty()));
    }

    @Test
    void a_new_remark_replaces_the_previous_one() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), befriended(ALICE, BOB),
                new ContactRemarkSet(ALICE, BOB, "college"));

        scenario.when(new SetRemark(ALICE, BOB, "work"));

        assertThat(scenario.roster().contact(BOB).flatMap(Contact::remark)).contains("work");
    }

    @Test
    void setting_a_remark_for_a_missing_owner_is_rejected_as_not_found() {
        given(InMemoryRoster.unregistered())
                .when(ALICE_NAMES_BOB)
                .noEvents()
                .noFollowUps()
                .rejected(404, "service_resource_not_found", "Service resource not found");
    }

    @Test
    void setting_a_remark_on_a_non_friend_asks_whether_the_friend_exists() {
        given(InMemoryRoster.of(user(ALICE)))
                .when(ALICE_NAMES_BOB)
                .noEvents()
                .followUps(PROBE_BOB)
                .undecided();
    }

    @Test
    void a_reserved_slot_is_not_yet_a_friendship_to_remark_on() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), reserved(ALICE, BOB, "req-0"));

        scenario.when(ALICE_NAMES_BOB)
                .noEvents()
                .followUps(PROBE_BOB)
                .undecided();
        assertThat(scenario.roster().contact(BOB).flatMap(Contact::remark)).isEmpty();
    }

    @Test
    void a_registered_user_answers_the_probe_that_it_exists() {
        given(InMemoryRoster.of(user(BOB)))
                .when(new ProbeUser(ALICE, BOB, ProbePurpose.REMARK))
                .noEvents()
                .followUps(new FollowUp<>(ALICE, new ProbeAnswer(ALICE, BOB, ProbePurpose.REMARK, true)))
                .undecided();
    }

    @Test
    void an_unregistered_user_answers_the_probe_that_it_does_not_exist() {
        given(InMemoryRoster.unregistered())
                .when(new ProbeUser(ALICE, BOB, ProbePurpose.REMARK))
                .noEvents()
                .followUps(new FollowUp<>(ALICE, new ProbeAnswer(ALICE, BOB, ProbePurpose.REMARK, false)))
                .undecided();
    }

    @Test
    void a_remark_on_an_existing_non_friend_is_rejected_as_an_illegal_argument() {
        given(InMemoryRoster.of(user(ALICE)))
                .when(new ProbeAnswer(ALICE, BOB, ProbePurpose.REMARK, true))
                .noEvents()
                .noFollowUps()
                .rejected(400, "illegal_argument", "updateRemark they are not friends, please add as a friend first.");
    }

    @Test
    void a_remark_on_a_missing_user_is_rejected_as_not_found() {
        given(InMemoryRoster.of(user(ALICE)))
                .when(new ProbeAnswer(ALICE, BOB, ProbePurpose.REMARK, false))
                .noEvents()
                .noFollowUps()
                .rejected(404, "service_resource_not_found", "Service resource not found");
    }

    @Test
    void a_remark_event_for_an_edge_no_longer_held_changes_nothing() {
        var roster = InMemoryRoster.of(user(ALICE));

        ContactDecider.evolve(roster, new ContactRemarkSet(ALICE, BOB, "college"));

        assertThat(roster.size()).isZero();
        assertThat(roster.contact(BOB)).isEmpty();
    }
}
