package dev.relations.domain.room;

import dev.relations.domain.common.Reply;
import dev.relations.domain.room.RoomCommand.TransferOwner;
import dev.relations.domain.room.RoomCommand.UserCheck;
import dev.relations.domain.room.RoomCommand.UserChecked;
import dev.relations.domain.room.RoomEvent.AdminsRemoved;
import dev.relations.domain.room.RoomEvent.MutesRemoved;
import dev.relations.domain.room.RoomEvent.OwnerChanged;
import dev.relations.domain.room.RoomEvent.UnmuteReason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.common.Samples.NOW;
import static dev.relations.domain.room.RoomScenario.ROOM;
import static dev.relations.domain.room.RoomScenario.check;
import static dev.relations.domain.room.RoomScenario.created;
import static dev.relations.domain.room.RoomScenario.given;
import static dev.relations.domain.room.RoomScenario.muted;
import static dev.relations.domain.room.RoomScenario.noRoom;
import static dev.relations.domain.room.RoomScenario.promoted;
import static org.assertj.core.api.Assertions.assertThat;

class TransferOwnerTest {

    @Test
    void the_new_owner_takes_over_and_the_old_owner_stays_as_a_member() {
        var scenario = given(created(ALICE, BOB));

        scenario.when(new TransferOwner(ROOM, BOB))
                .events(new OwnerChanged(ROOM, ALICE, BOB))
                .noFollowUps()
                .accepted(new Reply.OwnerTransferredReply(BOB));
        assertThat(scenario.room().info().map(RoomInfo::owner)).contains(BOB);
        assertThat(scenario.room().member(BOB).map(Member::role)).contains(Role.OWNER);
        assertThat(scenario.room().member(ALICE).map(Member::role)).contains(Role.MEMBER);
        assertThat(scenario.room().memberCount()).isEqualTo(2);
    }

    @Test
    void an_admin_who_becomes_owner_loses_the_admin_role() {
        var scenario = given(created(ALICE, BOB), promoted(BOB));

        scenario.when(new TransferOwner(ROOM, BOB))
                .events(new AdminsRemoved(ROOM, List.of(BOB)), new OwnerChanged(ROOM, ALICE, BOB));
        assertThat(scenario.room().adminCount()).isZero();
        assertThat(scenario.room().member(BOB).map(Member::role)).contains(Role.OWNER);
    }

    @Test
    void a_muted_member_who_becomes_owner_is_unmuted() {
        var scenario = given(created(ALICE, BOB), muted(NOW + 60_000, BOB));

        scenario.when(new TransferOwner(ROOM, BOB))
                .events(new MutesRemoved(ROOM, List.of(BOB), UnmuteReason.API), new OwnerChanged(ROOM, ALICE, BOB));
        assertThat(scenario.room().mute(BOB)).isEmpty();
    }

    @Test
    void transferring_to_the_current_owner_is_forbidden() {
        given(created(ALICE, BOB))
                .when(new TransferOwner(ROOM, ALICE))
                .noEvents()
                .rejected(403, "forbidden_op", "new owner and old owner are the same");
    }

    @Test
    void transferring_to_a_non_member_first_asks_whether_the_user_exists() {
        given(created(ALICE, BOB))
                .when(new TransferOwner(ROOM, CAROL))
                .noEvents()
                .followUps(check(CAROL, UserCheck.TRANSFER_OWNER))
                .undecided();
    }

    @Test
    void transferring_to_an_existing_non_member_is_forbidden() {
        given(created(ALICE, BOB))
                .when(new UserChecked(ROOM, CAROL, UserCheck.TRANSFER_OWNER, true))
                .noEvents()
                .rejected(403, "forbidden_op", "user: carol doesn't exist in group: 66000033");
    }

    @Test
    void transferring_to_a_user_who_does_not_exist_is_user_not_found() {
        given(created(ALICE, BOB))
                .when(new UserChecked(ROOM, CAROL, UserCheck.TRANSFER_OWNER, false))
                .noEvents()
                .rejected(404, "resource_not_found", "username carol doesn't exist!");
    }

    @Test
    void transferring_a_missing_room_is_not_found() {
        noRoom()
                .when(new TransferOwner(ROOM, BOB))
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
    }
}
