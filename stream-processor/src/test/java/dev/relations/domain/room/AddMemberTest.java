package dev.relations.domain.room;

import dev.relations.domain.common.Reply;
import dev.relations.domain.common.Reply.MemberAction;
import dev.relations.domain.room.RoomCommand.AddMember;
import dev.relations.domain.room.RoomCommand.SeatGranted;
import dev.relations.domain.room.RoomCommand.SeatRefused;
import dev.relations.domain.room.RoomEvent.JoinReason;
import dev.relations.domain.room.RoomEvent.MembersJoined;
import dev.relations.domain.room.RoomEvent.MembersReleased;
import dev.relations.domain.room.RoomEvent.MembersReserved;
import dev.relations.domain.seat.SeatRefusal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.common.Samples.NOW;
import static dev.relations.domain.room.RoomScenario.ROOM;
import static dev.relations.domain.room.RoomScenario.blocklisted;
import static dev.relations.domain.room.RoomScenario.created;
import static dev.relations.domain.room.RoomScenario.createdWithMax;
import static dev.relations.domain.room.RoomScenario.given;
import static dev.relations.domain.room.RoomScenario.limits;
import static dev.relations.domain.room.RoomScenario.noRoom;
import static dev.relations.domain.room.RoomScenario.release;
import static dev.relations.domain.room.RoomScenario.reserved;
import static dev.relations.domain.room.RoomScenario.take;
import static org.assertj.core.api.Assertions.assertThat;

/** Adding one member: reserve a place at the room, take a seat at the user, confirm or give back. */
class AddMemberTest {
    private static final AddMember ADD_BOB = new AddMember(ROOM, BOB);

    @Test
    void adding_a_member_reserves_a_place_and_asks_the_user_for_a_seat() {
        var scenario = given(created(ALICE));

        scenario.when(ADD_BOB)
                .events(new MembersReserved(ROOM, "req-1", List.of(BOB), NOW))
                .followUps(take(BOB))
                .undecided();
        assertThat(scenario.room().memberCount()).isEqualTo(2);
        assertThat(scenario.room().member(BOB))
                .contains(new Member(BOB, Role.MEMBER, 0L, NOW, true, Optional.of("req-1")));
    }

    @Test
    void a_granted_seat_confirms_the_member() {
        var scenario = given(created(ALICE), reserved("req-1", BOB));

        scenario.when(new SeatGranted(ROOM, BOB))
                .events(new MembersJoined(ROOM, List.of(BOB), JoinReason.DIRECT, NOW))
                .noFollowUps()
                .accepted(new Reply.MemberReply(ROOM, MemberAction.ADD_MEMBER, BOB));
        assertThat(scenario.room().confirmedMembers()).containsExactly(ALICE, BOB);
    }

    @Test
    void a_user_who_does_not_exist_gives_the_place_back_and_is_not_found() {
        var scenario = given(created(ALICE), reserved("req-1", BOB));

        scenario.when(new SeatRefused(ROOM, BOB, SeatRefusal.NOT_FOUND))
                .events(new MembersReleased(ROOM, List.of(BOB)))
                .noFollowUps()
                .rejected(404, "resource_not_found", "username bob doesn't exist!");
        assertThat(scenario.room().memberCount()).isEqualTo(1);
    }

    @Test
    void a_user_in_too_many_rooms_gives_the_place_back_and_exceeds_the_limit() {
        var scenario = given(created(ALICE), reserved("req-1", BOB));

        scenario.when(new SeatRefused(ROOM, BOB, SeatRefusal.TOO_MANY))
                .events(new MembersReleased(ROOM, List.of(BOB)))
                .rejected(403, "exceed_limit", "can not join this group, reason:user bob has joined too many chatrooms!");
        assertThat(scenario.room().member(BOB)).isEmpty();
    }

    @Test
    void adding_to_a_missing_room_is_not_found() {
        noRoom()
                .when(ADD_BOB)
                .noEvents()
                .noFollowUps()
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
    }

    @Test
    void adding_an_existing_member_is_a_forbidden_operation() {
        given(created(ALICE, BOB))
                .when(ADD_BOB)
                .noEvents()
                .noFollowUps()
                .rejected(400, "forbidden_op", "can not join this group, reason:user: bob already in group: 66000033\n");
    }

    @Test
    void adding_the_owner_is_a_forbidden_operation() {
        given(created(ALICE))
                .when(new AddMember(ROOM, ALICE))
                .rejected(400, "forbidden_op", "can not join this group, reason:user: alice already in group: 66000033\n");
    }

    @Test
    void the_already_a_member_status_follows_the_compatibility_switch() {
        given(created(ALICE, BOB))
                .withLimits(limits(99, 403))
                .when(ADD_BOB)
                .rejected(403, "forbidden_op", "can not join this group, reason:user: bob already in group: 66000033\n");
    }

    @Test
    void adding_a_user_whose_add_is_in_flight_is_refused_as_already_a_member() {
        given(created(ALICE), reserved("req-0", BOB))
                .when(ADD_BOB)
                .noEvents()
                .rejected(400, "forbidden_op", "can not join this group, reason:user: bob already in group: 66000033\n");
    }

    @Test
    void adding_a_blocked_user_is_forbidden() {
        given(created(ALICE), blocklisted(BOB))
                .when(ADD_BOB)
                .noEvents()
                .noFollowUps()
                .rejected(403, "forbidden_op", "user bob is in blacklist of group: 66000033");
    }

    @Test
    void adding_to_a_full_room_exceeds_the_limit() {
        given(createdWithMax(2, ALICE, CAROL))
                .when(ADD_BOB)
                .noEvents()
                .noFollowUps()
                .rejected(403, "exceed_limit", "members size is greater than max user size !");
    }

    @Test
    void a_place_reserved_by_an_add_in_flight_counts_against_maxusers() {
        given(createdWithMax(2, ALICE), reserved("req-0", CAROL))
                .when(ADD_BOB)
                .rejected(403, "exceed_limit", "members size is greater than max user size !");
    }

    @Test
    void a_seat_granted_after_the_room_was_deleted_is_given_back() {
        noRoom()
                .when(new SeatGranted(ROOM, BOB))
                .noEvents()
                .followUps(release(BOB))
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
    }

    @Test
    void a_refusal_after_the_room_was_deleted_still_answers_the_refusal() {
        noRoom()
                .when(new SeatRefused(ROOM, BOB, SeatRefusal.NOT_FOUND))
                .noEvents()
                .noFollowUps()
                .rejected(404, "resource_not_found", "username bob doesn't exist!");
    }

    @Test
    void an_answer_for_another_requests_reservation_confirms_nothing() {
        var scenario = given(created(ALICE), reserved("req-0", BOB));

        scenario.when(new SeatGranted(ROOM, BOB))
                .noEvents()
                .noFollowUps()
                .rejected(400, "forbidden_op", "can not join this group, reason:user: bob already in group: 66000033\n");
        assertThat(scenario.room().member(BOB).map(Member::pending)).contains(true);
    }
}
