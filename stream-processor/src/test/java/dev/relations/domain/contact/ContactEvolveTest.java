package dev.relations.domain.contact;

import dev.relations.domain.contact.ContactCommand.RemoveReason;
import dev.relations.domain.contact.ContactEvent.ContactRemoved;
import dev.relations.domain.contact.ContactEvent.ReservationReleased;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.common.Samples.DAVE;
import static dev.relations.domain.common.Samples.NOW;
import static dev.relations.domain.common.Samples.user;
import static dev.relations.domain.contact.ContactScenario.befriended;
import static dev.relations.domain.contact.ContactScenario.reserved;
import static org.assertj.core.api.Assertions.assertThat;

class ContactEvolveTest {
    private final InMemoryRoster roster = InMemoryRoster.of(user(ALICE));

    @Test
    void a_reservation_takes_a_slot_but_no_listing_position() {
        fold(reserved(ALICE, BOB, "req-1"));

        assertThat(roster.size()).isEqualTo(1);
        assertThat(roster.contact(BOB)).contains(new Contact(BOB, false, 0L, NOW, Optional.empty(), Optional.of("req-1")));
    }

    @Test
    void confirming_a_reservation_keeps_the_size_and_takes_the_next_position() {
        fold(befriended(ALICE, CAROL), reserved(ALICE, BOB, "req-1"), befriended(ALICE, BOB));

        assertThat(roster.size()).isEqualTo(2);
        assertThat(roster.contact(BOB)).contains(new Contact(BOB, true, 2L, NOW, Optional.empty(), Optional.empty()));
    }

    @Test
    void releasing_a_reservation_gives_the_slot_back() {
        fold(reserved(ALICE, BOB, "req-1"), new ReservationReleased(ALICE, BOB));

        assertThat(roster.size()).isZero();
        assertThat(roster.contact(BOB)).isEmpty();
    }

    @Test
    void positions_keep_growing_after_a_removal() {
        fold(befriended(ALICE, BOB), befriended(ALICE, CAROL),
                new ContactRemoved(ALICE, BOB, RemoveReason.REST), befriended(ALICE, DAVE));

        assertThat(roster.size()).isEqualTo(2);
        assertThat(roster.contact(CAROL).map(Contact::seq)).contains(2L);
        assertThat(roster.contact(DAVE).map(Contact::seq)).contains(3L);
    }

    @Test
    void an_add_over_an_existing_edge_keeps_its_remark() {
        roster.put(new Contact(BOB, true, 7L, NOW - 1, Optional.of("college"), Optional.empty()));

        fold(befriended(ALICE, BOB));

        assertThat(roster.size()).isEqualTo(1);
        assertThat(roster.contact(BOB).flatMap(Contact::remark)).contains("college");
    }

    private void fold(ContactEvent... events) {
        for (var event : events) {
            ContactDecider.evolve(roster, event);
        }
    }
}
