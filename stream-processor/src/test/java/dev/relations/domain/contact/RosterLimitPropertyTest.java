package dev.relations.domain.contact;

import dev.relations.domain.common.Samples;
import dev.relations.domain.common.Username;
import dev.relations.domain.contact.ContactCommand.AddContact;
import dev.relations.domain.contact.ContactCommand.ConfirmContact;
import dev.relations.domain.contact.ContactCommand.ReleaseContact;
import dev.relations.domain.contact.ContactCommand.ReleaseReason;
import dev.relations.domain.contact.ContactCommand.ReserveContactPeer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.common.Samples.DAVE;
import static dev.relations.domain.common.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;

/** The limit invariant of {@link ContactDecider}, over any order in which the steps of adds reach one owner. */
class RosterLimitPropertyTest {
    private static final List<Username> FRIENDS = List.of(BOB, CAROL, DAVE, Username.of("erin"), Username.of("frank"));

    record Step(ContactCommand command, String requestId) {
    }

    // Steps arrive in any order, duplicated or without their earlier steps: a superset of what Kafka can deliver.
    @Property
    void no_sequence_of_adds_confirms_and_releases_overfills_the_owners_roster(
            @ForAll @IntRange(min = 1, max = 4) int limit, @ForAll("stepsAtAlice") List<Step> steps) {
        var roster = InMemoryRoster.of(user(ALICE));
        var limits = new RosterLimits(limit);
        for (var step : steps) {
            var decision = ContactDecider.decide(step.command(), Samples.request(step.requestId()), roster, limits);
            decision.events().forEach(event -> ContactDecider.evolve(roster, event));

            assertThat(roster.size()).as("size after %s", step).isLessThanOrEqualTo(limit);
            assertThat(roster.size()).isEqualTo(roster.contacts().size());
        }
    }

    @Provide
    Arbitrary<List<Step>> stepsAtAlice() {
        Arbitrary<Username> friend = Arbitraries.of(FRIENDS);
        Arbitrary<ContactCommand> command = Arbitraries.oneOf(
                friend.map(f -> new AddContact(ALICE, f, "rest", true)),
                friend.map(f -> new ReserveContactPeer(f, ALICE, "rest", true)),
                friend.map(f -> new ConfirmContact(ALICE, f, user(f), "rest", true)),
                Combinators.combine(friend, Arbitraries.of(ReleaseReason.class))
                        .as((f, reason) -> new ReleaseContact(ALICE, f, reason)));
        return Combinators.combine(command, Arbitraries.of("req-1", "req-2", "req-3"))
                .as(Step::new)
                .list().ofMaxSize(40);
    }
}
