package dev.relations.domain.room;

import dev.relations.domain.common.Reply;
import dev.relations.domain.common.Reply.MemberResult;
import dev.relations.domain.common.Reply.MuteResult;
import dev.relations.domain.common.Username;
import dev.relations.domain.room.RoomCommand.ExpireMutes;
import dev.relations.domain.room.RoomCommand.MuteMembers;
import dev.relations.domain.room.RoomCommand.UnmuteMembers;
import dev.relations.domain.room.RoomEvent.MutesAdded;
import dev.relations.domain.room.RoomEvent.MutesRemoved;
import dev.relations.domain.room.RoomEvent.UnmuteReason;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.common.Samples.DAVE;
import static dev.relations.domain.common.Samples.NOW;
import static dev.relations.domain.room.RoomScenario.ROOM;
import static dev.relations.domain.room.RoomScenario.created;
import static dev.relations.domain.room.RoomScenario.given;
import static dev.relations.domain.room.RoomScenario.note;
import static dev.relations.domain.room.RoomScenario.muted;
import static dev.relations.domain.room.RoomScenario.noRoom;
import static dev.relations.domain.room.RoomScenario.others;
import static dev.relations.domain.room.RoomScenario.promoted;
import static org.assertj.core.api.Assertions.assertThat;

/** The timed mute list; time is the request's, or the sweep's. */
class MuteTest {
    private static final long DAY = 86_400_000L;

    private static MuteMembers mute(long duration, Username... users) {
        return new MuteMembers(ROOM, List.of(users), duration);
    }

    @Test
    void muting_sets_an_expiry_counted_from_the_request() {
        var scenario = given(created(ALICE, BOB, CAROL));

        scenario.when(mute(DAY, BOB, CAROL))
                .events(new MutesAdded(ROOM, List.of(BOB, CAROL), NOW + DAY))
                .followUps(note(BOB), note(CAROL))
                .accepted(new Reply.MuteReply(List.of(new MuteResult(BOB, true, NOW + DAY), new MuteResult(CAROL, true, NOW + DAY))));
        assertThat(scenario.room().mute(BOB)).contains(new Mute(BOB, NOW + DAY));
    }

    @Test
    void a_duration_of_minus_one_mutes_for_good() {
        var scenario = given(created(ALICE, BOB));

        scenario.when(mute(-1, BOB))
                .events(new MutesAdded(ROOM, List.of(BOB), Mute.PERMANENT))
                .accepted(new Reply.MuteReply(List.of(new MuteResult(BOB, true, -1))));
        assertThat(scenario.room().mute(BOB).map(Mute::permanent)).contains(true);
    }

    /** G-21: an app may answer a permanent mute with Easemob's sentinel; it is still stored as permanent. */
    @Test
    void a_permanent_mute_is_answered_with_the_apps_sentinel_and_stored_as_permanent() {
        var d = RoomLimits.defaults();
        var sentinel = new RoomLimits(d.maxUsersCeiling(), d.defaultMaxUsers(), d.maxAdmins(), d.batchAddMax(),
                d.batchRemoveMax(), d.listBatchMax(), d.muteBatchMax(), d.maxNameLength(), d.maxDescriptionLength(),
                d.maxCustomLength(), d.forbiddenOpStatus(), 4_638_873_600_000L, false);
        var scenario = given(created(ALICE, BOB)).withLimits(sentinel);

        scenario.when(mute(-1, BOB))
                .events(new MutesAdded(ROOM, List.of(BOB), Mute.PERMANENT))
                .accepted(new Reply.MuteReply(List.of(new MuteResult(BOB, true, 4_638_873_600_000L))));
        assertThat(scenario.room().mute(BOB).map(Mute::permanent)).contains(true);
    }

    @Test
    void muting_again_replaces_the_expiry() {
        var scenario = given(created(ALICE, BOB), muted(NOW + DAY, BOB));

        scenario.when(mute(1_000, BOB)).events(new MutesAdded(ROOM, List.of(BOB), NOW + 1_000));
        assertThat(scenario.room().mute(BOB)).contains(new Mute(BOB, NOW + 1_000));
    }

    @Test
    void a_duration_of_zero_lifts_the_mute() {
        var scenario = given(created(ALICE, BOB, CAROL), muted(NOW + DAY, BOB));

        scenario.when(mute(0, BOB, CAROL))
                .events(new MutesRemoved(ROOM, List.of(BOB), UnmuteReason.API))
                .accepted(new Reply.MuteReply(List.of(new MuteResult(BOB, true, NOW), new MuteResult(CAROL, true, NOW))));
        assertThat(scenario.room().mute(BOB)).isEmpty();
    }

    @Test
    void an_admin_may_be_muted() {
        given(created(ALICE, BOB), promoted(BOB))
                .when(mute(DAY, BOB))
                .events(new MutesAdded(ROOM, List.of(BOB), NOW + DAY));
    }

    @Test
    void the_owner_cannot_be_muted() {
        given(created(ALICE, BOB))
                .when(mute(DAY, BOB, ALICE))
                .noEvents()
                .rejected(403, "forbidden_op", "forbidden operation on group owner!");
    }

    @Test
    void muting_non_members_fails_the_whole_call_naming_them() {
        given(created(ALICE, BOB))
                .when(mute(DAY, CAROL, BOB, DAVE))
                .noEvents()
                .rejected(400, "forbidden_op", "users [carol, dave] are not members of this group!");
    }

    @Test
    void a_negative_duration_other_than_minus_one_is_an_invalid_parameter() {
        given(created(ALICE, BOB))
                .when(mute(-2, BOB))
                .rejected(400, "invalid_parameter", "mute_duration must be -1, 0 or a positive number of milliseconds");
    }

    @Test
    void muting_more_than_60_users_is_an_invalid_parameter() {
        given(created(ALICE))
                .when(new MuteMembers(ROOM, Arrays.asList(others(61)), DAY))
                .rejected(400, "invalid_parameter", "userNames size is more than max limit : 60");
    }

    @Test
    void muting_in_a_missing_room_is_not_found() {
        noRoom()
                .when(mute(DAY, BOB))
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
    }

    @Test
    void a_huge_duration_saturates_instead_of_overflowing() {
        given(created(ALICE, BOB))
                .when(mute(Long.MAX_VALUE, BOB))
                .events(new MutesAdded(ROOM, List.of(BOB), Long.MAX_VALUE));
    }

    @Test
    void unmuting_answers_per_user_and_fails_for_users_not_muted() {
        var scenario = given(created(ALICE, BOB, CAROL), muted(NOW + DAY, BOB));

        scenario.when(new UnmuteMembers(ROOM, List.of(BOB, CAROL)))
                .events(new MutesRemoved(ROOM, List.of(BOB), UnmuteReason.API))
                .accepted(new Reply.UnmuteReply(List.of(
                        new MemberResult(BOB, true, Optional.empty()),
                        new MemberResult(CAROL, false, Optional.empty()))));
        assertThat(scenario.room().mute(BOB)).isEmpty();
    }

    @Test
    void a_mute_past_its_expiry_is_not_in_force_and_is_left_to_the_sweep() {
        var scenario = given(created(ALICE, BOB), muted(NOW - 1, BOB));

        scenario.when(new UnmuteMembers(ROOM, List.of(BOB)))
                .noEvents()
                .accepted(new Reply.UnmuteReply(List.of(new MemberResult(BOB, false, Optional.empty()))));
        assertThat(scenario.room().mute(BOB)).isPresent();
    }

    @Test
    void unmuting_more_than_60_users_is_an_invalid_parameter() {
        given(created(ALICE))
                .when(new UnmuteMembers(ROOM, Arrays.asList(others(61))))
                .rejected(400, "invalid_parameter", "removeMute member size more than max limit :  60");
    }

    @Test
    void unmuting_in_a_missing_room_is_not_found() {
        noRoom()
                .when(new UnmuteMembers(ROOM, List.of(BOB)))
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
    }

    @Test
    void the_sweep_lifts_mutes_due_at_its_time_and_keeps_the_rest() {
        var scenario = given(created(ALICE, BOB, CAROL, DAVE),
                muted(NOW + 1_000, BOB), muted(NOW + 5_000, CAROL), muted(Mute.PERMANENT, DAVE));

        scenario.when(new ExpireMutes(ROOM, NOW + 1_000))
                .events(new MutesRemoved(ROOM, List.of(BOB), UnmuteReason.EXPIRED))
                .noFollowUps()
                .undecided();
        assertThat(scenario.room().mute(CAROL)).isPresent();
        assertThat(scenario.room().mute(DAVE)).isPresent();
    }

    @Test
    void the_sweep_lifts_mutes_of_users_who_left() {
        given(created(ALICE), muted(NOW, BOB))
                .when(new ExpireMutes(ROOM, NOW + 1))
                .events(new MutesRemoved(ROOM, List.of(BOB), UnmuteReason.EXPIRED));
    }

    @Test
    void a_sweep_with_nothing_due_changes_nothing() {
        given(created(ALICE, BOB), muted(NOW + DAY, BOB))
                .when(new ExpireMutes(ROOM, NOW))
                .noEvents()
                .undecided();
    }

    @Test
    void a_sweep_of_a_missing_room_changes_nothing() {
        noRoom()
                .when(new ExpireMutes(ROOM, NOW))
                .noEvents()
                .undecided();
    }
}
