package dev.relations.engine;

import dev.relations.domain.common.Tenant;
import dev.relations.domain.contact.RosterLimits;
import dev.relations.domain.room.RoomLimits;
import dev.relations.domain.seat.SeatLimits;
import dev.relations.schemas.AddRoomMember;
import dev.relations.schemas.AddRoomMembers;
import dev.relations.schemas.BlockUsers;
import dev.relations.schemas.CommandEnvelope;
import dev.relations.schemas.ImportContacts;
import dev.relations.schemas.Outcome;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.relations.engine.TopologyHarness.addBody;
import static dev.relations.engine.TopologyHarness.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batches whose peer never answers (an import, a block batch, a room's batch add): at the
 * deadline each settles with the answers it has, gives back what it held for the silent peer,
 * and answers the request; the peer's answer arriving later changes nothing. The engine's own
 * steps are held, so the test decides which ones run, and when.
 */
class BatchDeadlineTest extends TopologyTest {
    private static final Tenant CHAT = new Tenant("acme", "chat");
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** Two contacts, two blocks and two rooms per user. */
    private static final Limits LIMITS = new Limits(tenant -> new RosterLimits(2, 2), tenant -> RoomLimits.defaults(),
            tenant -> new SeatLimits(2));

    @Override
    TopologyHarness harness(Path stateDir) {
        return new TopologyHarness(stateDir, LIMITS, RequestRetention.of(RelationsTopology.REQUEST_RETENTION),
                DEADLINE, true);
    }

    @BeforeEach
    void runHeldStepsOfTheUsers() {
        relations.givenRunningHeldSteps(CHAT, "alice", "bob", "carol", "dave");
    }

    @Test
    void an_import_whose_target_never_answers_is_answered_at_the_deadline_with_that_target_unknown() {
        var requestId = relations.submit(CHAT, "alice", new ImportContacts("alice", List.of("bob", "carol"), true));
        runAllBut("bob");
        passTheDeadline();

        var outcome = onlyOutcome(requestId);
        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getDataJson()).isEqualTo(
                "{\"UnKnowFailed\":[\"bob\"],\"success\":[\"carol\"],\"NotExistFailed\":[],\"maxLimitFailed\":[]}");
        assertThat(relations.edges(CHAT, "alice")).containsExactly("carol");
        assertThat(relations.size(CHAT, "alice")).isEqualTo(1);
        // bob's slot is free again: with a limit of two contacts, another add succeeds.
        assertThat(addAndRunChain("alice", "dave").getStatus()).isEqualTo(200);
    }

    @Test
    void an_imports_answer_arriving_after_the_deadline_changes_nothing_and_rolls_the_targets_side_back() {
        var requestId = relations.submit(CHAT, "alice", new ImportContacts("alice", List.of("bob", "carol"), true));
        var dropped = runAllBut("bob");
        passTheDeadline();
        assertThat(onlyOutcome(requestId).getStatus()).isEqualTo(200);

        deliverLate(dropped);

        assertThat(relations.outcomes.isEmpty()).as("a second verdict").isTrue();
        assertThat(relations.edges(CHAT, "alice")).containsExactly("carol");
        assertThat(relations.size(CHAT, "alice")).isEqualTo(1);
        assertThat(relations.edges(CHAT, "bob")).isEmpty();
        assertThat(relations.size(CHAT, "bob")).isZero();
        assertThat(TopologyHarness.allKeys(relations.batches())).as("batches kept").isEmpty();
        assertThat(addAndRunChain("alice", "dave").getStatus()).isEqualTo(200);
    }

    @Test
    void a_block_batch_whose_target_never_answers_is_dropped_whole_at_the_deadline_and_answered_500() {
        var requestId = relations.submit(CHAT, "alice", new BlockUsers("alice", List.of("bob", "carol")));
        runAllBut("bob");
        passTheDeadline();

        assertRejected(onlyOutcome(requestId), 500, "internal_server_error", "InternalServerErrorException",
                "Internal server error");
        assertThat(relations.blockEdges(CHAT, "alice")).isEmpty();
        assertThat(relations.blockCount(CHAT, "alice")).isZero();
        assertThat(relations.blockersOf(CHAT, "carol")).as("carol, who answered, forgets the blocker").isEmpty();
        // Both places are free again: with a limit of two blocks, the same batch succeeds now.
        assertThat(blockAndRunChain("alice", "bob", "carol").getStatus()).isEqualTo(200);
        assertThat(relations.blockListing(CHAT, "alice")).containsExactly("bob", "carol");
    }

    @Test
    void a_block_batch_answer_arriving_after_the_deadline_changes_nothing_and_its_target_forgets_the_blocker() {
        var requestId = relations.submit(CHAT, "alice", new BlockUsers("alice", List.of("bob", "carol")));
        var dropped = runAllBut("bob");
        passTheDeadline();
        assertThat(onlyOutcome(requestId).getStatus()).isEqualTo(500);

        deliverLate(dropped);

        assertThat(relations.outcomes.isEmpty()).as("a second verdict").isTrue();
        assertThat(relations.blockEdges(CHAT, "alice")).isEmpty();
        assertThat(relations.blockCount(CHAT, "alice")).isZero();
        assertThat(relations.blockersOf(CHAT, "bob")).isEmpty();
        assertThat(TopologyHarness.allKeys(relations.batches())).as("batches kept").isEmpty();
        assertThat(blockAndRunChain("alice", "bob", "carol").getStatus()).isEqualTo(200);
    }

    @Test
    void a_room_batch_add_whose_user_never_answers_is_answered_at_the_deadline_without_that_user() {
        givenRoom("101", 3, "alice");
        var requestId = relations.submitToRoom(CHAT, "101", new AddRoomMembers("101", List.of("bob", "carol")));
        runAllBut("bob");
        passTheDeadline();

        var outcome = onlyOutcome(requestId);
        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getDataJson()).contains("\"newmembers\":[\"carol\"]");
        assertThat(rooms.roles(CHAT, "101")).isEqualTo(Map.of("alice", "OWNER", "carol", "MEMBER"));
        assertThat(rooms.roomCounter(CHAT, "101", "members")).isEqualTo(2);
        // bob's place is free again: the room holds three, and dave takes the third.
        assertThat(addMemberAndRunChain("101", "dave").getStatus()).isEqualTo(200);
        assertThat(rooms.memberOrder(CHAT, "101")).containsExactly("alice", "carol", "dave");
    }

    @Test
    void a_room_batch_answer_arriving_after_the_deadline_changes_nothing_and_gives_the_users_seat_back() {
        givenRoom("101", 3, "alice");
        var requestId = relations.submitToRoom(CHAT, "101", new AddRoomMembers("101", List.of("bob", "carol")));
        var dropped = runAllBut("bob");
        passTheDeadline();
        assertThat(onlyOutcome(requestId).getStatus()).isEqualTo(200);

        deliverLate(dropped);

        assertThat(relations.outcomes.isEmpty()).as("a second verdict").isTrue();
        assertThat(rooms.roles(CHAT, "101")).isEqualTo(Map.of("alice", "OWNER", "carol", "MEMBER"));
        assertThat(rooms.seats(CHAT, "bob")).isEmpty();
        assertThat(rooms.seatCount(CHAT, "bob")).isZero();
        assertThat(TopologyHarness.allKeys(relations.store(dev.relations.store.StoreNames.ROOM_BATCHES)))
                .as("batches kept").isEmpty();
        // bob's two seats are both free: he joins two rooms.
        givenRoom("102", 3, "carol");
        givenRoom("103", 3, "dave");
        assertThat(addMemberAndRunChain("102", "bob").getStatus()).isEqualTo(200);
        assertThat(addMemberAndRunChain("103", "bob").getStatus()).isEqualTo(200);
    }

    @Test
    void a_room_creation_whose_member_never_answers_fails_whole_at_the_deadline_and_every_seat_goes_back() {
        var create = RoomSteps.createBody("101", 3, "alice", "bob", "carol");
        var requestId = relations.submitToRoom(CHAT, "101", create);
        var dropped = runAllBut("bob");
        passTheDeadline();

        assertRejected(onlyOutcome(requestId), 500, "internal_server_error", "InternalServerErrorException",
                "Internal server error");
        assertThat(rooms.room(CHAT, "101")).isNull();
        assertThat(rooms.roles(CHAT, "101")).isEmpty();
        assertThat(rooms.seats(CHAT, "alice")).isEmpty();
        assertThat(rooms.seats(CHAT, "carol")).isEmpty();

        deliverLate(dropped);

        assertThat(relations.outcomes.isEmpty()).as("a second verdict").isTrue();
        assertThat(rooms.room(CHAT, "101")).isNull();
        assertThat(rooms.seats(CHAT, "bob")).isEmpty();
        assertThat(relations.runChain(relations.submitToRoom(CHAT, "101", create)).getStatus()).isEqualTo(200);
        assertThat(rooms.memberOrder(CHAT, "101")).containsExactly("alice", "bob", "carol");
    }

    /** Runs every held step except those addressed to {@code silent}, and answers those, not run. */
    private List<KeyValue<String, CommandEnvelope>> runAllBut(String silent) {
        var held = relations.heldSteps.readKeyValuesToList();
        var dropped = held.stream().filter(step -> step.key.endsWith("/user/" + silent)).toList();
        assertThat(dropped).as("steps to %s", silent).hasSize(1);
        held.stream().filter(step -> !dropped.contains(step)).forEach(relations::deliver);
        relations.deliverAllHeld();
        return dropped;
    }

    /** The deadline passes and the sweep runs; the steps it sends are delivered. */
    private void passTheDeadline() {
        relations.advanceWallClock(DEADLINE.minusSeconds(1));
        relations.deliverAllHeld();
        assertThat(relations.outcomes.isEmpty()).as("answered before the deadline").isTrue();
        relations.advanceWallClock(Duration.ofSeconds(6));
        relations.deliverAllHeld();
    }

    private void deliverLate(List<KeyValue<String, CommandEnvelope>> dropped) {
        relations.clearOutputs();
        dropped.forEach(relations::deliver);
        relations.deliverAllHeld();
    }

    private Outcome onlyOutcome(String requestId) {
        var answered = relations.outcomes.readKeyValuesToList();
        assertThat(answered).extracting(kv -> kv.key).containsExactly(requestId);
        return answered.getFirst().value;
    }

    private void givenRoom(String room, int maxUsers, String owner) {
        var requestId = relations.submitToRoom(CHAT, room, RoomSteps.createBody(room, maxUsers, owner));
        assertThat(relations.runChain(requestId).getStatus()).isEqualTo(200);
    }

    private Outcome addAndRunChain(String owner, String friend) {
        return relations.runChain(relations.submit(CHAT, owner, addBody(owner, friend)));
    }

    private Outcome blockAndRunChain(String owner, String... targets) {
        return relations.runChain(relations.submit(CHAT, owner, new BlockUsers(owner, List.of(targets))));
    }

    private Outcome addMemberAndRunChain(String room, String user) {
        return relations.runChain(relations.submitToRoom(CHAT, room, new AddRoomMember(room, user)));
    }
}
