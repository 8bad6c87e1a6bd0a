package dev.relations.engine;

import dev.relations.domain.common.Tenant;
import dev.relations.schemas.AddRoomMember;
import dev.relations.schemas.BlockUsers;
import dev.relations.schemas.DeleteUser;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.ImportContacts;
import dev.relations.schemas.Outcome;
import dev.relations.store.Keys;
import dev.relations.store.RoomStores;
import dev.relations.store.StoreNames;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static dev.relations.engine.TopologyHarness.addBody;
import static dev.relations.engine.TopologyHarness.allKeys;
import static dev.relations.engine.TopologyHarness.assertRejected;
import static dev.relations.engine.TopologyHarness.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * A step that throws inside the engine (a decider, a mapping, a serde, a store) is answered
 * 500, changes nothing, gives back what its chain reserved, and the next command runs.
 */
class RelationsTopologyFailureTest extends TopologyTest {
    private static final Tenant CHAT = new Tenant("acme", "chat");

    private final FailingLimits faults = new FailingLimits();

    @Override
    TopologyHarness harness(Path stateDir) {
        return new TopologyHarness(stateDir, faults.limits);
    }

    @Test
    void a_step_that_throws_half_way_is_answered_500_and_none_of_its_writes_or_records_remain() {
        relations.given(CHAT, "alice", "bob");
        assertThat(relations.add(CHAT, "alice", "bob").getStatus()).isEqualTo(200);
        long lastSeq = lastEventSeq("acme#chat/user/alice");
        relations.clearOutputs();
        // The deletion removes the user and publishes user.deleted before its cascade looks the limits up.
        faults.failRosterLookup(1);

        var outcome = relations.send(CHAT, "alice", "delete-1", new DeleteUser("alice"));

        assertInternalError(outcome);
        assertThat(relations.users().get(Keys.userEntry(CHAT, name("alice")))).isNotNull();
        assertThat(relations.edges(CHAT, "alice")).containsExactly("bob");
        assertThat(relations.confirmedEdge(CHAT, "bob", "alice")).isTrue();
        assertThat(relations.events.readValuesToList()).isEmpty();
        assertThat(relations.notifications.readValuesToList()).isEmpty();
        assertThat(relations.followUps.readValuesToList()).isEmpty();

        var retried = relations.send(CHAT, "alice", "delete-1", new DeleteUser("alice"));

        assertThat(retried.getStatus()).as("a retry with the same request id runs again").isEqualTo(200);
        assertThat(relations.users().get(Keys.userEntry(CHAT, name("alice")))).isNull();
        assertThat(relations.events.readValuesToList()).filteredOn(e -> TopologyHarness.aggregateKey(e).equals("acme#chat/user/alice"))
                .first()
                .extracting(EventEnvelope::getEventType, EventEnvelope::getSeq)
                .containsExactly("user.deleted", lastSeq + 1);
    }

    @Test
    void the_command_after_a_failed_one_on_the_same_partition_is_processed() {
        relations.given(CHAT, "alice");
        faults.failRosterLookup(1);
        assertInternalError(relations.add(CHAT, "alice", "bob"));

        assertThat(relations.register(CHAT, "bob").getStatus()).isEqualTo(200);
        assertThat(relations.add(CHAT, "alice", "bob").getStatus()).isEqualTo(200);
        assertThat(relations.confirmedEdge(CHAT, "alice", "bob")).isTrue();
    }

    @Test
    void a_command_under_a_record_key_that_names_no_aggregate_is_answered_500_and_the_next_one_runs() {
        relations.given(CHAT, "alice", "bob");

        var outcome = relations.sendTo("acme#chat/room/", CHAT, new DeleteUser("alice"));

        assertRejected(outcome, 500, "unsupported_service_operation", "UnsupportedServiceOperationException",
                "Service operation not supported");
        assertThat(relations.users().get(Keys.userEntry(CHAT, name("alice")))).isNotNull();
        assertThat(relations.add(CHAT, "alice", "bob").getStatus()).isEqualTo(200);
    }

    @Test
    void a_failed_friend_step_gives_the_owners_reserved_slot_back_and_answers_500() {
        relations.given(CHAT, "alice", "bob");
        // Lookups: alice reserves (1), bob's side adds (2).
        faults.failRosterLookup(2);

        assertInternalError(relations.add(CHAT, "alice", "bob"));

        assertThat(relations.edges(CHAT, "alice")).isEmpty();
        assertThat(relations.size(CHAT, "alice")).isZero();
        assertThat(relations.edges(CHAT, "bob")).isEmpty();
        assertThat(relations.size(CHAT, "bob")).isZero();
        assertThat(relations.add(CHAT, "alice", "bob").getStatus()).isEqualTo(200);
        assertThat(relations.confirmedEdge(CHAT, "alice", "bob")).isTrue();
        assertThat(relations.confirmedEdge(CHAT, "bob", "alice")).isTrue();
    }

    @Test
    void a_failed_confirm_gives_the_reserved_slot_back_and_a_retry_of_the_add_completes_the_pair() {
        relations.given(CHAT, "alice", "bob");
        // Lookups: alice reserves (1), bob's side adds (2), alice confirms (3).
        faults.failRosterLookup(3);

        assertInternalError(relations.add(CHAT, "alice", "bob"));

        assertThat(relations.edges(CHAT, "alice")).isEmpty();
        assertThat(relations.size(CHAT, "alice")).isZero();
        assertThat(relations.confirmedEdge(CHAT, "bob", "alice")).as("the friend's side stays added").isTrue();
        assertThat(relations.add(CHAT, "alice", "bob").getStatus()).isEqualTo(200);
        assertThat(relations.confirmedEdge(CHAT, "alice", "bob")).isTrue();
        assertThat(relations.size(CHAT, "alice")).isEqualTo(1);
        assertThat(relations.size(CHAT, "bob")).isEqualTo(1);
    }

    @Test
    void an_import_answers_a_target_whose_step_failed_as_unknown_failed_and_keeps_the_others() {
        relations.given(CHAT, "alice", "bob", "carol");
        relations.corrupt(StoreNames.USERS, Keys.userEntry(CHAT, name("carol")));

        var outcome = relations.send(CHAT, "alice", new ImportContacts("alice", List.of("bob", "carol"), false));

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getDataJson()).isEqualTo(
                "{\"UnKnowFailed\":[\"carol\"],\"success\":[\"bob\"],\"NotExistFailed\":[],\"maxLimitFailed\":[]}");
        assertThat(relations.edges(CHAT, "alice")).containsExactly("bob");
        assertThat(relations.size(CHAT, "alice")).isEqualTo(1);
        assertThat(allKeys(relations.batches())).isEmpty();
    }

    @Test
    void a_block_batch_with_a_failed_target_step_is_dropped_whole_and_answered_500() {
        relations.given(CHAT, "alice", "bob", "carol");
        relations.corrupt(StoreNames.USERS, Keys.userEntry(CHAT, name("carol")));

        assertInternalError(relations.send(CHAT, "alice", new BlockUsers("alice", List.of("bob", "carol"))));

        assertThat(relations.blockEdges(CHAT, "alice")).isEmpty();
        assertThat(relations.blockCount(CHAT, "alice")).isZero();
        assertThat(relations.blockersOf(CHAT, "bob")).isEmpty();
        assertThat(allKeys(relations.batches())).isEmpty();
        assertThat(relations.send(CHAT, "alice", new BlockUsers("alice", List.of("bob"))).getStatus()).isEqualTo(200);
    }

    @Test
    void a_failed_seat_step_gives_the_rooms_pending_place_back_and_answers_500() {
        relations.given(CHAT, "alice", "bob");
        rooms.givenRoom(CHAT, "100", "alice");
        faults.failSeatLookup(1);

        assertInternalError(relations.sendToRoom(CHAT, "100", new AddRoomMember("100", "bob")));

        assertOnlyTheOwnerIsIn("100", "bob");
        assertThat(relations.sendToRoom(CHAT, "100", new AddRoomMember("100", "bob")).getStatus()).isEqualTo(200);
        assertThat(rooms.memberOrder(CHAT, "100")).containsExactly("alice", "bob");
    }

    @Test
    void a_failed_confirm_of_a_join_releases_the_users_seat_and_the_pending_place() {
        relations.given(CHAT, "alice", "bob");
        rooms.givenRoom(CHAT, "100", "alice");
        // Lookups at the room: the add (1), the granted seat (2).
        faults.failRoomLookup(2);

        assertInternalError(relations.sendToRoom(CHAT, "100", new AddRoomMember("100", "bob")));

        assertOnlyTheOwnerIsIn("100", "bob");
    }

    /** No member but the owner, pending or not, and no seat held by the user who tried to join. */
    private void assertOnlyTheOwnerIsIn(String room, String joiner) {
        assertThat(rooms.roles(CHAT, room)).containsOnly(entry("alice", "OWNER"));
        assertThat(rooms.roomCounter(CHAT, room, RoomStores.MEMBERS)).isEqualTo(1);
        assertThat(rooms.seats(CHAT, joiner)).isEmpty();
        assertThat(rooms.seatCount(CHAT, joiner)).isZero();
    }

    private long lastEventSeq(String aggregateId) {
        return relations.events.readValuesToList().stream()
                .filter(e -> TopologyHarness.aggregateKey(e).equals(aggregateId))
                .mapToLong(EventEnvelope::getSeq)
                .max()
                .orElseThrow();
    }

    private static void assertInternalError(Outcome outcome) {
        assertRejected(outcome, 500, "internal_server_error", "InternalServerErrorException", "Internal server error");
    }
}
