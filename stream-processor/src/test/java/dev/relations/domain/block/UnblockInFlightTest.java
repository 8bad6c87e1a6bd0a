package dev.relations.domain.block;

import dev.relations.domain.block.BlockCommand.UnblockUser;
import dev.relations.domain.block.BlockCommand.UnregisterBlocker;
import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.Username;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.request;
import static dev.relations.domain.common.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;

/** An unblock that meets a block whose batch is still waiting for answers. */
class UnblockInFlightTest {

    @Test
    void unblocking_a_block_still_in_flight_keeps_the_targets_reverse_entry() {
        var list = InMemoryBlocklist.of(user(ALICE));
        BlockDecider.evolve(list, new BlockEvent.BlocksReserved(ALICE, "batch-1", List.of(BOB), List.of(BOB), 1L));

        var decision = BlockDecider.decide(new UnblockUser(ALICE, BOB), request("req-2"), list,
                new dev.relations.domain.contact.RosterLimits(100));

        assertThat(decision.events()).isEmpty();
        assertThat(decision.followUps()).containsExactly(new FollowUp<>(BOB, new UnregisterBlocker(ALICE, BOB, true, false)));
    }

    @Test
    void a_target_asked_only_for_its_entity_keeps_the_blocker() {
        var bobs = InMemoryBlocklist.of(user(BOB));
        bobs.putBlocker(ALICE);

        var decision = BlockDecider.decide(new UnregisterBlocker(ALICE, BOB, true, false), request("req-2"), bobs,
                new dev.relations.domain.contact.RosterLimits(100));

        assertThat(decision.events()).isEmpty();
        assertThat(decision.followUps()).hasSize(1);
        assertThat(bobs.blockers()).containsExactly(Username.of(ALICE.value()));
    }
}
