package dev.relations.domain.contact;

import dev.relations.domain.contact.ContactCommand.ReleaseContact;
import dev.relations.domain.contact.ContactCommand.ReleaseReason;
import dev.relations.domain.contact.ContactEvent.ReservationReleased;
import org.junit.jupiter.api.Test;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.user;
import static dev.relations.domain.contact.ContactScenario.befriended;
import static dev.relations.domain.contact.ContactScenario.given;
import static dev.relations.domain.contact.ContactScenario.reserved;
import static org.assertj.core.api.Assertions.assertThat;

/** Bob refused Alice's add; back at Alice's roster. */
class ReleaseContactTest {

    @Test
    void a_missing_friend_releases_the_own_reservation_and_answers_not_found() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), reserved(ALICE, BOB, "req-1"));

        scenario.inRequest("req-1")
                .when(new ReleaseContact(ALICE, BOB, ReleaseReason.NOT_FOUND))
                .events(new ReservationReleased(ALICE, BOB))
                .noFollowUps()
                .rejected(404, "service_resource_not_found", "Service resource not found");
        assertThat(scenario.roster().size()).isZero();
        assertThat(scenario.roster().contact(BOB)).isEmpty();
    }

    @Test
    void a_full_friend_releases_the_own_reservation_and_answers_exceed_limit() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), reserved(ALICE, BOB, "req-1"));

        scenario.inRequest("req-1")
                .when(new ReleaseContact(ALICE, BOB, ReleaseReason.FULL))
                .events(new ReservationReleased(ALICE, BOB))
                .rejected(403, "exceed_limit", "user contact number exceed limit");
        assertThat(scenario.roster().size()).isZero();
    }

    @Test
    void a_release_leaves_a_reservation_made_by_another_request() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), reserved(ALICE, BOB, "req-1"));

        scenario.inRequest("req-2")
                .when(new ReleaseContact(ALICE, BOB, ReleaseReason.FULL))
                .noEvents()
                .rejected(403, "exceed_limit", "user contact number exceed limit");
        assertThat(scenario.roster().contact(BOB).flatMap(Contact::reservation)).contains("req-1");
    }

    @Test
    void a_release_never_touches_a_confirmed_friendship() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), befriended(ALICE, BOB));

        scenario.inRequest("req-1")
                .when(new ReleaseContact(ALICE, BOB, ReleaseReason.NOT_FOUND))
                .noEvents()
                .rejected(404, "service_resource_not_found", "Service resource not found");
        assertThat(scenario.roster().size()).isEqualTo(1);
    }

    @Test
    void a_release_without_any_edge_only_answers() {
        given(InMemoryRoster.of(user(ALICE)))
                .when(new ReleaseContact(ALICE, BOB, ReleaseReason.FULL))
                .noEvents()
                .noFollowUps()
                .rejected(403, "exceed_limit", "user contact number exceed limit");
    }
}
