package dev.relations.domain.contact;

import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.contact.ContactCommand.DropRoster;
import dev.relations.domain.contact.ContactCommand.RemoveContactPeer;
import dev.relations.domain.contact.ContactCommand.RemoveReason;
import dev.relations.domain.contact.ContactEvent.ContactRemoved;
import org.junit.jupiter.api.Test;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.common.Samples.DAVE;
import static dev.relations.domain.common.Samples.user;
import static dev.relations.domain.contact.ContactScenario.befriended;
import static dev.relations.domain.contact.ContactScenario.given;
import static dev.relations.domain.contact.ContactScenario.reserved;
import static org.assertj.core.api.Assertions.assertThat;

/** Alice was deleted: her roster goes, and every friend is told. */
class DropRosterTest {

    @Test
    void dropping_a_roster_removes_every_edge_as_owner_deleted_and_tells_each_friend() {
        var scenario = given(InMemoryRoster.of(user(ALICE)),
                befriended(ALICE, BOB), befriended(ALICE, CAROL), reserved(ALICE, DAVE, "req-0"));

        scenario.when(new DropRoster(ALICE))
                .events(new ContactRemoved(ALICE, BOB, RemoveReason.OWNER_DELETED),
                        new ContactRemoved(ALICE, CAROL, RemoveReason.OWNER_DELETED),
                        new ContactRemoved(ALICE, DAVE, RemoveReason.OWNER_DELETED))
                .followUps(new FollowUp<>(BOB, new RemoveContactPeer(ALICE, BOB, RemoveReason.USER_DELETED)),
                        new FollowUp<>(CAROL, new RemoveContactPeer(ALICE, CAROL, RemoveReason.USER_DELETED)),
                        new FollowUp<>(DAVE, new RemoveContactPeer(ALICE, DAVE, RemoveReason.USER_DELETED)))
                .undecided();
        assertThat(scenario.roster().size()).isZero();
        assertThat(scenario.roster().contacts()).isEmpty();
    }

    @Test
    void dropping_an_empty_roster_changes_nothing() {
        given(InMemoryRoster.of(user(ALICE)))
                .when(new DropRoster(ALICE))
                .noEvents()
                .noFollowUps()
                .undecided();
    }
}
