package dev.relations.domain.contact;

import dev.relations.domain.common.Samples;
import dev.relations.domain.common.Username;
import dev.relations.domain.contact.ContactCommand.AddContact;
import dev.relations.domain.contact.ContactCommand.ConfirmContact;
import dev.relations.domain.contact.ContactCommand.ExpireImport;
import dev.relations.domain.contact.ContactCommand.ImportContacts;
import dev.relations.domain.contact.ContactCommand.ReleaseContact;
import dev.relations.domain.contact.ContactCommand.ReleaseReason;
import dev.relations.domain.contact.ContactCommand.ReserveContactPeer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import java.util.HashSet;
import java.util.List;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.common.Samples.DAVE;
import static dev.relations.domain.common.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;

/** The limit invariant of {@link ContactDecider} with imports and their deadlines in the mix: freed slots never go out twice. */
class ImportLimitPropertyTest {
    private static final List<Username> FRIENDS = List.of(BOB, CAROL, DAVE);

    record Step(ContactCommand command, String requestId) {
    }

    // Answers arrive in any order, duplicated or for the wrong request: a superset of what Kafka can deliver.
    @Property(tries = 5_000)
    void no_interleaving_of_imports_adds_and_answers_overfills_the_owners_roster(
            @ForAll @IntRange(min = 1, max = 3) int limit, @ForAll("stepsAtAlice") List<Step> steps) {
        var roster = InMemoryRoster.of(user(ALICE));
        var limits = new RosterLimits(limit);
        var started = new HashSet<String>();
        for (var step : steps) {
            var requestId = step.requestId();
            // One API request starts one chain; a second start under a used id is a request of its own.
            boolean starts = step.command() instanceof ImportContacts || step.command() instanceof AddContact;
            if (starts && !started.add(requestId)) {
                requestId = "unanswered-" + started.size();
                started.add(requestId);
            }
            var decision = ContactDecider.decide(step.command(), Samples.request(requestId), roster, limits);
            decision.events().forEach(event -> ContactDecider.evolve(roster, event));

            assertThat(roster.size()).as("size after %s", step).isLessThanOrEqualTo(limit);
        }
    }

    @Provide
    Arbitrary<List<Step>> stepsAtAlice() {
        Arbitrary<Username> friend = Arbitraries.of(FRIENDS);
        Arbitrary<ContactCommand> command = Arbitraries.frequencyOf(
                Tuple.of(1, friend.list().ofMinSize(1).ofMaxSize(3).map(fs -> new ImportContacts(ALICE, fs, true))),
                Tuple.of(1, Arbitraries.shuffle(FRIENDS).map(fs -> new ImportContacts(ALICE, fs, true))),
                Tuple.of(1, friend.map(f -> new AddContact(ALICE, f, "rest", true))),
                Tuple.of(1, friend.map(f -> new ReserveContactPeer(f, ALICE, "rest", true))),
                Tuple.of(3, friend.map(f -> new ConfirmContact(ALICE, f, user(f), "import", true))),
                Tuple.of(3, Combinators.combine(friend, Arbitraries.of(ReleaseReason.class))
                        .as((f, reason) -> new ReleaseContact(ALICE, f, reason))),
                // The deadline of either request, at any moment: answers may come after it.
                Tuple.of(1, Arbitraries.just(new ExpireImport(ALICE))));
        return Combinators.combine(command, Arbitraries.of("req-1", "req-2"))
                .as(Step::new)
                .list().ofMaxSize(40);
    }
}
