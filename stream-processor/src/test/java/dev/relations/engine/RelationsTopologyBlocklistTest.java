package dev.relations.engine;

import dev.relations.domain.common.Tenant;
import dev.relations.domain.contact.RosterLimits;
import dev.relations.schemas.BlockUsers;
import dev.relations.schemas.DeleteUser;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.Outcome;
import dev.relations.schemas.UnblockUser;
import dev.relations.schemas.UserUnblocked;
import dev.relations.schemas.UsersBlocked;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static dev.relations.engine.TopologyHarness.allKeys;
import static dev.relations.engine.TopologyHarness.assertRejected;
import static dev.relations.engine.TopologyHarness.uuid;
import static dev.relations.engine.TopologyHarness.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The user blocklist through the whole topology: a block batch is all or nothing across partitions. */
class RelationsTopologyBlocklistTest extends TopologyTest {
    private static final Tenant CHAT = new Tenant("acme", "chat");
    /** A plan whose users may block two users at most. */
    private static final Tenant STRICT = new Tenant("acme", "strict");

    @Override
    TopologyHarness harness(Path stateDir) {
        return new TopologyHarness(stateDir, tenant -> new RosterLimits(100, tenant.equals(STRICT) ? 2 : 500));
    }

    @Test
    void blocking_users_answers_their_names_and_records_both_directions() {
        relations.given(CHAT, "alice", "bob", "carol");

        var outcome = block(CHAT, "alice", "bob", "carol");

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getDataJson()).isEqualTo("[\"bob\",\"carol\"]");
        assertThat(relations.blockListing(CHAT, "alice")).containsExactly("bob", "carol");
        assertThat(relations.blockCount(CHAT, "alice")).isEqualTo(2);
        assertThat(relations.blockersOf(CHAT, "bob")).containsExactly("alice");
        assertThat(relations.blockersOf(CHAT, "carol")).containsExactly("alice");
        assertThat(allKeys(relations.batches())).isEmpty();
    }

    @Test
    void a_block_publishes_block_added_with_the_new_targets() {
        relations.given(CHAT, "alice", "bob", "carol");

        block(CHAT, "alice", "bob", "carol");

        assertThat(relations.events.readValuesToList())
                .extracting(EventEnvelope::getEventType, TopologyHarness::aggregateKey, EventEnvelope::getPayload)
                .containsExactly(tuple("block.added", "acme#chat/user/alice", new UsersBlocked("alice", List.of("bob", "carol"))));
    }

    @Test
    void a_block_tells_each_newly_blocked_user_keyed_by_the_recipient() {
        relations.given(CHAT, "alice", "bob", "carol");
        block(CHAT, "alice", "bob");
        relations.clearOutputs();

        block(CHAT, "alice", "bob", "carol");

        assertThat(relations.notifications.readKeyValuesToList())
                .extracting(kv -> kv.key, kv -> kv.value.getRecipient(), kv -> kv.value.getType(), kv -> kv.value.getOperation(),
                        kv -> kv.value.getFrom(), kv -> kv.value.getErrorCode())
                .as("SPEC E.2: ban to the blocked user, status.error_code ok")
                .containsExactly(tuple("acme#chat/user/carol", "carol", "roster.ban", "ban", "acme#chat_alice@easemob.com", "ok"));
    }

    @Test
    void blocking_only_users_already_blocked_answers_200_and_publishes_nothing() {
        relations.given(CHAT, "alice", "bob");
        block(CHAT, "alice", "bob");
        relations.clearOutputs();

        var outcome = block(CHAT, "alice", "bob");

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getDataJson()).isEqualTo("[\"bob\"]");
        assertThat(relations.events.readValuesToList()).isEmpty();
        assertThat(relations.notifications.readValuesToList()).isEmpty();
        assertThat(relations.blockCount(CHAT, "alice")).isEqualTo(1);
    }

    @Test
    void a_batch_naming_an_unknown_user_answers_404_and_leaves_no_trace_anywhere() {
        relations.given(CHAT, "alice", "bob", "carol");

        var outcome = block(CHAT, "alice", "bob", "nobody", "carol");

        assertRejected(outcome, 404, "service_resource_not_found", "UserNotFoundException", "Service resource not found");
        assertThat(allKeys(relations.blocks())).isEmpty();
        assertThat(allKeys(relations.blockers())).isEmpty();
        assertThat(allKeys(relations.batches())).isEmpty();
        assertThat(relations.blockCount(CHAT, "alice")).isZero();
        assertThat(relations.events.readValuesToList()).isEmpty();
        assertThat(relations.notifications.readValuesToList()).isEmpty();
    }

    @Test
    void blocking_for_an_unknown_owner_answers_404_without_asking_anyone() {
        relations.given(CHAT, "bob");

        var outcome = block(CHAT, "nobody", "bob");

        assertRejected(outcome, 404, "service_resource_not_found", "UserNotFoundException", "Service resource not found");
        assertThat(relations.followUps.readValuesToList()).isEmpty();
    }

    @Test
    void blocking_oneself_answers_400_illegal_argument() {
        relations.given(CHAT, "alice", "bob");

        var outcome = block(CHAT, "alice", "bob", "alice");

        assertRejected(outcome, 400, "illegal_argument", "IllegalArgumentException", "user could not block himself");
        assertThat(allKeys(relations.blocks())).isEmpty();
    }

    @Test
    void blocking_past_the_plans_limit_answers_403_exceed_limit() {
        relations.given(STRICT, "alice", "bob", "carol", "dave");
        block(STRICT, "alice", "bob");

        var outcome = block(STRICT, "alice", "carol", "dave");

        assertRejected(outcome, 403, "exceed_limit", "EasemobLimitExceededException", "user block number exceed limit");
        assertThat(relations.blockEdges(STRICT, "alice")).containsExactly("bob");
    }

    @Test
    void blocking_a_friend_keeps_the_friendship() {
        relations.given(CHAT, "alice", "bob");
        relations.add(CHAT, "alice", "bob");

        block(CHAT, "alice", "bob");

        assertThat(relations.confirmedEdge(CHAT, "alice", "bob")).isTrue();
        assertThat(relations.confirmedEdge(CHAT, "bob", "alice")).isTrue();
    }

    @Test
    void unblocking_answers_the_targets_entity_and_forgets_both_directions() {
        relations.given(CHAT, "alice", "bob");
        block(CHAT, "alice", "bob");
        relations.clearOutputs();

        var outcome = relations.send(CHAT, "alice", new UnblockUser("alice", "bob"));

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getEntities()).containsExactly(view("bob"));
        assertThat(outcome.getSubjectUuid()).isEqualTo(uuid("alice"));
        assertThat(relations.blockEdges(CHAT, "alice")).isEmpty();
        assertThat(relations.blockListing(CHAT, "alice")).isEmpty();
        assertThat(relations.blockCount(CHAT, "alice")).isZero();
        assertThat(relations.blockersOf(CHAT, "bob")).isEmpty();
    }

    @Test
    void unblocking_publishes_block_removed_and_tells_the_unblocked_user() {
        relations.given(CHAT, "alice", "bob");
        block(CHAT, "alice", "bob");
        relations.clearOutputs();

        relations.send(CHAT, "alice", new UnblockUser("alice", "bob"));

        assertThat(relations.events.readValuesToList())
                .extracting(EventEnvelope::getEventType, TopologyHarness::aggregateKey, EventEnvelope::getPayload)
                .containsExactly(tuple("block.removed", "acme#chat/user/alice", new UserUnblocked("alice", "bob", "REST")));
        assertThat(relations.notifications.readKeyValuesToList())
                .extracting(kv -> kv.key, kv -> kv.value.getRecipient(), kv -> kv.value.getType(), kv -> kv.value.getOperation(),
                        kv -> kv.value.getFrom(), kv -> kv.value.getErrorCode())
                .as("SPEC E.2: allow to the unblocked user, status.error_code ok")
                .containsExactly(tuple("acme#chat/user/bob", "bob", "roster.allow", "allow", "acme#chat_alice@easemob.com", "ok"));
    }

    @Test
    void unblocking_an_unknown_user_answers_404() {
        relations.given(CHAT, "alice");

        var outcome = relations.send(CHAT, "alice", new UnblockUser("alice", "nobody"));

        assertRejected(outcome, 404, "service_resource_not_found", "UserNotFoundException", "Service resource not found");
    }

    @Test
    void deleting_a_blocked_user_removes_it_from_the_blockers_list_without_telling_anyone() {
        relations.given(CHAT, "alice", "bob", "carol");
        block(CHAT, "alice", "bob", "carol");
        relations.clearOutputs();

        relations.send(CHAT, "bob", new DeleteUser("bob"));

        assertThat(relations.blockListing(CHAT, "alice")).containsExactly("carol");
        assertThat(relations.blockCount(CHAT, "alice")).isEqualTo(1);
        assertThat(relations.events.readValuesToList())
                .extracting(EventEnvelope::getEventType, EventEnvelope::getPayload)
                .contains(tuple("block.removed", new UserUnblocked("alice", "bob", "USER_DELETED")));
        assertThat(relations.notifications.readValuesToList()).isEmpty();
    }

    @Test
    void deleting_a_blocker_clears_the_reverse_entry_at_each_blocked_user() {
        relations.given(CHAT, "alice", "bob", "carol");
        block(CHAT, "alice", "bob");
        block(CHAT, "carol", "bob");
        relations.clearOutputs();

        relations.send(CHAT, "alice", new DeleteUser("alice"));

        assertThat(relations.blockersOf(CHAT, "bob")).containsExactly("carol");
        assertThat(relations.blockEdges(CHAT, "alice")).isEmpty();
        assertThat(relations.events.readValuesToList())
                .extracting(EventEnvelope::getEventType, EventEnvelope::getPayload)
                .contains(tuple("block.removed", new UserUnblocked("alice", "bob", "OWNER_DELETED")));
        assertThat(relations.notifications.readValuesToList()).isEmpty();
    }

    private Outcome block(Tenant tenant, String owner, String... targets) {
        return relations.send(tenant, owner, new BlockUsers(owner, List.of(targets)));
    }
}
