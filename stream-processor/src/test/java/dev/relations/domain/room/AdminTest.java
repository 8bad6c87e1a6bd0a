package dev.relations.domain.room;

import dev.relations.domain.common.Reply;
import dev.relations.domain.room.RoomCommand.AddAdmin;
import dev.relations.domain.room.RoomCommand.RemoveAdmin;
import dev.relations.domain.room.RoomCommand.UserCheck;
import dev.relations.domain.room.RoomCommand.UserChecked;
import dev.relations.domain.room.RoomEvent.AdminsAdded;
import dev.relations.domain.room.RoomEvent.AdminsRemoved;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.common.Samples.DAVE;
import static dev.relations.domain.room.RoomScenario.ROOM;
import static dev.relations.domain.room.RoomScenario.check;
import static dev.relations.domain.room.RoomScenario.created;
import static dev.relations.domain.room.RoomScenario.given;
import static dev.relations.domain.room.RoomScenario.limits;
import static dev.relations.domain.room.RoomScenario.noRoom;
import static dev.relations.domain.room.RoomScenario.promoted;
import static dev.relations.domain.room.RoomScenario.reserved;
import static org.assertj.core.api.Assertions.assertThat;

class AdminTest {

    @Test
    void promoting_a_member_makes_it_an_admin() {
        var scenario = given(created(ALICE, BOB));

        scenario.when(new AddAdmin(ROOM, BOB))
                .events(new AdminsAdded(ROOM, List.of(BOB)))
                .noFollowUps()
                .accepted(new Reply.AdminReply(BOB, true));
        assertThat(scenario.room().member(BOB).map(Member::role)).contains(Role.ADMIN);
        assertThat(scenario.room().adminCount()).isEqualTo(1);
    }

    @Test
    void promoting_an_admin_again_succeeds_and_changes_nothing() {
        given(created(ALICE, BOB), promoted(BOB))
                .when(new AddAdmin(ROOM, BOB))
                .noEvents()
                .accepted(new Reply.AdminReply(BOB, true));
    }

    @Test
    void the_owner_cannot_be_made_an_admin() {
        given(created(ALICE, BOB))
                .when(new AddAdmin(ROOM, ALICE))
                .noEvents()
                .rejected(403, "forbidden_op", "forbidden operation on group owner!");
    }

    @Test
    void promoting_a_non_member_first_asks_whether_the_user_exists() {
        given(created(ALICE, BOB))
                .when(new AddAdmin(ROOM, CAROL))
                .noEvents()
                .followUps(check(CAROL, UserCheck.ADD_ADMIN))
                .undecided();
    }

    @Test
    void an_existing_non_member_cannot_be_made_an_admin() {
        given(created(ALICE, BOB))
                .when(new UserChecked(ROOM, CAROL, UserCheck.ADD_ADMIN, true))
                .noEvents()
                .noFollowUps()
                .rejected(400, "forbidden_op", "users [carol] are not members of this group!");
    }

    @Test
    void promoting_a_user_who_does_not_exist_is_user_not_found() {
        given(created(ALICE, BOB))
                .when(new UserChecked(ROOM, CAROL, UserCheck.ADD_ADMIN, false))
                .noEvents()
                .rejected(404, "resource_not_found", "username carol doesn't exist!");
    }

    @Test
    void a_member_still_being_added_cannot_be_made_an_admin() {
        given(created(ALICE), reserved("req-0", BOB))
                .when(new UserChecked(ROOM, BOB, UserCheck.ADD_ADMIN, true))
                .rejected(400, "forbidden_op", "users [bob] are not members of this group!");
    }

    @Test
    void promoting_beyond_the_admin_limit_exceeds_the_limit() {
        given(created(ALICE, BOB, CAROL, DAVE), promoted(BOB, CAROL))
                .withLimits(limits(2, 400))
                .when(new AddAdmin(ROOM, DAVE))
                .noEvents()
                .rejected(403, "exceed_limit", "admin number exceed limit : 2");
    }

    @Test
    void promoting_in_a_missing_room_is_not_found() {
        noRoom()
                .when(new AddAdmin(ROOM, BOB))
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
    }

    @Test
    void demoting_an_admin_makes_it_an_ordinary_member() {
        var scenario = given(created(ALICE, BOB), promoted(BOB));

        scenario.when(new RemoveAdmin(ROOM, BOB))
                .events(new AdminsRemoved(ROOM, List.of(BOB)))
                .accepted(new Reply.AdminReply(BOB, false));
        assertThat(scenario.room().member(BOB).map(Member::role)).contains(Role.MEMBER);
        assertThat(scenario.room().adminCount()).isZero();
    }

    @Test
    void demoting_a_member_who_is_not_an_admin_is_forbidden() {
        given(created(ALICE, BOB))
                .when(new RemoveAdmin(ROOM, BOB))
                .noEvents()
                .rejected(403, "forbidden_op", "user:bob is not admin of group:66000033");
    }

    @Test
    void demoting_a_non_member_first_asks_whether_the_user_exists() {
        given(created(ALICE, BOB))
                .when(new RemoveAdmin(ROOM, CAROL))
                .noEvents()
                .followUps(check(CAROL, UserCheck.REMOVE_ADMIN))
                .undecided();
    }

    @Test
    void demoting_an_existing_non_member_is_forbidden_as_not_an_admin() {
        given(created(ALICE, BOB))
                .when(new UserChecked(ROOM, CAROL, UserCheck.REMOVE_ADMIN, true))
                .rejected(403, "forbidden_op", "user:carol is not admin of group:66000033");
    }

    @Test
    void demoting_a_user_who_does_not_exist_is_user_not_found() {
        given(created(ALICE, BOB))
                .when(new UserChecked(ROOM, CAROL, UserCheck.REMOVE_ADMIN, false))
                .rejected(404, "resource_not_found", "username carol doesn't exist!");
    }

    @Test
    void demoting_the_owner_is_forbidden_as_not_an_admin() {
        given(created(ALICE))
                .when(new RemoveAdmin(ROOM, ALICE))
                .rejected(403, "forbidden_op", "user:alice is not admin of group:66000033");
    }

    @Test
    void demoting_in_a_missing_room_is_not_found() {
        noRoom()
                .when(new RemoveAdmin(ROOM, BOB))
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
    }
}
