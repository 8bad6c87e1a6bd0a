package dev.relations.domain.room;

import dev.relations.domain.room.RoomCommand.AddMembers;
import dev.relations.domain.room.RoomCommand.DropMember;
import dev.relations.domain.room.RoomCommand.SeatGranted;
import dev.relations.domain.room.RoomCommand.SeatRefused;
import dev.relations.domain.room.RoomEvent.AllowlistAdded;
import dev.relations.domain.room.RoomEvent.AllowlistRemoved;
import dev.relations.domain.room.RoomEvent.BlocklistAdded;
import dev.relations.domain.room.RoomEvent.BlocklistRemoved;
import dev.relations.domain.room.RoomEvent.LeaveReason;
import dev.relations.domain.room.RoomEvent.MembersLeft;
import dev.relations.domain.room.RoomEvent.MembersReleased;
import dev.relations.domain.room.RoomEvent.MutesRemoved;
import dev.relations.domain.room.RoomEvent.RoomDeleted;
import dev.relations.domain.room.RoomEvent.SeatAnswered;
import dev.relations.domain.room.RoomEvent.UnlistReason;
import dev.relations.domain.room.RoomEvent.UnmuteReason;
import dev.relations.domain.common.Reply;
import dev.relations.domain.seat.SeatRefusal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.room.RoomScenario.ROOM;
import static dev.relations.domain.room.RoomScenario.created;
import static dev.relations.domain.room.RoomScenario.given;
import static dev.relations.domain.room.RoomScenario.muted;
import static dev.relations.domain.room.RoomScenario.noRoom;
import static dev.relations.domain.room.RoomScenario.release;
import static org.assertj.core.api.Assertions.assertThat;

/** A deleted user's seats tell each of its rooms; nobody waits for an answer. */
class DropMemberTest {

    @Test
    void a_deleted_member_leaves_with_its_allowlist_entry_and_mute() {
        var scenario = given(created(ALICE, BOB), new AllowlistAdded(ROOM, List.of(BOB)), muted(-1L, BOB));

        scenario.inRequest("delete-bob")
                .when(new DropMember(ROOM, BOB))
                .events(new MembersLeft(ROOM, List.of(BOB), LeaveReason.USER_DELETED),
                        new AllowlistRemoved(ROOM, List.of(BOB), UnlistReason.USER_DELETED),
                        new MutesRemoved(ROOM, List.of(BOB), UnmuteReason.USER_DELETED))
                .noFollowUps()
                .undecided();
        assertThat(scenario.room().member(BOB)).isEmpty();
    }

    @Test
    void a_deleted_owner_dissolves_the_room_and_frees_the_other_seats() {
        var scenario = given(created(ALICE, BOB, CAROL));

        // The owner leaves as deleted, the others as dissolved: the owner is not told its own room went.
        scenario.inRequest("delete-alice")
                .when(new DropMember(ROOM, ALICE))
                .events(new MembersLeft(ROOM, List.of(ALICE), LeaveReason.USER_DELETED),
                        new MembersLeft(ROOM, List.of(BOB, CAROL), LeaveReason.DELETE), new RoomDeleted(ROOM))
                .followUps(release(BOB), release(CAROL))
                .undecided();
        assertThat(scenario.room().info()).isEmpty();
    }

    @Test
    void a_user_deleted_after_its_seat_was_granted_to_a_batch_counts_as_refused() {
        var scenario = given(created(ALICE));
        scenario.when(new AddMembers(ROOM, List.of(BOB, CAROL)));
        scenario.when(new SeatGranted(ROOM, BOB));

        scenario.inRequest("delete-bob")
                .when(new DropMember(ROOM, BOB))
                .events(new MembersReleased(ROOM, List.of(BOB)),
                        new SeatAnswered(ROOM, "req-1", BOB, Optional.of(SeatRefusal.NOT_FOUND)))
                .noFollowUps()
                .undecided();
        scenario.inRequest("req-1")
                .when(new SeatGranted(ROOM, CAROL))
                .accepted(new Reply.NewMembersReply(ROOM, List.of(CAROL)));
    }

    @Test
    void a_drop_for_a_user_whose_answer_is_still_on_the_way_is_left_to_that_answer() {
        var scenario = given(created(ALICE));
        scenario.when(new AddMembers(ROOM, List.of(BOB, CAROL)));
        scenario.when(new SeatGranted(ROOM, CAROL));

        scenario.inRequest("delete-bob").when(new DropMember(ROOM, BOB)).noEvents().noFollowUps().undecided();
        scenario.inRequest("req-1")
                .when(new SeatRefused(ROOM, BOB, SeatRefusal.NOT_FOUND))
                .accepted(new Reply.NewMembersReply(ROOM, List.of(CAROL)));
    }

    @Test
    void a_drop_for_a_single_add_in_flight_is_left_to_its_answer() {
        var scenario = given(created(ALICE), RoomScenario.reserved("req-0", BOB));

        scenario.inRequest("delete-bob").when(new DropMember(ROOM, BOB)).noEvents().undecided();
        assertThat(scenario.room().member(BOB).map(Member::pending)).contains(true);
    }

    @Test
    void a_deleted_user_who_had_left_loses_its_mute() {
        given(created(ALICE), muted(-1L, BOB))
                .when(new DropMember(ROOM, BOB))
                .events(new MutesRemoved(ROOM, List.of(BOB), UnmuteReason.USER_DELETED))
                .noFollowUps()
                .undecided();
    }

    @Test
    void a_user_who_is_not_in_the_room_changes_nothing() {
        given(created(ALICE))
                .when(new DropMember(ROOM, BOB))
                .noEvents()
                .noFollowUps()
                .undecided();
    }

    @Test
    void a_missing_room_changes_nothing() {
        noRoom()
                .when(new DropMember(ROOM, BOB))
                .noEvents()
                .noFollowUps()
                .undecided();
    }

    /** SPEC B.3: a re-registered user of the same name must not inherit the old one's entries. */
    @Test
    void a_deleted_user_who_had_left_loses_its_blocklist_allowlist_and_mute_entries() {
        var scenario = given(created(ALICE), new BlocklistAdded(ROOM, List.of(BOB)), new AllowlistAdded(ROOM, List.of(CAROL)),
                muted(-1L, CAROL));

        scenario.inRequest("delete-bob")
                .when(new DropMember(ROOM, BOB))
                .events(new BlocklistRemoved(ROOM, List.of(BOB), UnlistReason.USER_DELETED))
                .noFollowUps()
                .undecided();
        scenario.inRequest("delete-carol")
                .when(new DropMember(ROOM, CAROL))
                .events(new AllowlistRemoved(ROOM, List.of(CAROL), UnlistReason.USER_DELETED),
                        new MutesRemoved(ROOM, List.of(CAROL), UnmuteReason.USER_DELETED))
                .noFollowUps()
                .undecided();
        assertThat(scenario.room().blocked(BOB)).isFalse();
        assertThat(scenario.room().allowed(CAROL)).isFalse();
        assertThat(scenario.room().mute(CAROL)).isEmpty();
    }
}
