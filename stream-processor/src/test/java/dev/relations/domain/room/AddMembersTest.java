package dev.relations.domain.room;

import dev.relations.domain.common.Reply;
import dev.relations.domain.common.Username;
import dev.relations.domain.room.RoomCommand.AddMembers;
import dev.relations.domain.room.RoomCommand.DeleteRoom;
import dev.relations.domain.room.RoomCommand.ExpireJoins;
import dev.relations.domain.room.RoomCommand.SeatGranted;
import dev.relations.domain.room.RoomCommand.SeatRefused;
import dev.relations.domain.room.RoomEvent.BatchExpired;
import dev.relations.domain.room.RoomEvent.BatchFinished;
import dev.relations.domain.room.RoomEvent.BatchQueued;
import dev.relations.domain.room.RoomEvent.BatchStarted;
import dev.relations.domain.room.RoomEvent.JoinReason;
import dev.relations.domain.room.RoomEvent.MembersJoined;
import dev.relations.domain.room.RoomEvent.MembersReleased;
import dev.relations.domain.room.RoomEvent.MembersReserved;
import dev.relations.domain.room.RoomEvent.SeatAnswered;
import dev.relations.domain.seat.SeatRefusal;
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
import static dev.relations.domain.room.RoomScenario.blocklisted;
import static dev.relations.domain.room.RoomScenario.created;
import static dev.relations.domain.room.RoomScenario.createdWithMax;
import static dev.relations.domain.room.RoomScenario.given;
import static dev.relations.domain.room.RoomScenario.joined;
import static dev.relations.domain.room.RoomScenario.noRoom;
import static dev.relations.domain.room.RoomScenario.others;
import static dev.relations.domain.room.RoomScenario.release;
import static dev.relations.domain.room.RoomScenario.take;
import static org.assertj.core.api.Assertions.assertThat;

/** Batch add (SPEC D.4): members and blocked users are skipped, the rest join if their seats are granted and places are free. */
class AddMembersTest {

    private static AddMembers add(Username... users) {
        return new AddMembers(ROOM, List.of(users));
    }

    @Test
    void a_batch_reserves_every_new_user_and_asks_each_for_a_seat() {
        given(created(ALICE))
                .when(add(BOB, CAROL))
                .events(new MembersReserved(ROOM, "req-1", List.of(BOB, CAROL), NOW),
                        new BatchStarted(ROOM, "req-1", List.of(BOB, CAROL), Optional.empty()))
                .followUps(take(BOB), take(CAROL))
                .undecided();
    }

    @Test
    void the_batch_answers_the_users_who_joined_once_every_user_answered() {
        var scenario = given(created(ALICE));
        scenario.when(add(BOB, CAROL, DAVE));
        scenario.when(new SeatGranted(ROOM, DAVE)).undecided();
        scenario.when(new SeatRefused(ROOM, CAROL, SeatRefusal.NOT_FOUND))
                .events(new MembersReleased(ROOM, List.of(CAROL)),
                        new SeatAnswered(ROOM, "req-1", CAROL, Optional.of(SeatRefusal.NOT_FOUND)))
                .undecided();

        scenario.when(new SeatGranted(ROOM, BOB))
                .events(new SeatAnswered(ROOM, "req-1", BOB, Optional.empty()),
                        new MembersJoined(ROOM, List.of(BOB, DAVE), JoinReason.DIRECT, NOW),
                        new BatchFinished(ROOM, "req-1"))
                .noFollowUps()
                .accepted(new Reply.NewMembersReply(ROOM, List.of(BOB, DAVE)));
        assertThat(scenario.room().confirmedMembers()).containsExactly(ALICE, BOB, DAVE);
        assertThat(scenario.room().batchCount()).isZero();
    }

    @Test
    void a_batch_whose_users_are_all_refused_answers_no_new_members() {
        var scenario = given(created(ALICE));
        scenario.when(add(BOB));

        scenario.when(new SeatRefused(ROOM, BOB, SeatRefusal.TOO_MANY))
                .events(new MembersReleased(ROOM, List.of(BOB)),
                        new SeatAnswered(ROOM, "req-1", BOB, Optional.of(SeatRefusal.TOO_MANY)),
                        new BatchFinished(ROOM, "req-1"))
                .accepted(new Reply.NewMembersReply(ROOM, List.of()));
        assertThat(scenario.room().memberCount()).isEqualTo(1);
    }

    @Test
    void existing_members_and_blocked_users_are_skipped() {
        given(created(ALICE, BOB), blocklisted(CAROL))
                .when(add(ALICE, BOB, CAROL, DAVE))
                .events(new MembersReserved(ROOM, "req-1", List.of(DAVE), NOW),
                        new BatchStarted(ROOM, "req-1", List.of(DAVE), Optional.empty()))
                .followUps(take(DAVE));
    }

    @Test
    void a_batch_with_nobody_new_answers_at_once() {
        given(created(ALICE, BOB))
                .when(add(BOB, BOB))
                .noEvents()
                .noFollowUps()
                .accepted(new Reply.NewMembersReply(ROOM, List.of()));
    }

    @Test
    void users_beyond_the_free_places_wait_in_the_queue() {
        given(createdWithMax(3, ALICE))
                .when(add(BOB, CAROL, DAVE))
                .events(new MembersReserved(ROOM, "req-1", List.of(BOB, CAROL), NOW),
                        new BatchStarted(ROOM, "req-1", List.of(BOB, CAROL), Optional.empty()),
                        new BatchQueued(ROOM, "req-1", List.of(DAVE), Optional.empty()))
                .followUps(take(BOB), take(CAROL))
                .undecided();
    }

    @Test
    void users_still_queued_when_every_asked_user_answered_are_left_out_of_newmembers() {
        var scenario = given(createdWithMax(3, ALICE));
        scenario.when(add(BOB, CAROL, DAVE));
        scenario.when(new SeatGranted(ROOM, BOB)).undecided();

        scenario.when(new SeatGranted(ROOM, CAROL))
                .events(new SeatAnswered(ROOM, "req-1", CAROL, Optional.empty()),
                        new MembersJoined(ROOM, List.of(BOB, CAROL), JoinReason.DIRECT, NOW),
                        new BatchFinished(ROOM, "req-1"))
                .noFollowUps()
                .accepted(new Reply.NewMembersReply(ROOM, List.of(BOB, CAROL)));
        assertThat(scenario.room().member(DAVE)).isEmpty();
    }

    @Test
    void a_refused_user_gives_its_place_to_the_next_queued_user() {
        var scenario = given(createdWithMax(3, ALICE));
        scenario.when(add(BOB, CAROL, DAVE));
        scenario.when(new SeatGranted(ROOM, CAROL)).undecided();

        scenario.when(new SeatRefused(ROOM, BOB, SeatRefusal.NOT_FOUND))
                .events(new MembersReleased(ROOM, List.of(BOB)),
                        new SeatAnswered(ROOM, "req-1", BOB, Optional.of(SeatRefusal.NOT_FOUND)),
                        new MembersReserved(ROOM, "req-1", List.of(DAVE), NOW),
                        new BatchQueued(ROOM, "req-1", List.of(), Optional.of(DAVE)))
                .followUps(take(DAVE))
                .undecided();
        scenario.when(new SeatGranted(ROOM, DAVE))
                .events(new SeatAnswered(ROOM, "req-1", DAVE, Optional.empty()),
                        new MembersJoined(ROOM, List.of(CAROL, DAVE), JoinReason.DIRECT, NOW),
                        new BatchFinished(ROOM, "req-1"))
                .accepted(new Reply.NewMembersReply(ROOM, List.of(CAROL, DAVE)));
        assertThat(scenario.room().memberCount()).isEqualTo(3);
    }

    @Test
    void a_queued_user_who_joined_meanwhile_is_passed_over() {
        var scenario = given(createdWithMax(2, ALICE));
        scenario.when(add(BOB, CAROL, DAVE));
        scenario.and(joined(CAROL));

        scenario.when(new SeatRefused(ROOM, BOB, SeatRefusal.TOO_MANY))
                .events(new MembersReleased(ROOM, List.of(BOB)),
                        new SeatAnswered(ROOM, "req-1", BOB, Optional.of(SeatRefusal.TOO_MANY)),
                        new MembersReserved(ROOM, "req-1", List.of(DAVE), NOW),
                        new BatchQueued(ROOM, "req-1", List.of(), Optional.of(DAVE)))
                .followUps(take(DAVE));
    }

    @Test
    void a_batch_for_a_full_room_adds_nobody_and_succeeds() {
        given(createdWithMax(2, ALICE, BOB))
                .when(add(CAROL, DAVE))
                .noEvents()
                .noFollowUps()
                .accepted(new Reply.NewMembersReply(ROOM, List.of()));
    }

    @Test
    void a_name_that_cannot_be_a_username_is_left_out() {
        given(created(ALICE))
                .when(add(Username.of("no/such user"), BOB))
                .events(new MembersReserved(ROOM, "req-1", List.of(BOB), NOW),
                        new BatchStarted(ROOM, "req-1", List.of(BOB), Optional.empty()))
                .followUps(take(BOB));
    }

    @Test
    void more_than_60_users_is_an_invalid_parameter() {
        given(created(ALICE))
                .when(new AddMembers(ROOM, Arrays.asList(others(61))))
                .noEvents()
                .rejected(400, "invalid_parameter", "addMembers: addMembers number more than maxSize : 60");
    }

    @Test
    void sixty_users_is_within_the_limit() {
        given(created(ALICE))
                .when(new AddMembers(ROOM, Arrays.asList(others(60))))
                .undecided();
    }

    @Test
    void an_empty_batch_is_an_invalid_parameter() {
        given(created(ALICE))
                .when(new AddMembers(ROOM, List.of()))
                .rejected(400, "invalid_parameter", "usernames must be provided");
    }

    @Test
    void a_batch_for_a_missing_room_is_not_found() {
        noRoom()
                .when(add(BOB))
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
    }

    @Test
    void a_batch_whose_room_is_deleted_meanwhile_is_not_found_once_every_user_answered() {
        var scenario = given(created(ALICE));
        scenario.when(add(BOB, CAROL));
        scenario.inRequest("req-2").when(new DeleteRoom(ROOM));
        scenario.inRequest("req-1").when(new SeatGranted(ROOM, BOB)).undecided();

        scenario.when(new SeatGranted(ROOM, CAROL))
                .events(new SeatAnswered(ROOM, "req-1", CAROL, Optional.empty()),
                        new BatchFinished(ROOM, "req-1"))
                .noFollowUps()
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
        assertThat(scenario.room().memberCount()).isZero();
    }

    @Test
    void a_repeated_answer_is_ignored() {
        var scenario = given(created(ALICE));
        scenario.when(add(BOB, CAROL));
        scenario.when(new SeatGranted(ROOM, BOB));

        scenario.when(new SeatGranted(ROOM, BOB)).noEvents().noFollowUps().undecided();
    }

    @Test
    void at_the_deadline_silent_users_give_their_places_and_seats_back_and_the_batch_answers_who_joined() {
        var scenario = given(created(ALICE));
        scenario.when(add(BOB, CAROL, DAVE));
        scenario.when(new SeatGranted(ROOM, BOB));

        scenario.when(new ExpireJoins(ROOM))
                .events(new MembersReleased(ROOM, List.of(CAROL, DAVE)),
                        new BatchExpired(ROOM, "req-1"),
                        new MembersJoined(ROOM, List.of(BOB), JoinReason.DIRECT, NOW),
                        new BatchFinished(ROOM, "req-1"))
                .followUps(release(CAROL), release(DAVE))
                .accepted(new Reply.NewMembersReply(ROOM, List.of(BOB)));
        assertThat(scenario.room().confirmedMembers()).containsExactly(ALICE, BOB);
        assertThat(scenario.room().memberCount()).isEqualTo(2);
    }

    @Test
    void a_batch_answered_before_its_deadline_is_left_alone() {
        var scenario = given(created(ALICE));
        scenario.when(add(BOB));
        scenario.when(new SeatGranted(ROOM, BOB));

        scenario.when(new ExpireJoins(ROOM)).noEvents().noFollowUps().undecided();
    }

    @Test
    void a_late_grant_answers_nothing_and_gives_the_seat_back() {
        var scenario = given(created(ALICE));
        scenario.when(add(BOB, CAROL));
        scenario.when(new SeatGranted(ROOM, CAROL));
        scenario.when(new ExpireJoins(ROOM));

        scenario.when(new SeatGranted(ROOM, BOB))
                .events(new SeatAnswered(ROOM, "req-1", BOB, Optional.empty()))
                .followUps(release(BOB))
                .undecided();
        assertThat(scenario.room().confirmedMembers()).containsExactly(ALICE, CAROL);
        assertThat(scenario.room().batchCount()).as("kept no longer").isZero();
    }

    @Test
    void a_late_grant_keeps_the_seat_of_a_user_who_joined_again_since() {
        var scenario = given(created(ALICE));
        scenario.when(add(BOB));
        scenario.when(new ExpireJoins(ROOM));
        scenario.and(joined(BOB));

        scenario.when(new SeatGranted(ROOM, BOB))
                .events(new SeatAnswered(ROOM, "req-1", BOB, Optional.empty()))
                .noFollowUps()
                .undecided();
    }
}
