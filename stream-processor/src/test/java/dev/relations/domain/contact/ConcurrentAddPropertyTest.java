package dev.relations.domain.contact;

import dev.relations.domain.common.Samples;
import dev.relations.domain.common.Username;
import dev.relations.domain.common.Verdict;
import dev.relations.domain.contact.ContactCommand.AddContact;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.common.Samples.DAVE;
import static dev.relations.domain.common.Samples.user;
import static dev.relations.domain.contact.ContactScenario.friendsWithOthers;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole add chains between several rosters, each step delivered in any order Kafka allows:
 * steps from one aggregate to another stay in order (one partition), everything else interleaves.
 */
class ConcurrentAddPropertyTest {
    private static final List<Username> REGISTERED = List.of(ALICE, BOB, CAROL);
    private static final List<Username> CAST = List.of(ALICE, BOB, CAROL, DAVE);

    record Add(Username owner, Username friend) {
    }

    record Plan(int limit, List<Integer> prefill, List<Add> adds, List<Integer> schedule) {
    }

    @Property
    void however_adds_interleave_no_roster_exceeds_its_limit(@ForAll("plans") Plan plan) {
        new Network(plan).deliverAll(plan.schedule(), network -> network.rosters.values()
                .forEach(roster -> assertThat(roster.size()).isLessThanOrEqualTo(plan.limit())));
    }

    @Property
    void once_every_step_is_delivered_no_reservation_is_left_and_friendships_are_mutual(@ForAll("plans") Plan plan) {
        var network = new Network(plan);
        network.deliverAll(plan.schedule(), ignored -> {
        });

        for (var owner : CAST) {
            var roster = network.rosters.get(owner);
            assertThat(roster.contacts()).as("reservations left at %s", owner).allMatch(Contact::confirmed);
            for (var friend : CAST) {
                assertThat(roster.contact(friend).isPresent())
                        .as("%s holds %s iff %s holds %s", owner, friend, friend, owner)
                        .isEqualTo(network.rosters.get(friend).contact(owner).isPresent());
            }
        }
        assertThat(network.verdicts).as("verdicts per request").hasSize(plan.adds().size())
                .allSatisfy((request, verdicts) -> assertThat(verdicts).hasSize(1));
    }

    @Provide
    Arbitrary<Plan> plans() {
        var owner = Arbitraries.of(REGISTERED);
        var friend = Arbitraries.of(CAST);
        return Arbitraries.integers().between(1, 3).flatMap(limit -> Combinators.combine(
                        Arbitraries.integers().between(0, limit).list().ofSize(REGISTERED.size()),
                        Combinators.combine(owner, friend).as(Add::new).list().ofMinSize(1).ofMaxSize(8),
                        Arbitraries.integers().between(0, 1_000).list().ofMaxSize(60))
                .as((prefill, adds, schedule) -> new Plan(limit, prefill, adds, schedule)));
    }

    /** The rosters, the in-flight steps per (sender, receiver) channel, and the verdicts answered so far. */
    private static final class Network {
        record Step(ContactCommand command, String requestId) {
        }

        record Channel(String from, Username to) {
        }

        final Map<Username, InMemoryRoster> rosters = new LinkedHashMap<>();
        final Map<Channel, Deque<Step>> channels = new LinkedHashMap<>();
        final Map<String, List<Verdict>> verdicts = new LinkedHashMap<>();
        private final RosterLimits limits;
        private int delivered;

        Network(Plan plan) {
            limits = new RosterLimits(plan.limit());
            for (int i = 0; i < REGISTERED.size(); i++) {
                var roster = InMemoryRoster.of(user(REGISTERED.get(i)));
                for (var event : friendsWithOthers(REGISTERED.get(i), plan.prefill().get(i))) {
                    ContactDecider.evolve(roster, event);
                }
                rosters.put(REGISTERED.get(i), roster);
            }
            rosters.put(DAVE, InMemoryRoster.unregistered());
            for (int i = 0; i < plan.adds().size(); i++) {
                var add = plan.adds().get(i);
                var requestId = "req-" + i;
                // Each API request is its own producer as far as ordering goes.
                send(new Channel("api-" + requestId, add.owner()), new Step(new AddContact(add.owner(), add.friend(), "rest", true), requestId));
            }
        }

        /** Delivers until every channel is empty, checking after each step. */
        void deliverAll(List<Integer> schedule, Consumer<Network> check) {
            while (deliverOne(schedule)) {
                check.accept(this);
            }
        }

        /** Delivers the head of one channel, chosen by the schedule while it lasts, then in order; false when quiet. */
        private boolean deliverOne(List<Integer> schedule) {
            var busy = new ArrayList<Channel>();
            channels.forEach((channel, steps) -> {
                if (!steps.isEmpty()) {
                    busy.add(channel);
                }
            });
            if (busy.isEmpty()) {
                return false;
            }
            int choice = delivered < schedule.size() ? schedule.get(delivered) % busy.size() : 0;
            delivered++;
            var channel = busy.get(choice);
            var step = channels.get(channel).poll();
            var roster = rosters.get(channel.to());
            var decision = ContactDecider.decide(step.command(), Samples.request(step.requestId()), roster, limits);
            decision.events().forEach(event -> ContactDecider.evolve(roster, event));
            decision.followUps().forEach(next -> send(new Channel(channel.to().value(), ((dev.relations.domain.common.AggregateRef.UserRef) next.target()).name()), new Step(next.command(), step.requestId())));
            decision.verdict().ifPresent(verdict -> verdicts.computeIfAbsent(step.requestId(), id -> new ArrayList<>()).add(verdict));
            return true;
        }

        private void send(Channel channel, Step step) {
            channels.computeIfAbsent(channel, c -> new ArrayDeque<>()).add(step);
        }
    }
}
