package dev.relations.engine;

import dev.relations.store.Keys;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.contact.RosterLimits;
import dev.relations.schemas.AddContact;
import dev.relations.schemas.ContactAdded;
import dev.relations.schemas.ContactRemoved;
import dev.relations.schemas.DeleteUser;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.Notification;
import dev.relations.schemas.Outcome;
import dev.relations.schemas.RemoveContact;
import dev.relations.schemas.UserDeleted;
import dev.relations.schemas.UserRegistered;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import static dev.relations.engine.TopologyHarness.ADD_API;
import static dev.relations.engine.TopologyHarness.addBody;
import static dev.relations.engine.TopologyHarness.name;
import static dev.relations.engine.TopologyHarness.uuid;
import static dev.relations.engine.TopologyHarness.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The whole topology on {@link TopologyHarness}: commands in; outcomes, events, notifications and stores out. */
class RelationsTopologyTest extends TopologyTest {
    private static final Tenant CHAT = new Tenant("acme", "chat");
    private static final Tenant OTHER = new Tenant("acme", "other");
    /** A plan whose users hold one contact at most. */
    private static final Tenant TINY = new Tenant("acme", "tiny");

    @Override
    TopologyHarness harness(Path stateDir) {
        return new TopologyHarness(stateDir, tenant -> new RosterLimits(tenant.equals(TINY) ? 1 : 100));
    }

    // ------------------------------------------------------------------ users

    @Test
    void registering_a_user_answers_its_entity_and_publishes_user_registered() {
        var outcome = relations.register(CHAT, "alice");

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getEntities()).containsExactly(view("alice"));
        assertThat(outcome.getSubjectUuid()).isEqualTo(uuid("alice"));
        assertThat(relations.events.readValuesToList())
                .extracting(EventEnvelope::getEventType, TopologyHarness::aggregateKey, EventEnvelope::getSeq, EventEnvelope::getPayload)
                .containsExactly(tuple("user.registered", "acme#chat/user/alice", 1L, new UserRegistered(view("alice"))));
        assertThat(relations.users().get(Keys.userEntry(CHAT, name("alice")))).isNotNull();
    }

    @Test
    void registering_a_taken_username_answers_400_duplicate_and_publishes_nothing() {
        relations.register(CHAT, "alice");
        relations.events.readValuesToList();

        var outcome = relations.register(CHAT, "alice");

        assertRejected(outcome, 400, "duplicate_unique_property_exists", "DuplicateUniquePropertyExistsException",
                "Application chat Entity user requires that property named username be unique, value of alice exists");
        assertThat(relations.events.readValuesToList()).isEmpty();
    }

    // ------------------------------------------------------------------ add

    @Test
    void adding_a_friend_befriends_both_sides_and_answers_the_friends_entity() {
        relations.given(CHAT, "alice", "bob");

        var outcome = relations.add(CHAT, "alice", "bob");

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getEntities()).containsExactly(view("bob"));
        assertThat(outcome.getSubjectUuid()).isEqualTo(uuid("alice"));
        assertThat(relations.confirmedEdge(CHAT, "alice", "bob")).isTrue();
        assertThat(relations.confirmedEdge(CHAT, "bob", "alice")).isTrue();
        assertThat(relations.size(CHAT, "alice")).isEqualTo(1);
        assertThat(relations.size(CHAT, "bob")).isEqualTo(1);
    }

    @Test
    void a_mutual_add_publishes_contact_added_on_each_aggregate_after_its_earlier_events() {
        relations.given(CHAT, "alice", "bob");

        relations.add(CHAT, "alice", "bob");

        var published = relations.events.readValuesToList();
        assertThat(published)
                .extracting(EventEnvelope::getEventType, TopologyHarness::aggregateKey, EventEnvelope::getSeq, EventEnvelope::getPayload)
                .containsExactlyInAnyOrder(
                        tuple("contact.added", "acme#chat/user/alice", 2L, new ContactAdded("alice", "bob", true, "rest", true, "alice")),
                        tuple("contact.added", "acme#chat/user/bob", 2L, new ContactAdded("bob", "alice", true, "rest", true, "alice")));
        assertThat(published).allSatisfy(event -> {
            assertThat(event.getOrg()).isEqualTo("acme");
            assertThat(event.getApp()).isEqualTo("chat");
            assertThat(event.getRequest().getApi()).isEqualTo(ADD_API);
        });
    }

    @Test
    void a_mutual_add_tells_only_the_target_with_the_initiator_in_from() {
        relations.given(CHAT, "alice", "bob");

        relations.add(CHAT, "alice", "bob");

        // SPEC E.2: `add` goes to the target; from = {appkey}_{initiator}@easemob.com; reason = the request message.
        var told = relations.notifications.readKeyValuesToList();
        assertThat(told).extracting(kv -> kv.key).containsExactly("acme#chat/user/bob");
        var add = told.getFirst().value;
        var event = relations.events.readValuesToList().stream()
                .filter(e -> e.getAggregate().getId().equals("bob")).findFirst().orElseThrow();
        assertThat(add.getRecipient()).isEqualTo("bob");
        assertThat(add.getAudience()).isEqualTo("user");
        assertThat(add.getChatType()).isEqualTo("roster");
        assertThat(add.getType()).isEqualTo("roster.add");
        assertThat(add.getOperation()).isEqualTo("add");
        assertThat(add.getFrom()).isEqualTo("acme#chat_alice@easemob.com");
        assertThat(add.getReason()).isEmpty();
        assertThat(add.getRosterVer()).isNull();
        assertThat(add.getErrorCode()).isNull();
        assertThat(add.getOrg()).isEqualTo("acme");
        assertThat(add.getApp()).isEqualTo("chat");
        assertThat(add.getOccurredAt()).isEqualTo(TopologyHarness.NOW);
        assertThat(add.getEventId()).isEqualTo(event.getEventId());
    }

    @Test
    void an_add_without_notify_records_the_friendship_but_tells_nobody() {
        relations.given(CHAT, "alice", "bob");

        var outcome = relations.send(CHAT, "alice", new AddContact("alice", "bob", "rest", false));

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(relations.events.readValuesToList()).extracting(EventEnvelope::getEventType)
                .containsExactly("contact.added", "contact.added");
        assertThat(relations.notifications.readValuesToList()).isEmpty();
    }

    @Test
    void the_chain_of_an_add_runs_through_the_commands_topic() {
        relations.given(CHAT, "alice", "bob");

        relations.add(CHAT, "alice", "bob");

        assertThat(relations.followUps.readKeyValuesToList())
                .extracting(kv -> kv.key, kv -> kv.value.getBody().getClass().getSimpleName(), kv -> kv.value.getExternal())
                .containsExactly(
                        tuple("acme#chat/user/bob", "ReserveContactPeer", false),
                        tuple("acme#chat/user/alice", "ConfirmContact", false));
    }

    @Test
    void adding_a_missing_friend_answers_404_and_releases_the_owners_reservation() {
        relations.given(CHAT, "alice");

        var outcome = relations.add(CHAT, "alice", "nobody");

        assertRejected(outcome, 404, "service_resource_not_found", "UserNotFoundException", "Service resource not found");
        assertThat(relations.contacts().get(Keys.contact(CHAT, name("alice"), name("nobody")))).isNull();
        assertThat(relations.size(CHAT, "alice")).isZero();
        assertThat(relations.events.readValuesToList()).isEmpty();
        assertThat(relations.notifications.readValuesToList()).isEmpty();
    }

    @Test
    void adding_for_a_missing_owner_answers_404_without_asking_the_friend() {
        relations.given(CHAT, "bob");

        var outcome = relations.add(CHAT, "nobody", "bob");

        assertRejected(outcome, 404, "service_resource_not_found", "UserNotFoundException", "Service resource not found");
        assertThat(relations.followUps.readValuesToList()).isEmpty();
        assertThat(relations.size(CHAT, "bob")).isZero();
    }

    @Test
    void adding_oneself_answers_400_illegal_argument() {
        relations.given(CHAT, "alice");

        var outcome = relations.add(CHAT, "alice", "alice");

        assertRejected(outcome, 400, "illegal_argument", "IllegalArgumentException",
                "owner_username and friend_username can not be the same");
        assertThat(relations.size(CHAT, "alice")).isZero();
    }

    @Test
    void adding_a_friend_whose_roster_is_full_answers_403_and_changes_neither_side() {
        relations.given(TINY, "alice", "bob", "carol");
        relations.add(TINY, "bob", "carol");
        relations.clearOutputs();

        var outcome = relations.add(TINY, "alice", "bob");

        assertRejected(outcome, 403, "exceed_limit", "EasemobLimitExceededException", "user contact number exceed limit");
        assertThat(relations.contacts().get(Keys.contact(TINY, name("alice"), name("bob")))).isNull();
        assertThat(relations.size(TINY, "alice")).isZero();
        assertThat(relations.edges(TINY, "bob")).containsExactly("carol");
        assertThat(relations.size(TINY, "bob")).isEqualTo(1);
        assertThat(relations.events.readValuesToList()).isEmpty();
        assertThat(relations.notifications.readValuesToList()).isEmpty();
    }

    @Test
    void adding_with_a_full_roster_answers_403_at_once() {
        relations.given(TINY, "alice", "bob", "carol");
        relations.add(TINY, "alice", "carol");
        relations.clearOutputs();

        var outcome = relations.add(TINY, "alice", "bob");

        assertRejected(outcome, 403, "exceed_limit", "EasemobLimitExceededException", "user contact number exceed limit");
        assertThat(relations.followUps.readValuesToList()).isEmpty();
        assertThat(relations.size(TINY, "bob")).isZero();
    }

    @Test
    void adding_an_existing_friend_again_answers_200_and_publishes_nothing() {
        relations.given(CHAT, "alice", "bob");
        relations.add(CHAT, "alice", "bob");
        relations.clearOutputs();

        var outcome = relations.add(CHAT, "alice", "bob");

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getEntities()).containsExactly(view("bob"));
        assertThat(relations.events.readValuesToList()).isEmpty();
        assertThat(relations.size(CHAT, "alice")).isEqualTo(1);
        assertThat(relations.size(CHAT, "bob")).isEqualTo(1);
    }

    @Test
    void a_retried_request_gets_the_first_outcome_and_writes_nothing() {
        relations.given(CHAT, "alice", "bob");
        var first = relations.send(CHAT, "alice", "req-retried", addBody("alice", "bob"));
        relations.clearOutputs();

        var retry = relations.send(CHAT, "alice", "req-retried", addBody("alice", "bob"));

        assertThat(retry).isEqualTo(first);
        assertThat(relations.events.readValuesToList()).isEmpty();
        assertThat(relations.followUps.readValuesToList()).isEmpty();
        assertThat(relations.notifications.readValuesToList()).isEmpty();
    }

    @Test
    void a_retried_rejection_gets_the_first_rejection() {
        relations.given(CHAT, "alice");
        var first = relations.send(CHAT, "alice", "req-retried", addBody("alice", "nobody"));
        relations.register(CHAT, "nobody");
        relations.clearOutputs();

        var retry = relations.send(CHAT, "alice", "req-retried", addBody("alice", "nobody"));

        assertThat(retry).isEqualTo(first);
        assertThat(retry.getStatus()).isEqualTo(404);
        assertThat(relations.size(CHAT, "alice")).isZero();
    }

    // ------------------------------------------------------------------ remove

    @Test
    void removing_a_friend_removes_both_sides_and_tells_each() {
        relations.given(CHAT, "alice", "bob");
        relations.add(CHAT, "alice", "bob");
        relations.clearOutputs();

        var outcome = relations.send(CHAT, "alice", new RemoveContact("alice", "bob"));

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getEntities()).containsExactly(view("bob"));
        assertThat(relations.events.readValuesToList())
                .extracting(EventEnvelope::getEventType, TopologyHarness::aggregateKey, EventEnvelope::getSeq, EventEnvelope::getPayload)
                .containsExactlyInAnyOrder(
                        tuple("contact.removed", "acme#chat/user/alice", 3L, new ContactRemoved("alice", "bob", "REST", "alice", true)),
                        tuple("contact.removed", "acme#chat/user/bob", 3L, new ContactRemoved("bob", "alice", "REST", "alice", true)));
        // SPEC E.2: `remove` goes to the other side only, with the roster version of that side.
        var told = relations.notifications.readValuesToList();
        assertThat(told).extracting(Notification::getRecipient, Notification::getType, Notification::getOperation, Notification::getFrom)
                .containsExactly(tuple("bob", "roster.remove", "remove", "acme#chat_alice@easemob.com"));
        assertThat(told.getFirst().getRosterVer()).matches("[0-9a-f]{40}");
        assertThat(relations.edges(CHAT, "alice")).isEmpty();
        assertThat(relations.edges(CHAT, "bob")).isEmpty();
        assertThat(relations.size(CHAT, "alice")).isZero();
        assertThat(relations.size(CHAT, "bob")).isZero();
        assertThat(relations.listing(CHAT, "alice")).isEmpty();
    }

    @Test
    void removing_a_non_friend_answers_200_and_publishes_nothing() {
        relations.given(CHAT, "alice", "bob");

        var outcome = relations.send(CHAT, "alice", new RemoveContact("alice", "bob"));

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getEntities()).containsExactly(view("bob"));
        assertThat(relations.events.readValuesToList()).isEmpty();
    }

    @Test
    void removing_a_missing_friend_answers_404() {
        relations.given(CHAT, "alice");

        var outcome = relations.send(CHAT, "alice", new RemoveContact("alice", "nobody"));

        assertRejected(outcome, 404, "service_resource_not_found", "UserNotFoundException", "Service resource not found");
    }

    // ------------------------------------------------------------------ delete cascade

    @Test
    void deleting_a_user_removes_them_from_every_friends_roster_and_tells_the_friends() {
        relations.given(CHAT, "alice", "bob", "carol");
        relations.add(CHAT, "alice", "bob");
        relations.add(CHAT, "carol", "alice");
        relations.clearOutputs();

        var outcome = relations.send(CHAT, "alice", new DeleteUser("alice"));

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getEntities()).containsExactly(view("alice"));
        assertThat(relations.events.readValuesToList())
                .extracting(EventEnvelope::getEventType, TopologyHarness::aggregateKey, EventEnvelope::getPayload)
                .containsExactlyInAnyOrder(
                        tuple("user.deleted", "acme#chat/user/alice", new UserDeleted("alice")),
                        tuple("contact.removed", "acme#chat/user/alice", new ContactRemoved("alice", "bob", "OWNER_DELETED", "alice", true)),
                        tuple("contact.removed", "acme#chat/user/alice", new ContactRemoved("alice", "carol", "OWNER_DELETED", "alice", true)),
                        tuple("contact.removed", "acme#chat/user/bob", new ContactRemoved("bob", "alice", "USER_DELETED", "alice", true)),
                        tuple("contact.removed", "acme#chat/user/carol", new ContactRemoved("carol", "alice", "USER_DELETED", "alice", true)));
        assertThat(relations.notifications.readKeyValuesToList())
                .extracting(kv -> kv.key, kv -> kv.value.getType(), kv -> kv.value.getFrom())
                .containsExactlyInAnyOrder(
                        tuple("acme#chat/user/bob", "roster.remove", "acme#chat_alice@easemob.com"),
                        tuple("acme#chat/user/carol", "roster.remove", "acme#chat_alice@easemob.com"));
        assertThat(relations.users().get(Keys.userEntry(CHAT, name("alice")))).isNull();
        assertThat(relations.edges(CHAT, "alice")).isEmpty();
        assertThat(relations.edges(CHAT, "bob")).isEmpty();
        assertThat(relations.edges(CHAT, "carol")).isEmpty();
        assertThat(relations.size(CHAT, "bob")).isZero();
        assertThat(relations.size(CHAT, "carol")).isZero();
    }

    @Test
    void deleting_a_missing_user_answers_404() {
        var outcome = relations.send(CHAT, "nobody", new DeleteUser("nobody"));

        assertRejected(outcome, 404, "service_resource_not_found", "UserNotFoundException", "Service resource not found");
        assertThat(relations.events.readValuesToList()).isEmpty();
    }

    @Test
    void every_aggregates_events_are_numbered_one_by_one() {
        relations.register(CHAT, "alice");
        relations.register(CHAT, "bob");
        relations.register(CHAT, "carol");
        relations.add(CHAT, "alice", "bob");
        relations.add(CHAT, "carol", "alice");
        relations.send(CHAT, "alice", new RemoveContact("alice", "bob"));
        relations.send(CHAT, "carol", new DeleteUser("carol"));

        var seqs = new LinkedHashMap<String, List<Long>>();
        relations.events.readValuesToList().forEach(e -> seqs.computeIfAbsent(TopologyHarness.aggregateKey(e), id -> new ArrayList<>()).add(e.getSeq()));
        assertThat(seqs.get("acme#chat/user/alice")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(seqs.get("acme#chat/user/bob")).containsExactly(1L, 2L, 3L);
        assertThat(seqs.get("acme#chat/user/carol")).containsExactly(1L, 2L, 3L, 4L);
    }

    // ------------------------------------------------------------------ tenants

    @Test
    void the_same_username_registers_separately_in_each_app() {
        relations.given(CHAT, "alice");

        var outcome = relations.register(OTHER, "alice");

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(relations.users().get(Keys.userEntry(OTHER, name("alice")))).isNotNull();
    }

    @Test
    void an_app_does_not_see_the_users_or_friendships_of_another() {
        relations.given(CHAT, "alice", "bob");
        relations.given(OTHER, "alice");
        relations.add(CHAT, "alice", "bob");
        relations.clearOutputs();

        var outcome = relations.add(OTHER, "alice", "bob");

        assertRejected(outcome, 404, "service_resource_not_found", "UserNotFoundException", "Service resource not found");
        assertThat(relations.edges(OTHER, "alice")).isEmpty();
        assertThat(relations.size(OTHER, "alice")).isZero();
        assertThat(relations.edges(CHAT, "alice")).containsExactly("bob");
    }

    private static void assertRejected(Outcome outcome, int status, String error, String exception, String description) {
        assertThat(outcome.getStatus()).as("status").isEqualTo(status);
        assertThat(outcome.getError()).as("error").isEqualTo(error);
        assertThat(outcome.getException()).as("exception").isEqualTo(exception);
        assertThat(outcome.getErrorDescription()).as("error_description").isEqualTo(description);
        assertThat(outcome.getEntities()).isEmpty();
    }
}
