package dev.relations.engine;

import dev.relations.store.Keys;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.contact.RosterLimits;
import dev.relations.schemas.ContactRemarkSet;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.SetRemark;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static dev.relations.engine.TopologyHarness.assertRejected;
import static dev.relations.engine.TopologyHarness.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Setting a remark through the whole topology; telling "not friends" from "no such user" takes the friend's partition. */
class RelationsTopologyRemarkTest extends TopologyTest {
    private static final Tenant CHAT = new Tenant("acme", "chat");

    @Override
    TopologyHarness harness(Path stateDir) {
        return new TopologyHarness(stateDir, tenant -> new RosterLimits(100));
    }

    @Test
    void a_remark_on_a_friend_answers_200_and_is_stored_on_the_owners_side_only() {
        relations.given(CHAT, "alice", "bob");
        relations.add(CHAT, "alice", "bob");
        relations.clearOutputs();

        var outcome = relations.send(CHAT, "alice", new SetRemark("alice", "bob", "college"));

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getError()).isNull();
        assertThat(relations.contacts().get(Keys.contact(CHAT, name("alice"), name("bob"))).getRemark()).isEqualTo("college");
        assertThat(relations.contacts().get(Keys.contact(CHAT, name("bob"), name("alice"))).getRemark()).isNull();
    }

    @Test
    void a_remark_publishes_contact_remark_set_and_notifies_nobody() {
        relations.given(CHAT, "alice", "bob");
        relations.add(CHAT, "alice", "bob");
        relations.clearOutputs();

        relations.send(CHAT, "alice", new SetRemark("alice", "bob", "college"));

        assertThat(relations.events.readValuesToList())
                .extracting(EventEnvelope::getEventType, TopologyHarness::aggregateKey, EventEnvelope::getPayload)
                .containsExactly(tuple("contact.remark_set", "acme#chat/user/alice", new ContactRemarkSet("alice", "bob", "college")));
        assertThat(relations.notifications.readValuesToList()).isEmpty();
    }

    @Test
    void a_remark_on_a_registered_non_friend_answers_400_illegal_argument() {
        relations.given(CHAT, "alice", "bob");

        var outcome = relations.send(CHAT, "alice", new SetRemark("alice", "bob", "college"));

        assertRejected(outcome, 400, "illegal_argument", "IllegalArgumentException",
                "updateRemark they are not friends, please add as a friend first.");
        assertThat(relations.events.readValuesToList()).isEmpty();
    }

    @Test
    void a_remark_on_an_unknown_user_answers_404() {
        relations.given(CHAT, "alice");

        var outcome = relations.send(CHAT, "alice", new SetRemark("alice", "nobody", "college"));

        assertRejected(outcome, 404, "service_resource_not_found", "UserNotFoundException", "Service resource not found");
    }

    @Test
    void a_remark_for_an_unknown_owner_answers_404_without_asking_the_friend() {
        relations.given(CHAT, "bob");

        var outcome = relations.send(CHAT, "nobody", new SetRemark("nobody", "bob", "college"));

        assertRejected(outcome, 404, "service_resource_not_found", "UserNotFoundException", "Service resource not found");
        assertThat(relations.followUps.readValuesToList()).isEmpty();
    }
}
