package dev.relations.engine;

import dev.relations.domain.common.RoomId;
import dev.relations.query.StateQueries.Ordered;
import dev.relations.schemas.AddRoomMember;
import dev.relations.schemas.AllowRoomMember;
import dev.relations.schemas.MuteRoomMembers;
import dev.relations.schemas.SetRoomMuteAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.relations.engine.RoomSteps.CHAT;
import static dev.relations.engine.TopologyHarness.NOW;
import static dev.relations.engine.TopologyHarness.name;
import static org.assertj.core.api.Assertions.assertThat;

/** The typed reads the HTTP module pages with, over state the topology wrote. */
class StateQueriesTest extends TopologyTest {
    private static final RoomId ROOM = new RoomId("100");

    @BeforeEach
    void givenARoomOfFour() {
        relations.given(CHAT, "alice", "bob", "carol", "dave", "erin");
        rooms.givenRoom(CHAT, "100", "alice", "bob");
        relations.sendToRoom(CHAT, "100", new AddRoomMember("100", "carol"));
        relations.sendToRoom(CHAT, "100", new AddRoomMember("100", "dave"));
    }

    @Test
    void members_page_in_join_order_after_a_cursor() {
        var first = relations.queries().membersInJoinOrder(CHAT, ROOM, 0L, 2);
        var rest = relations.queries().membersInJoinOrder(CHAT, ROOM, first.getLast().seq(), 10);

        assertThat(first).extracting(Ordered::name).containsExactly("alice", "bob");
        assertThat(rest).extracting(Ordered::name).containsExactly("carol", "dave");
    }

    @Test
    void members_page_latest_joined_first_below_a_cursor() {
        var first = relations.queries().membersLatestFirst(CHAT, ROOM, Long.MAX_VALUE, 2);
        var rest = relations.queries().membersLatestFirst(CHAT, ROOM, first.getLast().seq(), 10);

        assertThat(first).extracting(Ordered::name).containsExactly("dave", "carol");
        assertThat(rest).extracting(Ordered::name).containsExactly("bob", "alice");
        assertThat(relations.queries().membersLatestFirst(CHAT, ROOM, rest.getLast().seq(), 10)).isEmpty();
    }

    @Test
    void g22_who_may_send_follows_mutes_mute_all_and_the_allowlist() {
        relations.sendToRoom(CHAT, "100", new MuteRoomMembers("100", List.of("carol"), -1L));
        relations.sendToRoom(CHAT, "100", new SetRoomMuteAll("100", true));
        relations.sendToRoom(CHAT, "100", new AllowRoomMember("100", "dave"));
        relations.sendToRoom(CHAT, "100", new AllowRoomMember("100", "carol"));

        assertThat(canSend("alice")).contains(true);
        assertThat(canSend("bob")).contains(false);
        assertThat(canSend("carol")).as("muted, allowlist or not").contains(false);
        assertThat(canSend("dave")).contains(true);
        assertThat(canSend("erin")).as("not a member").contains(false);
        assertThat(relations.queries().canSend(CHAT, new RoomId("200"), name("bob"), NOW)).isEmpty();
    }

    @Test
    void without_mute_all_every_member_not_muted_may_send() {
        relations.sendToRoom(CHAT, "100", new MuteRoomMembers("100", List.of("carol"), 60_000L));

        assertThat(canSend("bob")).contains(true);
        assertThat(canSend("carol")).contains(false);
        assertThat(relations.queries().canSend(CHAT, ROOM, name("carol"), NOW + 60_000)).as("after the mute's expiry").contains(true);
    }

    @Test
    void friends_are_told_apart_from_everyone_else() {
        relations.add(CHAT, "alice", "bob");

        assertThat(relations.queries().isFriend(CHAT, name("alice"), name("bob"))).isTrue();
        assertThat(relations.queries().isFriend(CHAT, name("bob"), name("alice"))).isTrue();
        assertThat(relations.queries().isFriend(CHAT, name("alice"), name("carol"))).isFalse();
    }

    private java.util.Optional<Boolean> canSend(String user) {
        return relations.queries().canSend(CHAT, ROOM, name(user), NOW);
    }

    @Test
    void a_room_with_no_members_pages_nothing_either_way() {
        var none = new RoomId("200");

        assertThat(relations.queries().membersInJoinOrder(CHAT, none, 0L, 10)).isEmpty();
        assertThat(relations.queries().membersLatestFirst(CHAT, none, Long.MAX_VALUE, 10)).isEmpty();
    }
}
