package dev.relations.engine;

import dev.relations.domain.common.Tenant;
import dev.relations.domain.contact.RosterLimits;
import dev.relations.schemas.ContactAdded;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.ImportContacts;
import dev.relations.schemas.Outcome;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static dev.relations.engine.TopologyHarness.allKeys;
import static dev.relations.engine.TopologyHarness.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Contact import through the whole topology: per-target mutual adds, one answer with Easemob's buckets. */
class RelationsTopologyImportTest extends TopologyTest {
    private static final Tenant CHAT = new Tenant("acme", "chat");
    /** A plan whose users hold three contacts at most. */
    private static final Tenant SMALL = new Tenant("acme", "small");

    @Override
    TopologyHarness harness(Path stateDir) {
        return new TopologyHarness(stateDir, tenant -> new RosterLimits(tenant.equals(SMALL) ? 3 : 100));
    }

    @Test
    void an_import_answers_each_target_in_its_bucket_in_request_order() {
        relations.given(SMALL, "alice", "bob", "dave", "erin", "frank", "gina");
        fillRosterOf("dave", "erin", "frank", "gina");

        var outcome = importing(SMALL, "alice", true, "bob", "nobody", "dave", "bad name!");

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getDataJson()).isEqualTo(
                "{\"UnKnowFailed\":[],\"success\":[\"bob\"],\"NotExistFailed\":[\"nobody\",\"bad name!\"],\"maxLimitFailed\":[\"dave\"]}");
    }

    @Test
    void an_import_keeps_only_the_friendships_that_succeeded() {
        relations.given(SMALL, "alice", "bob", "dave", "erin", "frank", "gina");
        fillRosterOf("dave", "erin", "frank", "gina");

        importing(SMALL, "alice", true, "bob", "nobody", "dave");

        assertThat(relations.edges(SMALL, "alice")).containsExactly("bob");
        assertThat(relations.size(SMALL, "alice")).isEqualTo(1);
        assertThat(relations.confirmedEdge(SMALL, "bob", "alice")).isTrue();
        assertThat(relations.edges(SMALL, "dave")).containsExactly("erin", "frank", "gina");
        assertThat(allKeys(relations.batches())).isEmpty();
    }

    @Test
    void a_slot_freed_by_a_missing_target_goes_to_a_target_waiting_for_one() {
        relations.given(SMALL, "alice", "bob", "carol", "dave", "erin");
        fillRosterOf("alice", "erin");

        var outcome = importing(SMALL, "alice", true, "nobody", "bob", "carol", "dave");

        assertThat(outcome.getDataJson()).isEqualTo(
                "{\"UnKnowFailed\":[],\"success\":[\"bob\",\"carol\"],\"NotExistFailed\":[\"nobody\"],\"maxLimitFailed\":[\"dave\"]}");
        assertThat(relations.edges(SMALL, "alice")).containsExactlyInAnyOrder("bob", "carol", "erin");
        assertThat(relations.size(SMALL, "alice")).isEqualTo(3);
        assertThat(relations.size(SMALL, "dave")).isZero();
    }

    @Test
    void importing_oneself_lands_in_unknown_failed() {
        relations.given(CHAT, "alice", "bob");

        var outcome = importing(CHAT, "alice", false, "alice", "bob");

        assertThat(outcome.getDataJson()).isEqualTo(
                "{\"UnKnowFailed\":[\"alice\"],\"success\":[\"bob\"],\"NotExistFailed\":[],\"maxLimitFailed\":[]}");
    }

    @Test
    void an_import_without_notice_records_contact_added_on_both_sides_but_tells_nobody() {
        relations.given(CHAT, "alice", "bob", "carol");

        importing(CHAT, "alice", false, "bob", "carol");

        assertThat(relations.events.readValuesToList())
                .extracting(TopologyHarness::aggregateKey, EventEnvelope::getEventType, EventEnvelope::getPayload)
                .containsExactlyInAnyOrder(
                        tuple("acme#chat/user/alice", "contact.added", new ContactAdded("alice", "bob", true, "import", false, "alice")),
                        tuple("acme#chat/user/bob", "contact.added", new ContactAdded("bob", "alice", true, "import", false, "alice")),
                        tuple("acme#chat/user/alice", "contact.added", new ContactAdded("alice", "carol", true, "import", false, "alice")),
                        tuple("acme#chat/user/carol", "contact.added", new ContactAdded("carol", "alice", true, "import", false, "alice")));
        assertThat(relations.notifications.readValuesToList()).isEmpty();
    }

    @Test
    void an_import_with_notice_tells_each_imported_user_that_the_owner_added_it() {
        relations.given(CHAT, "alice", "bob");

        importing(CHAT, "alice", true, "bob");

        assertThat(relations.notifications.readKeyValuesToList())
                .extracting(kv -> kv.key, kv -> kv.value.getType(), kv -> kv.value.getFrom())
                .containsExactly(tuple("acme#chat/user/bob", "roster.add", "acme#chat_alice@easemob.com"));
    }

    @Test
    void importing_existing_friends_answers_success_and_publishes_nothing() {
        relations.given(CHAT, "alice", "bob");
        relations.add(CHAT, "alice", "bob");
        relations.clearOutputs();

        var outcome = importing(CHAT, "alice", true, "bob");

        assertThat(outcome.getDataJson()).isEqualTo(
                "{\"UnKnowFailed\":[],\"success\":[\"bob\"],\"NotExistFailed\":[],\"maxLimitFailed\":[]}");
        assertThat(relations.events.readValuesToList()).isEmpty();
        assertThat(relations.followUps.readValuesToList()).isEmpty();
    }

    @Test
    void importing_with_a_full_roster_answers_403_inviters_max_count() {
        relations.given(SMALL, "alice", "bob", "carol", "dave", "erin");
        fillRosterOf("alice", "bob", "carol", "dave");
        relations.clearOutputs();

        var outcome = importing(SMALL, "alice", true, "erin");

        assertRejected(outcome, 403, "exceed_limit", "EasemobLimitExceededException", "Inviter's contact max count.");
        assertThat(relations.followUps.readValuesToList()).isEmpty();
    }

    @Test
    void importing_for_an_unknown_owner_answers_404() {
        relations.given(CHAT, "bob");

        var outcome = importing(CHAT, "nobody", true, "bob");

        assertRejected(outcome, 404, "service_resource_not_found", "UserNotFoundException", "Service resource not found");
        assertThat(relations.size(CHAT, "bob")).isZero();
    }

    private Outcome importing(Tenant tenant, String owner, boolean notice, String... targets) {
        return relations.send(tenant, owner, new ImportContacts(owner, List.of(targets), notice));
    }

    private void fillRosterOf(String owner, String... friends) {
        for (var friend : friends) {
            assertThat(relations.add(SMALL, owner, friend).getStatus()).isEqualTo(200);
        }
        relations.clearOutputs();
    }
}
