package dev.relations.engine;

import dev.relations.domain.common.Tenant;
import dev.relations.domain.contact.RosterLimits;
import dev.relations.schemas.AddRoomMember;
import dev.relations.schemas.ContactAdded;
import dev.relations.schemas.ContactRemoved;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.Outcome;
import dev.relations.schemas.ReserveContactPeer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static dev.relations.engine.TopologyHarness.addBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A contact add whose friend's step never answers: the owner's slot is released at the
 * deadline and the request answered; the answer arriving late leaves both rosters consistent.
 * The engine's own steps are held, so the test decides which ones run, and when.
 */
class ReservationDeadlineTest extends TopologyTest {
    private static final Tenant CHAT = new Tenant("acme", "chat");
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Override
    TopologyHarness harness(Path stateDir) {
        return new TopologyHarness(stateDir, Limits.withRoster(tenant -> new RosterLimits(1)),
                RequestRetention.of(RelationsTopology.REQUEST_RETENTION), DEADLINE, true);
    }

    @BeforeEach
    void runHeldStepsOfTheUsers() {
        relations.givenRunningHeldSteps(CHAT, "alice", "bob", "carol");
    }

    @Test
    void a_reservation_whose_friend_never_answers_is_released_at_the_deadline_and_the_request_answered() {
        var requestId = relations.submit(CHAT, "alice", addBody("alice", "bob"));
        var dropped = relations.heldSteps.readKeyValuesToList();
        assertThat(dropped).extracting(step -> step.value.getBody()).singleElement().isInstanceOf(ReserveContactPeer.class);
        assertThat(relations.edges(CHAT, "alice")).hasSize(1);

        relations.advanceWallClock(DEADLINE.minusSeconds(1));
        relations.deliverAllHeld();
        assertThat(relations.outcomes.isEmpty()).as("answered before the deadline").isTrue();
        assertThat(relations.edges(CHAT, "alice")).hasSize(1);

        relations.advanceWallClock(Duration.ofSeconds(6));
        relations.deliverAllHeld();

        var answered = relations.outcomes.readKeyValuesToList();
        assertThat(answered).extracting(kv -> kv.key).containsExactly(requestId);
        assertThat(answered.getFirst().value.getStatus()).isEqualTo(500);
        assertThat(relations.edges(CHAT, "alice")).isEmpty();
        assertThat(relations.size(CHAT, "alice")).isZero();
        // The slot is free again: with a limit of one contact, another add succeeds.
        assertThat(addAndRunChain("alice", "carol").getStatus()).isEqualTo(200);
    }

    @Test
    void the_friends_answer_arriving_after_the_release_leaves_both_rosters_consistent_and_tells_the_friend_remove() {
        relations.submit(CHAT, "alice", addBody("alice", "bob"));
        var dropped = relations.heldSteps.readKeyValuesToList();
        relations.advanceWallClock(DEADLINE.plusSeconds(5));
        relations.deliverAllHeld();
        assertThat(relations.outcomes.readValuesToList()).extracting(Outcome::getStatus).containsExactly(500);
        assertThat(addAndRunChain("alice", "carol").getStatus()).isEqualTo(200);
        relations.clearOutputs();

        dropped.forEach(relations::deliver);
        relations.deliverAllHeld();

        // alice is full again (carol took the slot): bob's side is rolled back, nothing is counted twice,
        // and the request is answered with the refusal a full roster gives.
        assertThat(relations.outcomes.readValuesToList()).extracting(Outcome::getStatus).containsExactly(403);
        assertThat(relations.listing(CHAT, "alice")).containsExactly("carol");
        assertThat(relations.size(CHAT, "alice")).isEqualTo(1);
        assertThat(relations.edges(CHAT, "bob")).isEmpty();
        assertThat(relations.size(CHAT, "bob")).isZero();
        // bob was told alice added it; the rollback tells it remove, from alice, so its client converges.
        assertThat(relations.events.readValuesToList())
                .filteredOn(event -> TopologyHarness.aggregateKey(event).equals("acme#chat/user/bob"))
                .extracting(EventEnvelope::getEventType, EventEnvelope::getPayload)
                .containsExactly(
                        tuple("contact.added", new ContactAdded("bob", "alice", true, "rest", true, "alice")),
                        tuple("contact.removed", new ContactRemoved("bob", "alice", "ROLLBACK", "alice", true)));
        assertThat(relations.notifications.readKeyValuesToList())
                .extracting(kv -> kv.key, kv -> kv.value.getOperation(), kv -> kv.value.getFrom(), kv -> kv.value.getRosterVer() != null)
                .containsExactly(
                        tuple("acme#chat/user/bob", "add", "acme#chat_alice@easemob.com", false),
                        tuple("acme#chat/user/bob", "remove", "acme#chat_alice@easemob.com", true));
    }

    @Test
    void an_answered_add_is_left_alone_when_its_deadline_passes() {
        assertThat(addAndRunChain("alice", "bob").getStatus()).isEqualTo(200);

        relations.advanceWallClock(DEADLINE.plusSeconds(5));
        relations.deliverAllHeld();

        assertThat(relations.outcomes.isEmpty()).isTrue();
        assertThat(relations.confirmedEdge(CHAT, "alice", "bob")).isTrue();
        assertThat(relations.confirmedEdge(CHAT, "bob", "alice")).isTrue();
    }

    @Test
    void a_settlement_overtaken_by_the_friends_answer_is_dropped_and_the_add_stands() {
        var requestId = relations.submit(CHAT, "alice", addBody("alice", "bob"));
        answerOvertakingTheSettlement(requestId);

        assertThat(relations.confirmedEdge(CHAT, "alice", "bob")).isTrue();
        assertThat(relations.confirmedEdge(CHAT, "bob", "alice")).isTrue();
        assertThat(relations.size(CHAT, "alice")).isEqualTo(1);
    }

    @Test
    void a_joins_settlement_overtaken_by_the_users_answer_is_dropped_and_the_user_keeps_the_seat() {
        relations.runChain(relations.submitToRoom(CHAT, "101", RoomSteps.createBody("101", 3, "alice")));
        var requestId = relations.submitToRoom(CHAT, "101", new AddRoomMember("101", "bob"));
        answerOvertakingTheSettlement(requestId);

        assertThat(rooms.memberOrder(CHAT, "101")).containsExactly("alice", "bob");
        assertThat(rooms.seats(CHAT, "bob")).containsExactly("101");
    }

    /**
     * The request's held peer step stays held past the deadline; it then runs and answers (200)
     * before what the sweep sent, which runs last and must change nothing.
     */
    private void answerOvertakingTheSettlement(String requestId) {
        var peerStep = relations.heldSteps.readKeyValuesToList();
        relations.advanceWallClock(DEADLINE.plusSeconds(5));
        var settlement = relations.heldSteps.readKeyValuesToList();
        assertThat(settlement).as("sent by the sweep").hasSize(1);

        peerStep.forEach(relations::deliver);
        relations.deliverAllHeld();
        assertThat(relations.outcomes.readKeyValuesToList()).extracting(kv -> kv.key, kv -> kv.value.getStatus())
                .containsExactly(tuple(requestId, 200));
        settlement.forEach(relations::deliver);
        relations.deliverAllHeld();
        assertThat(relations.outcomes.isEmpty()).as("a second verdict").isTrue();
    }

    private Outcome addAndRunChain(String owner, String friend) {
        return relations.runChain(relations.submit(CHAT, owner, addBody(owner, friend)));
    }
}
