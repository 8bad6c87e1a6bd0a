package dev.relations.domain.block;

import dev.relations.domain.block.BlockCommand.BlockUsers;
import dev.relations.domain.block.BlockCommand.BlockerAnswer;
import dev.relations.domain.block.BlockCommand.ExpireBlocks;
import dev.relations.domain.block.BlockCommand.RemoveBlockPeer;
import dev.relations.domain.block.BlockCommand.UnblockUser;
import dev.relations.domain.block.BlockEvent.BlocksReleased;
import dev.relations.domain.block.BlockEvent.BlocksReserved;
import dev.relations.domain.common.Samples;
import dev.relations.domain.common.Username;
import dev.relations.domain.contact.RosterLimits;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.common.Samples.DAVE;
import static dev.relations.domain.common.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;

/** The invariants of {@link BlockDecider}, over any order in which batches, answers, deadlines, unblocks and deletions reach one owner. */
class BlocklistPropertyTest {
    private static final List<Username> TARGETS = List.of(BOB, CAROL, DAVE);

    record Step(BlockCommand command, String requestId) {
    }

    // Answers arrive in any order, duplicated, late or for the wrong request: a superset of what Kafka can deliver.
    @Property(tries = 5_000)
    void no_interleaving_of_batches_answers_and_unblocks_overfills_the_blocklist(
            @ForAll @IntRange(min = 1, max = 3) int limit, @ForAll("stepsAtAlice") List<Step> steps) {
        new Run(limit).play(steps, (run, step) ->
                assertThat(run.list.size()).as("size after %s", step).isLessThanOrEqualTo(limit));
    }

    @Property(tries = 5_000)
    void a_failed_batch_leaves_no_edge_it_reserved(
            @ForAll @IntRange(min = 1, max = 3) int limit, @ForAll("stepsAtAlice") List<Step> steps) {
        new Run(limit).play(steps, (run, step) -> {
            for (var failed : run.releasedNow) {
                assertThat(run.list.blocks())
                        .as("edges after %s failed", failed.requestId())
                        .noneMatch(b -> b.batch().equals(Optional.of(failed.requestId())))
                        .noneMatch(b -> failed.pending().contains(b.target())
                                && failed.requestId().equals(run.reservedBy.get(b.target())));
            }
        });
    }

    @Provide
    Arbitrary<List<Step>> stepsAtAlice() {
        Arbitrary<Username> target = Arbitraries.of(TARGETS);
        Arbitrary<BlockCommand> command = Arbitraries.frequencyOf(
                Tuple.of(2, target.list().ofMinSize(1).ofMaxSize(3).map(ts -> new BlockUsers(ALICE, ts))),
                Tuple.of(4, Combinators.combine(target, Arbitraries.of(true, false)).as((t, exists) ->
                        new BlockerAnswer(ALICE, t, exists ? Optional.of(user(t)) : Optional.empty()))),
                Tuple.of(1, target.map(t -> new UnblockUser(ALICE, t))),
                Tuple.of(1, target.map(t -> new RemoveBlockPeer(ALICE, t))),
                // The deadline of a batch, at any moment: answers may come after it.
                Tuple.of(1, Arbitraries.just(new ExpireBlocks(ALICE))));
        return Combinators.combine(command, Arbitraries.of("req-1", "req-2", "req-3"))
                .as(Step::new)
                .list().ofMaxSize(40);
    }

    /** Alice's blocklist, and which batch reserved each edge (the fixture's own bookkeeping, read from the events). */
    private static final class Run {
        final InMemoryBlocklist list = InMemoryBlocklist.of(user(ALICE));
        final Map<Username, String> reservedBy = new HashMap<>();
        List<BlocksReleased> releasedNow = List.of();
        private final RosterLimits limits;
        private final Set<String> started = new HashSet<>();

        Run(int limit) {
            limits = new RosterLimits(1, limit);
        }

        void play(List<Step> steps, BiConsumer<Run, Step> check) {
            for (var step : steps) {
                // One API request starts at most one batch (a retry is deduplicated before any decider sees it),
                // so a second batch under a used id gets an id of its own, which no answer ever names.
                var requestId = step.requestId();
                if (step.command() instanceof BlockUsers && !started.add(requestId)) {
                    requestId = "unanswered-" + started.size();
                    started.add(requestId);
                }
                var decision = BlockDecider.decide(step.command(), Samples.request(requestId), list, limits);
                releasedNow = decision.events().stream()
                        .filter(BlocksReleased.class::isInstance).map(BlocksReleased.class::cast).toList();
                for (var event : decision.events()) {
                    if (event instanceof BlocksReserved reserved) {
                        reserved.pending().forEach(t -> reservedBy.put(t, reserved.requestId()));
                    }
                    BlockDecider.evolve(list, event);
                }
                check.accept(this, step);
            }
        }
    }
}
