package dev.relations.domain.room;

import dev.relations.domain.common.Reply;
import dev.relations.domain.common.Reply.MemberAction;
import dev.relations.domain.common.Reply.MemberResult;
import dev.relations.domain.common.Username;
import dev.relations.domain.room.RoomCommand.BlockMember;
import dev.relations.domain.room.RoomCommand.BlockMembers;
import dev.relations.domain.room.RoomCommand.UnblockMember;
import dev.relations.domain.room.RoomCommand.UnblockMembers;
import dev.relations.domain.room.RoomCommand.UserCheck;
import dev.relations.domain.room.RoomCommand.UserChecked;
import dev.relations.domain.room.RoomEvent.BlocklistAdded;
import dev.relations.domain.room.RoomEvent.BlocklistRemoved;
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
import static dev.relations.domain.room.RoomScenario.blocklisted;
import static dev.relations.domain.room.RoomScenario.check;
import static dev.relations.domain.room.RoomScenario.created;
import static dev.relations.domain.room.RoomScenario.given;
import static dev.relations.domain.room.RoomScenario.note;
import static dev.relations.domain.room.RoomScenario.noRoom;
import static dev.relations.domain.room.RoomScenario.others;
import static dev.relations.domain.room.RoomScenario.promoted;
import static dev.relations.domain.room.RoomScenario.release;
import static org.assertj.core.api.Assertions.assertThat;

/** The room blocklist: blocking removes the member (reason BLOCK) and keeps it out. */
class RoomBlocklistTest {

    private static List<Username> names(Username... users) {
        return List.of(users);
    }

    @Test
    void blocking_a_member_removes_it_frees_its_seat_and_lists_it() {
        var scenario = given(created(ALICE, BOB));

        scenario.when(new BlockMember(ROOM, BOB))
                .events(new MembersLeft(ROOM, names(BOB), LeaveReason.BLOCK), new BlocklistAdded(ROOM, names(BOB)))
                .followUps(release(BOB), note(BOB))
                .accepted(new Reply.MemberReply(ROOM, MemberAction.ADD_BLOCK, BOB));
        assertThat(scenario.room().member(BOB)).isEmpty();
        assertThat(scenario.room().blocked(BOB)).isTrue();
    }

    @Test
    void blocking_an_admin_drops_its_role() {
        var scenario = given(created(ALICE, BOB), promoted(BOB));

        scenario.when(new BlockMember(ROOM, BOB));
        assertThat(scenario.room().adminCount()).isZero();
    }

    @Test
    void the_owner_cannot_be_blocked() {
        given(created(ALICE, BOB))
                .when(new BlockMember(ROOM, ALICE))
                .noEvents()
                .rejected(403, "forbidden_op", "forbidden operation on group owner!");
    }

    @Test
    void blocking_a_non_member_is_forbidden() {
        given(created(ALICE))
                .when(new BlockMember(ROOM, CAROL))
                .noEvents()
                .rejected(400, "forbidden_op", "users [carol] are not members of this group!");
    }

    @Test
    void blocking_in_a_missing_room_is_not_found() {
        noRoom()
                .when(new BlockMember(ROOM, BOB))
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
    }

    @Test
    void a_batch_block_answers_per_user() {
        var scenario = given(created(ALICE, BOB, DAVE));

        scenario.when(new BlockMembers(ROOM, names(CAROL, BOB, ALICE, DAVE)))
                .events(new MembersLeft(ROOM, names(BOB, DAVE), LeaveReason.BLOCK),
                        new BlocklistAdded(ROOM, names(BOB, DAVE)))
                .followUps(release(BOB), note(BOB), release(DAVE), note(DAVE))
                .accepted(new Reply.MemberResultsReply(ROOM, MemberAction.ADD_BLOCK, List.of(
                        MemberResult.failed(CAROL, "user: carol doesn't exist in chatroom: 66000033"),
                        MemberResult.ok(BOB),
                        MemberResult.failed(ALICE, "forbidden operation on group owner!"),
                        MemberResult.ok(DAVE))));
        assertThat(scenario.room().confirmedMembers()).containsExactly(ALICE);
    }

    private static final RoomLimits NON_MEMBERS = RoomLimits.defaults().withAllowBlockNonMember(true);

    /** G-19: with the opt-in extension a registered non-member is blocklisted, without leaving or a seat to free. */
    @Test
    void g19_an_app_that_allows_it_blocks_a_registered_non_member_once_its_side_says_it_exists() {
        var scenario = given(created(ALICE)).withLimits(NON_MEMBERS);

        scenario.when(new BlockMember(ROOM, CAROL))
                .noEvents()
                .followUps(check(CAROL, UserCheck.BLOCK_NON_MEMBER))
                .undecided();
        scenario.when(new UserChecked(ROOM, CAROL, UserCheck.BLOCK_NON_MEMBER, true))
                .events(new BlocklistAdded(ROOM, names(CAROL)))
                .followUps(note(CAROL))
                .accepted(new Reply.MemberReply(ROOM, MemberAction.ADD_BLOCK, CAROL));
        assertThat(scenario.room().blocked(CAROL)).isTrue();
        assertThat(scenario.room().member(CAROL)).isEmpty();
    }

    @Test
    void g19_blocking_an_unknown_non_member_is_user_not_found() {
        given(created(ALICE)).withLimits(NON_MEMBERS)
                .when(new UserChecked(ROOM, CAROL, UserCheck.BLOCK_NON_MEMBER, false))
                .noEvents()
                .rejected(404, "resource_not_found", "username carol doesn't exist!");
    }

    @Test
    void g19_a_batch_block_lists_members_and_non_members_and_only_members_leave() {
        var scenario = given(created(ALICE, BOB), blocklisted(DAVE)).withLimits(NON_MEMBERS);

        scenario.when(new BlockMembers(ROOM, names(BOB, CAROL, DAVE)))
                .events(new MembersLeft(ROOM, names(BOB), LeaveReason.BLOCK), new BlocklistAdded(ROOM, names(BOB, CAROL)))
                .followUps(release(BOB), note(BOB), note(CAROL))
                .accepted(new Reply.MemberResultsReply(ROOM, MemberAction.ADD_BLOCK, List.of(
                        MemberResult.ok(BOB), MemberResult.ok(CAROL), MemberResult.ok(DAVE))));
        assertThat(scenario.room().blocked(CAROL)).isTrue();
    }

    @Test
    void a_batch_block_of_more_than_60_users_is_an_invalid_parameter() {
        given(created(ALICE))
                .when(new BlockMembers(ROOM, Arrays.asList(others(61))))
                .rejected(400, "invalid_parameter", "userNames is more than max limit : 60");
    }

    @Test
    void unblocking_lifts_the_block_without_adding_the_user_back() {
        var scenario = given(created(ALICE), blocklisted(BOB));

        scenario.when(new UnblockMember(ROOM, BOB))
                .events(new BlocklistRemoved(ROOM, names(BOB)))
                .noFollowUps()
                .accepted(new Reply.MemberReply(ROOM, MemberAction.REMOVE_BLOCK, BOB));
        assertThat(scenario.room().blocked(BOB)).isFalse();
        assertThat(scenario.room().member(BOB)).isEmpty();
    }

    @Test
    void unblocking_a_user_who_is_not_blocked_answers_with_the_not_a_member_error() {
        given(created(ALICE, BOB))
                .when(new UnblockMember(ROOM, BOB))
                .noEvents()
                .rejected(400, "forbidden_op", "users [bob] are not members of this group!");
    }

    @Test
    void unblocking_in_a_missing_room_is_not_found() {
        noRoom()
                .when(new UnblockMember(ROOM, BOB))
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
    }

    @Test
    void a_batch_unblock_answers_per_user() {
        given(created(ALICE), blocklisted(BOB, DAVE))
                .when(new UnblockMembers(ROOM, names(BOB, CAROL, DAVE)))
                .events(new BlocklistRemoved(ROOM, names(BOB, DAVE)))
                .accepted(new Reply.MemberResultsReply(ROOM, MemberAction.REMOVE_BLOCK, List.of(
                        MemberResult.ok(BOB),
                        MemberResult.failed(CAROL, "user: carol is not in blacklist of chatroom: 66000033"),
                        MemberResult.ok(DAVE))));
    }

    @Test
    void a_batch_unblock_of_more_than_60_users_is_an_invalid_parameter() {
        given(created(ALICE))
                .when(new UnblockMembers(ROOM, Arrays.asList(others(61))))
                .rejected(400, "invalid_parameter", "removeBlacklist: list size more than max limit : 60");
    }
}
