package dev.relations.engine;

import dev.relations.store.StoreNames;
import dev.relations.schemas.AddRoomMember;
import dev.relations.schemas.AllowRoomMember;
import dev.relations.schemas.BlockRoomMember;
import dev.relations.schemas.DeleteRoom;
import dev.relations.schemas.DeleteUser;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.MuteRoomMembers;
import dev.relations.schemas.RemoveRoomMember;
import dev.relations.schemas.RoomAllowlistRemoved;
import dev.relations.schemas.RoomBlocklistRemoved;
import dev.relations.schemas.RoomDeleted;
import dev.relations.schemas.RoomMembersLeft;
import dev.relations.schemas.RoomMutesRemoved;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.relations.engine.RoomSteps.CHAT;
import static dev.relations.engine.RoomSteps.FEW;
import static dev.relations.engine.TopologyHarness.allKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What a room's deletion and a user's deletion take with them across both kinds of aggregate. */
class RelationsTopologyRoomCascadeTest extends TopologyTest {
    @Test
    void deleting_a_room_answers_success_and_tells_every_member_they_left() {
        relations.given(CHAT, "alice", "bob");
        rooms.givenRoom(CHAT, "100", "alice", "bob");

        var outcome = relations.sendToRoom(CHAT, "100", new DeleteRoom("100"));

        assertThat(outcome.getDataJson()).isEqualTo("{\"success\":true,\"id\":\"100\"}");
        assertThat(rooms.room(CHAT, "100")).isNull();
        assertThat(rooms.roles(CHAT, "100")).isEmpty();
        assertThat(rooms.memberOrder(CHAT, "100")).isEmpty();
        assertThat(relations.events.readValuesToList()).extracting(EventEnvelope::getEventType, EventEnvelope::getPayload)
                .containsExactly(tuple("room.members.left", new RoomMembersLeft("100", List.of("alice", "bob"), "DELETE")),
                        tuple("room.deleted", new RoomDeleted("100")));
        // SPEC E.3: LEAVE type DELETE to every member, then DELETE to the room.
        assertThat(relations.notifications.readKeyValuesToList())
                .extracting(kv -> kv.key, kv -> kv.value.getOperation(), kv -> kv.value.getOperationType(), kv -> kv.value.getMember())
                .containsExactly(tuple("acme#chat/user/alice", "LEAVE", "DELETE", List.of("alice", "bob")),
                        tuple("acme#chat/user/bob", "LEAVE", "DELETE", List.of("alice", "bob")),
                        tuple("acme#chat/room/100", "DELETE", null, List.of()));
    }

    @Test
    void deleting_a_room_frees_every_seat_so_a_user_at_the_limit_can_join_again() {
        relations.given(FEW, "o1", "o2", "o3", "bob");
        rooms.givenRoom(FEW, "1", "o1", "bob");
        rooms.givenRoom(FEW, "2", "o2", "bob");
        rooms.givenRoom(FEW, "3", "o3");

        relations.sendToRoom(FEW, "1", new DeleteRoom("1"));
        var joined = relations.sendToRoom(FEW, "3", new AddRoomMember("3", "bob"));

        assertThat(rooms.seats(FEW, "o1")).isEmpty();
        assertThat(joined.getStatus()).isEqualTo(200);
        assertThat(rooms.seats(FEW, "bob")).containsExactly("2", "3");
        assertThat(rooms.seatCount(FEW, "bob")).isEqualTo(2);
    }

    @Test
    void deleting_a_room_drops_its_mutes_from_the_expiry_index() {
        relations.given(CHAT, "alice", "bob");
        rooms.givenRoom(CHAT, "100", "alice", "bob");
        relations.sendToRoom(CHAT, "100", new MuteRoomMembers("100", List.of("bob"), 60_000L));

        relations.sendToRoom(CHAT, "100", new DeleteRoom("100"));

        assertThat(rooms.mutes(CHAT, "100")).isEmpty();
        assertThat(rooms.muteExpiryKeys()).isEmpty();
    }

    @Test
    void deleting_a_user_dissolves_the_rooms_they_own_and_leaves_the_others() {
        relations.given(CHAT, "alice", "bob", "carol");
        rooms.givenRoom(CHAT, "100", "alice", "bob", "carol");
        rooms.givenRoom(CHAT, "200", "bob", "alice", "carol");
        relations.sendToRoom(CHAT, "200", new MuteRoomMembers("200", List.of("alice"), 60_000L));
        relations.clearOutputs();

        var outcome = relations.send(CHAT, "alice", new DeleteUser("alice"));

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(rooms.room(CHAT, "100")).isNull();
        assertThat(rooms.roles(CHAT, "100")).isEmpty();
        assertThat(rooms.memberOrder(CHAT, "200")).containsExactly("bob", "carol");
        assertThat(rooms.mutes(CHAT, "200")).isEmpty();
        assertThat(rooms.muteExpiryKeys()).isEmpty();
        assertThat(rooms.seats(CHAT, "alice")).isEmpty();
        assertThat(rooms.seats(CHAT, "bob")).containsExactly("200");
        assertThat(rooms.seats(CHAT, "carol")).containsExactly("200");
        assertThat(relations.events.readValuesToList())
                .filteredOn(e -> e.getAggregate().getType().equals("chatroom"))
                .extracting(TopologyHarness::aggregateKey, EventEnvelope::getPayload)
                .containsExactlyInAnyOrder(
                        tuple("acme#chat/room/100", new RoomMembersLeft("100", List.of("alice"), "USER_DELETED")),
                        tuple("acme#chat/room/100", new RoomMembersLeft("100", List.of("bob", "carol"), "DELETE")),
                        tuple("acme#chat/room/100", new RoomDeleted("100")),
                        tuple("acme#chat/room/200", new RoomMembersLeft("200", List.of("alice"), "USER_DELETED")),
                        tuple("acme#chat/room/200", new RoomMutesRemoved("200", List.of("alice"), "USER_DELETED")));
        // The deleted owner is not told its own room dissolved, nor about its own entries.
        assertThat(relations.notifications.readKeyValuesToList())
                .filteredOn(kv -> kv.value.getChatType().equals("chatroom"))
                .extracting(kv -> kv.key, kv -> kv.value.getOperation(), kv -> kv.value.getOperationType(), kv -> kv.value.getMember())
                .containsExactlyInAnyOrder(
                        tuple("acme#chat/user/bob", "LEAVE", "DELETE", List.of("bob", "carol")),
                        tuple("acme#chat/user/carol", "LEAVE", "DELETE", List.of("bob", "carol")),
                        tuple("acme#chat/room/100", "DELETE", null, List.of()));
        assertThat(allKeys(relations.store(StoreNames.ROOM_BATCHES))).isEmpty();
    }

    /** SPEC B.3: the rooms a deleted user had left keep nothing on it, so a user registered again under the name starts clean. */
    @Test
    void deleting_a_user_clears_its_blocklist_allowlist_and_mute_entries_in_rooms_it_had_left() {
        relations.given(CHAT, "alice", "bob", "carol");
        rooms.givenRoom(CHAT, "100", "alice", "bob", "carol");
        relations.sendToRoom(CHAT, "100", new BlockRoomMember("100", "bob"));
        relations.sendToRoom(CHAT, "100", new AllowRoomMember("100", "carol"));
        relations.sendToRoom(CHAT, "100", new MuteRoomMembers("100", List.of("carol"), -1L));
        relations.sendToRoom(CHAT, "100", new RemoveRoomMember("100", "carol"));
        assertThat(rooms.seats(CHAT, "bob")).isEmpty();
        assertThat(rooms.seats(CHAT, "carol")).isEmpty();
        relations.clearOutputs();

        assertThat(relations.send(CHAT, "bob", new DeleteUser("bob")).getStatus()).isEqualTo(200);
        assertThat(relations.send(CHAT, "carol", new DeleteUser("carol")).getStatus()).isEqualTo(200);
        // The entries are gone (events with reason USER_DELETED), but the deleted names are told nothing.
        assertThat(relations.events.readValuesToList()).extracting(EventEnvelope::getPayload)
                .contains(new RoomBlocklistRemoved("100", List.of("bob"), "USER_DELETED"),
                        new RoomAllowlistRemoved("100", List.of("carol"), "USER_DELETED"),
                        new RoomMutesRemoved("100", List.of("carol"), "USER_DELETED"));
        assertThat(relations.notifications.readValuesToList()).isEmpty();
        relations.given(CHAT, "bob", "carol");

        assertThat(rooms.blocks(CHAT, "100")).isEmpty();
        assertThat(rooms.allows(CHAT, "100")).isEmpty();
        assertThat(rooms.mutes(CHAT, "100")).isEmpty();
        assertThat(allKeys(relations.store(StoreNames.ROOM_ENTRY_NOTES))).isEmpty();
        assertThat(rooms.create(CHAT, "200", "alice", "bob").getStatus()).isEqualTo(200);
    }
}
