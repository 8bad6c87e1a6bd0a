package dev.relations.domain.room;

import dev.relations.domain.common.Reply;
import dev.relations.domain.room.RoomCommand.DeleteRoom;
import dev.relations.domain.room.RoomEvent.LeaveReason;
import dev.relations.domain.room.RoomEvent.MembersLeft;
import dev.relations.domain.room.RoomEvent.RoomDeleted;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.common.Samples.DAVE;
import static dev.relations.domain.room.RoomScenario.ROOM;
import static dev.relations.domain.room.RoomScenario.blocklisted;
import static dev.relations.domain.room.RoomScenario.created;
import static dev.relations.domain.room.RoomScenario.given;
import static dev.relations.domain.room.RoomScenario.muted;
import static dev.relations.domain.room.RoomScenario.noRoom;
import static dev.relations.domain.room.RoomScenario.release;
import static dev.relations.domain.room.RoomScenario.reserved;
import static org.assertj.core.api.Assertions.assertThat;

class DeleteRoomTest {

    @Test
    void deleting_a_room_lets_every_member_leave_and_frees_every_seat() {
        var scenario = given(created(ALICE, BOB, CAROL));

        scenario.when(new DeleteRoom(ROOM))
                .events(new MembersLeft(ROOM, List.of(ALICE, BOB, CAROL), LeaveReason.DELETE),
                        new RoomDeleted(ROOM))
                .followUps(release(ALICE), release(BOB), release(CAROL))
                .accepted(new Reply.RoomDeletedReply(ROOM));
        assertThat(scenario.room().info()).isEmpty();
        assertThat(scenario.room().memberCount()).isZero();
    }

    @Test
    void a_deleted_rooms_pending_members_lose_their_place_and_seat_without_having_joined() {
        var scenario = given(created(ALICE), reserved("req-0", DAVE));

        scenario.when(new DeleteRoom(ROOM))
                .events(new MembersLeft(ROOM, List.of(ALICE), LeaveReason.DELETE), new RoomDeleted(ROOM))
                .followUps(release(ALICE), release(DAVE));
        assertThat(scenario.room().memberCount()).isZero();
    }

    @Test
    void deleting_a_room_clears_its_lists() {
        var scenario = given(created(ALICE, BOB), blocklisted(CAROL), muted(-1L, BOB));

        scenario.when(new DeleteRoom(ROOM));
        assertThat(scenario.room().blocked(CAROL)).isFalse();
        assertThat(scenario.room().mute(BOB)).isEmpty();
        assertThat(scenario.room().mutes()).isEmpty();
    }

    @Test
    void deleting_a_missing_room_is_not_found() {
        noRoom()
                .when(new DeleteRoom(ROOM))
                .noEvents()
                .noFollowUps()
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
    }

    @Test
    void a_deleted_room_is_not_found_afterwards() {
        var scenario = given(created(ALICE));
        scenario.when(new DeleteRoom(ROOM));

        scenario.inRequest("req-2")
                .when(new DeleteRoom(ROOM))
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
    }
}
