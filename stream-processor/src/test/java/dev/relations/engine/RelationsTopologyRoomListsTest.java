package dev.relations.engine;

import dev.relations.schemas.AddRoomMember;
import dev.relations.schemas.AllowRoomMember;
import dev.relations.schemas.BlockRoomMember;
import dev.relations.schemas.DisallowRoomMembers;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.MuteRoomMembers;
import dev.relations.schemas.RoomBlocklistAdded;
import dev.relations.schemas.RoomMembersLeft;
import dev.relations.schemas.RoomMuteAllSet;
import dev.relations.schemas.RoomMutesRemoved;
import dev.relations.schemas.SetRoomMuteAll;
import dev.relations.schemas.UnblockRoomMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.relations.engine.RoomSteps.CHAT;
import static dev.relations.engine.TopologyHarness.NOW;
import static dev.relations.engine.TopologyHarness.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The room blocklist, allowlist, timed mutes with their wall-clock expiry, and mute-all. */
class RelationsTopologyRoomListsTest extends TopologyTest {
    @BeforeEach
    void givenARoomOfThree() {
        relations.given(CHAT, "alice", "bob", "carol");
        rooms.givenRoom(CHAT, "100", "alice", "bob", "carol");
    }

    @Test
    void blocking_a_member_removes_them_and_frees_their_seat() {
        var outcome = relations.sendToRoom(CHAT, "100", new BlockRoomMember("100", "bob"));

        assertThat(outcome.getDataJson())
                .isEqualTo("{\"result\":true,\"action\":\"add_blocks\",\"user\":\"bob\",\"chatroomid\":\"100\"}");
        assertThat(rooms.blocks(CHAT, "100")).containsExactly("bob");
        assertThat(rooms.memberOrder(CHAT, "100")).containsExactly("alice", "carol");
        assertThat(rooms.seats(CHAT, "bob")).isEmpty();
        assertThat(relations.events.readValuesToList()).extracting(EventEnvelope::getPayload).containsExactly(
                new RoomMembersLeft("100", List.of("bob"), "BLOCK"), new RoomBlocklistAdded("100", List.of("bob")));
    }

    @Test
    void a_blocked_user_cannot_rejoin_until_unblocked() {
        relations.sendToRoom(CHAT, "100", new BlockRoomMember("100", "bob"));

        var refused = relations.sendToRoom(CHAT, "100", new AddRoomMember("100", "bob"));
        var unblocked = relations.sendToRoom(CHAT, "100", new UnblockRoomMember("100", "bob"));
        var rejoined = relations.sendToRoom(CHAT, "100", new AddRoomMember("100", "bob"));

        assertRejected(refused, 403, "forbidden_op", "EasemobForbiddenOpException", "user bob is in blacklist of group: 100");
        assertThat(unblocked.getDataJson())
                .isEqualTo("{\"result\":true,\"action\":\"remove_blocks\",\"user\":\"bob\",\"chatroomid\":\"100\"}");
        assertThat(rejoined.getStatus()).isEqualTo(200);
        assertThat(rooms.blocks(CHAT, "100")).isEmpty();
        assertThat(rooms.seats(CHAT, "bob")).containsExactly("100");
    }

    @Test
    void allowing_and_disallowing_a_member_keeps_the_allowlist() {
        var allowed = relations.sendToRoom(CHAT, "100", new AllowRoomMember("100", "bob"));
        var listed = rooms.allows(CHAT, "100");
        var disallowed = relations.sendToRoom(CHAT, "100", new DisallowRoomMembers("100", List.of("bob")));

        assertThat(allowed.getDataJson())
                .isEqualTo("{\"result\":true,\"action\":\"add_user_whitelist\",\"user\":\"bob\",\"chatroomid\":\"100\"}");
        assertThat(listed).containsExactly("bob");
        assertThat(disallowed.getDataJson())
                .isEqualTo("[{\"result\":true,\"action\":\"remove_user_whitelist\",\"user\":\"bob\",\"chatroomid\":\"100\"}]");
        assertThat(rooms.allows(CHAT, "100")).isEmpty();
        assertThat(rooms.eventTypes()).containsExactly("room.allowlist.added", "room.allowlist.removed");
    }

    @Test
    void a_timed_mute_answers_its_expiry_and_is_indexed_by_due_time() {
        var outcome = relations.sendToRoom(CHAT, "100", new MuteRoomMembers("100", List.of("bob"), 60_000L));

        assertThat(outcome.getDataJson()).isEqualTo("[{\"result\":true,\"expire\":" + (NOW + 60_000) + ",\"user\":\"bob\"}]");
        assertThat(rooms.mutes(CHAT, "100")).containsExactly(Map.entry("bob", NOW + 60_000));
        assertThat(rooms.muteExpiryKeys()).containsExactly(String.format("%016x", NOW + 60_000) + "|acme#chat|100|bob");
    }

    @Test
    void a_timed_mute_is_lifted_by_the_wall_clock_once_due() {
        relations.sendToRoom(CHAT, "100", new MuteRoomMembers("100", List.of("bob"), 60_000L));
        relations.clearOutputs();

        relations.advanceWallClock(Duration.ofSeconds(59));
        var mutedBeforeDue = rooms.mutes(CHAT, "100");
        relations.advanceWallClock(Duration.ofSeconds(2));

        assertThat(mutedBeforeDue).containsOnlyKeys("bob");
        assertThat(rooms.mutes(CHAT, "100")).isEmpty();
        assertThat(rooms.muteExpiryKeys()).isEmpty();
        assertThat(relations.events.readValuesToList())
                .extracting(EventEnvelope::getEventType, TopologyHarness::aggregateKey, EventEnvelope::getPayload)
                .containsExactly(tuple("room.mutes.removed", "acme#chat/room/100",
                        new RoomMutesRemoved("100", List.of("bob"), "EXPIRED")));
        assertThat(relations.notifications.readValuesToList())
                .extracting(n -> n.getRecipient(), n -> n.getType(), n -> n.getOperationType(), n -> n.getRoom(), n -> n.getMember(),
                        n -> n.getOperator())
                .containsExactly(tuple("bob", "chatroom.MUTE", "REMOVE", "100", List.of("bob"), "@ppAdmin"));
        assertThat(relations.outcomes.readValuesToList()).isEmpty();
    }

    @Test
    void a_permanent_mute_is_never_swept() {
        var outcome = relations.sendToRoom(CHAT, "100", new MuteRoomMembers("100", List.of("bob"), -1L));
        relations.clearOutputs();

        relations.advanceWallClock(Duration.ofDays(365));

        assertThat(outcome.getDataJson()).isEqualTo("[{\"result\":true,\"expire\":-1,\"user\":\"bob\"}]");
        assertThat(rooms.mutes(CHAT, "100")).containsExactly(Map.entry("bob", -1L));
        assertThat(rooms.muteExpiryKeys()).isEmpty();
        assertThat(relations.events.readValuesToList()).isEmpty();
    }

    @Test
    void muting_the_owner_answers_403() {
        var outcome = relations.sendToRoom(CHAT, "100", new MuteRoomMembers("100", List.of("alice"), 60_000L));

        assertRejected(outcome, 403, "forbidden_op", "EasemobForbiddenOpException", "forbidden operation on group owner!");
        assertThat(rooms.mutes(CHAT, "100")).isEmpty();
    }

    @Test
    void mute_all_is_set_and_cleared_on_the_room() {
        var on = relations.sendToRoom(CHAT, "100", new SetRoomMuteAll("100", true));
        var flagWhileOn = rooms.room(CHAT, "100").getMuteAll();
        var off = relations.sendToRoom(CHAT, "100", new SetRoomMuteAll("100", false));

        assertThat(on.getDataJson()).isEqualTo("{\"mute\":true}");
        assertThat(flagWhileOn).isTrue();
        assertThat(off.getDataJson()).isEqualTo("{\"mute\":false}");
        assertThat(rooms.room(CHAT, "100").getMuteAll()).isFalse();
        assertThat(relations.events.readValuesToList()).extracting(EventEnvelope::getPayload)
                .containsExactly(new RoomMuteAllSet("100", true), new RoomMuteAllSet("100", false));
    }
}
