package dev.relations.domain.room;

import dev.relations.domain.common.Reply;
import dev.relations.domain.common.Reply.MemberAction;
import dev.relations.domain.common.Reply.MemberResult;
import dev.relations.domain.room.RoomCommand.AllowMember;
import dev.relations.domain.room.RoomCommand.AllowMembers;
import dev.relations.domain.room.RoomCommand.DisallowMembers;
import dev.relations.domain.room.RoomEvent.AllowlistAdded;
import dev.relations.domain.room.RoomEvent.AllowlistRemoved;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.common.Samples.DAVE;
import static dev.relations.domain.room.RoomScenario.ROOM;
import static dev.relations.domain.room.RoomScenario.created;
import static dev.relations.domain.room.RoomScenario.given;
import static dev.relations.domain.room.RoomScenario.noRoom;
import static dev.relations.domain.room.RoomScenario.others;
import static org.assertj.core.api.Assertions.assertThat;

class RoomAllowlistTest {

    @Test
    void allowing_a_member_lists_it() {
        var scenario = given(created(ALICE, BOB));

        scenario.when(new AllowMember(ROOM, BOB))
                .events(new AllowlistAdded(ROOM, List.of(BOB)))
                .accepted(new Reply.MemberReply(ROOM, MemberAction.ADD_ALLOW, BOB));
        assertThat(scenario.room().allowed(BOB)).isTrue();
    }

    @Test
    void allowing_an_allowed_member_again_succeeds_and_changes_nothing() {
        given(created(ALICE, BOB), new AllowlistAdded(ROOM, List.of(BOB)))
                .when(new AllowMember(ROOM, BOB))
                .noEvents()
                .accepted(new Reply.MemberReply(ROOM, MemberAction.ADD_ALLOW, BOB));
    }

    @Test
    void the_owner_may_be_listed_explicitly() {
        given(created(ALICE))
                .when(new AllowMember(ROOM, ALICE))
                .events(new AllowlistAdded(ROOM, List.of(ALICE)));
    }

    @Test
    void allowing_a_non_member_is_forbidden() {
        given(created(ALICE))
                .when(new AllowMember(ROOM, CAROL))
                .noEvents()
                .rejected(400, "forbidden_op", "users [carol] are not members of this group!");
    }

    @Test
    void allowing_in_a_missing_room_is_not_found() {
        noRoom()
                .when(new AllowMember(ROOM, BOB))
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
    }

    @Test
    void a_batch_allow_answers_per_user() {
        given(created(ALICE, BOB, DAVE), new AllowlistAdded(ROOM, List.of(DAVE)))
                .when(new AllowMembers(ROOM, List.of(BOB, CAROL, DAVE)))
                .events(new AllowlistAdded(ROOM, List.of(BOB)))
                .accepted(new Reply.MemberResultsReply(ROOM, MemberAction.ADD_ALLOW, List.of(
                        MemberResult.ok(BOB),
                        MemberResult.failed(CAROL, "user: carol doesn't exist in chatroom: 66000033"),
                        MemberResult.ok(DAVE))));
    }

    @Test
    void a_batch_allow_of_more_than_60_users_is_an_invalid_parameter() {
        given(created(ALICE))
                .when(new AllowMembers(ROOM, Arrays.asList(others(61))))
                .rejected(400, "invalid_parameter", "usernames size is more than max limit : 60");
    }

    @Test
    void disallowing_answers_per_user_even_for_one() {
        var scenario = given(created(ALICE, BOB), new AllowlistAdded(ROOM, List.of(BOB)));

        scenario.when(new DisallowMembers(ROOM, List.of(BOB)))
                .events(new AllowlistRemoved(ROOM, List.of(BOB)))
                .accepted(new Reply.MemberResultsReply(ROOM, MemberAction.REMOVE_ALLOW, List.of(MemberResult.ok(BOB))));
        assertThat(scenario.room().allowed(BOB)).isFalse();
    }

    @Test
    void disallowing_a_user_who_is_not_listed_fails_for_that_user() {
        given(created(ALICE, BOB))
                .when(new DisallowMembers(ROOM, List.of(BOB)))
                .noEvents()
                .accepted(new Reply.MemberResultsReply(ROOM, MemberAction.REMOVE_ALLOW, List.of(
                        MemberResult.failed(BOB, "user: bob is not in whitelist of chatroom: 66000033"))));
    }

    @Test
    void disallowing_more_than_60_users_is_an_invalid_parameter() {
        given(created(ALICE))
                .when(new DisallowMembers(ROOM, Arrays.asList(others(61))))
                .rejected(400, "invalid_parameter", "removeWhitelist size is more than max limit : 60");
    }

    @Test
    void disallowing_in_a_missing_room_is_not_found() {
        noRoom()
                .when(new DisallowMembers(ROOM, List.of(BOB)))
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
    }
}
