package dev.relations.domain.room;

import dev.relations.domain.common.Reply;
import dev.relations.domain.common.Reply.MemberAction;
import dev.relations.domain.common.Reply.MemberResult;
import dev.relations.domain.common.Username;
import dev.relations.domain.room.RoomCommand.RemoveMember;
import dev.relations.domain.room.RoomCommand.RemoveMembers;
import dev.relations.domain.room.RoomCommand.UserCheck;
import dev.relations.domain.room.RoomCommand.UserChecked;
import dev.relations.domain.room.RoomEvent.LeaveReason;
import dev.relations.domain.room.RoomEvent.MembersLeft;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
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
import static dev.relations.domain.room.RoomScenario.muted;
import static dev.relations.domain.room.RoomScenario.noRoom;
import static dev.relations.domain.room.RoomScenario.others;
import static dev.relations.domain.room.RoomScenario.promoted;
import static dev.relations.domain.room.RoomScenario.release;
import static dev.relations.domain.room.RoomScenario.reserved;
import static org.assertj.core.api.Assertions.assertThat;

/** Removing members by the app (reason KICK); every removal frees the user's seat. */
class RemoveMemberTest {

    private static RemoveMembers removeAll(Username... users) {
        return new RemoveMembers(ROOM, List.of(users));
    }

    @Test
    void removing_a_member_kicks_it_and_frees_its_seat() {
        var scenario = given(created(ALICE, BOB));

        scenario.when(new RemoveMember(ROOM, BOB))
                .events(new MembersLeft(ROOM, List.of(BOB), LeaveReason.KICK))
                .followUps(release(BOB))
                .accepted(new Reply.MemberReply(ROOM, MemberAction.REMOVE_MEMBER, BOB));
        assertThat(scenario.room().member(BOB)).isEmpty();
        assertThat(scenario.room().memberCount()).isEqualTo(1);
    }

    @Test
    void removing_an_admin_drops_its_role_with_it() {
        var scenario = given(created(ALICE, BOB), promoted(BOB));

        scenario.when(new RemoveMember(ROOM, BOB)).events(new MembersLeft(ROOM, List.of(BOB), LeaveReason.KICK));
        assertThat(scenario.room().adminCount()).isZero();
    }

    @Test
    void a_removed_members_mute_stays_for_its_return() {
        var scenario = given(created(ALICE, BOB), muted(-1L, BOB));

        scenario.when(new RemoveMember(ROOM, BOB));
        assertThat(scenario.room().mute(BOB)).isPresent();
    }

    @Test
    void removing_a_non_member_first_asks_whether_the_user_exists() {
        given(created(ALICE, BOB))
                .when(new RemoveMember(ROOM, CAROL))
                .noEvents()
                .followUps(check(CAROL, UserCheck.REMOVE_MEMBER))
                .undecided();
    }

    @Test
    void removing_an_existing_non_member_is_a_forbidden_operation() {
        given(created(ALICE, BOB))
                .when(new UserChecked(ROOM, CAROL, UserCheck.REMOVE_MEMBER, true))
                .noEvents()
                .noFollowUps()
                .rejected(400, "forbidden_op", "users [carol] are not members of this group!");
    }

    @Test
    void removing_a_user_who_does_not_exist_is_user_not_found() {
        given(created(ALICE, BOB))
                .when(new UserChecked(ROOM, CAROL, UserCheck.REMOVE_MEMBER, false))
                .noEvents()
                .noFollowUps()
                .rejected(404, "resource_not_found", "username carol doesn't exist!");
    }

    @Test
    void a_user_who_joined_while_being_looked_up_is_removed() {
        var scenario = given(created(ALICE, BOB, CAROL));

        scenario.when(new UserChecked(ROOM, CAROL, UserCheck.REMOVE_MEMBER, true))
                .events(new MembersLeft(ROOM, List.of(CAROL), LeaveReason.KICK))
                .followUps(release(CAROL))
                .accepted(new Reply.MemberReply(ROOM, MemberAction.REMOVE_MEMBER, CAROL));
    }

    @Test
    void the_not_a_member_status_follows_the_compatibility_switch() {
        given(created(ALICE))
                .withLimits(limits(99, 403))
                .when(new UserChecked(ROOM, CAROL, UserCheck.REMOVE_MEMBER, true))
                .rejected(403, "forbidden_op", "users [carol] are not members of this group!");
    }

    @Test
    void a_member_still_being_added_cannot_be_removed() {
        given(created(ALICE), reserved("req-0", BOB))
                .when(new UserChecked(ROOM, BOB, UserCheck.REMOVE_MEMBER, true))
                .rejected(400, "forbidden_op", "users [bob] are not members of this group!");
    }

    @Test
    void the_owner_cannot_be_removed() {
        given(created(ALICE, BOB))
                .when(new RemoveMember(ROOM, ALICE))
                .noEvents()
                .rejected(403, "forbidden_op", "forbidden operation on group owner!");
    }

    @Test
    void removing_from_a_missing_room_is_not_found() {
        noRoom()
                .when(new RemoveMember(ROOM, BOB))
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
    }

    @Test
    void a_batch_removal_answers_per_user() {
        var scenario = given(created(ALICE, BOB, DAVE));

        scenario.when(removeAll(CAROL, BOB, ALICE, DAVE))
                .events(new MembersLeft(ROOM, List.of(BOB, DAVE), LeaveReason.KICK))
                .followUps(release(BOB), release(DAVE))
                .accepted(new Reply.MemberResultsReply(ROOM, MemberAction.REMOVE_MEMBER, List.of(
                        MemberResult.failed(CAROL, "user: carol doesn't exist in group: 66000033"),
                        MemberResult.ok(BOB),
                        MemberResult.failed(ALICE, "forbidden operation on group owner!"),
                        MemberResult.ok(DAVE))));
        assertThat(scenario.room().confirmedMembers()).containsExactly(ALICE);
    }

    @Test
    void a_batch_removal_of_nobody_present_changes_nothing() {
        given(created(ALICE))
                .when(removeAll(BOB))
                .noEvents()
                .noFollowUps()
                .accepted(new Reply.MemberResultsReply(ROOM, MemberAction.REMOVE_MEMBER, List.of(
                        MemberResult.failed(BOB, "user: bob doesn't exist in group: 66000033"))));
    }

    @Test
    void a_batch_removal_of_more_than_100_users_is_an_invalid_parameter() {
        given(created(ALICE))
                .when(new RemoveMembers(ROOM, Arrays.asList(others(101))))
                .noEvents()
                .rejected(400, "invalid_parameter", "kickMember: kickMembers number more than maxSize : 100");
    }

    @Test
    void a_batch_removal_of_100_users_is_within_the_limit() {
        given(created(ALICE, others(100)))
                .when(new RemoveMembers(ROOM, Arrays.asList(others(100))))
                .decision();
    }

    @Test
    void a_batch_removal_from_a_missing_room_is_not_found() {
        noRoom()
                .when(removeAll(BOB))
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
    }
}
