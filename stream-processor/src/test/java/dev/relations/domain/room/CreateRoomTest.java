package dev.relations.domain.room;

import dev.relations.domain.common.Reply;
import dev.relations.domain.common.Username;
import dev.relations.domain.room.RoomCommand.AddMember;
import dev.relations.domain.room.RoomCommand.CreateRoom;
import dev.relations.domain.room.RoomCommand.SeatGranted;
import dev.relations.domain.room.RoomCommand.SeatRefused;
import dev.relations.domain.room.RoomEvent.BatchFinished;
import dev.relations.domain.room.RoomEvent.BatchStarted;
import dev.relations.domain.room.RoomEvent.JoinReason;
import dev.relations.domain.room.RoomEvent.MembersJoined;
import dev.relations.domain.room.RoomEvent.MembersReleased;
import dev.relations.domain.room.RoomEvent.MembersReserved;
import dev.relations.domain.room.RoomEvent.RoomCreated;
import dev.relations.domain.room.RoomEvent.SeatAnswered;
import dev.relations.domain.seat.SeatRefusal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.common.Samples.NOW;
import static dev.relations.domain.room.RoomScenario.ROOM;
import static dev.relations.domain.room.RoomScenario.created;
import static dev.relations.domain.room.RoomScenario.noRoom;
import static dev.relations.domain.room.RoomScenario.release;
import static dev.relations.domain.room.RoomScenario.take;
import static org.assertj.core.api.Assertions.assertThat;

/** Creation: all or nothing across the owner's and every member's seats. */
class CreateRoomTest {
    private static final CreateRoom ALICE_CREATES_WITH_BOB_AND_CAROL = create(Optional.of(300), ALICE, BOB, CAROL);
    private static final RoomInfo OPENED = new RoomInfo(ROOM, "lobby", "a room", 300, ALICE, "{}", NOW, false);

    private static CreateRoom create(Optional<Integer> maxUsers, Username owner, Username... members) {
        return new CreateRoom(ROOM, "lobby", "a room", maxUsers, owner, List.of(members), "{}");
    }

    /** A scenario whose creation has asked every seat. */
    private static RoomScenario creating() {
        var scenario = noRoom();
        scenario.when(ALICE_CREATES_WITH_BOB_AND_CAROL);
        return scenario;
    }

    @Test
    void creating_reserves_the_owner_and_members_and_asks_each_for_a_seat() {
        var scenario = noRoom();

        scenario.when(ALICE_CREATES_WITH_BOB_AND_CAROL)
                .events(new MembersReserved(ROOM, "req-1", List.of(ALICE, BOB, CAROL), NOW),
                        new BatchStarted(ROOM, "req-1", List.of(ALICE, BOB, CAROL), Optional.of(OPENED)))
                .followUps(take(ALICE), take(BOB), take(CAROL))
                .undecided();
        assertThat(scenario.room().info()).isEmpty();
        assertThat(scenario.room().memberCount()).isEqualTo(3);
    }

    @Test
    void the_room_opens_when_every_seat_is_granted() {
        var scenario = creating();
        scenario.when(new SeatGranted(ROOM, BOB))
                .events(new SeatAnswered(ROOM, "req-1", BOB, Optional.empty()))
                .noFollowUps()
                .undecided();
        scenario.when(new SeatGranted(ROOM, ALICE)).undecided();

        scenario.when(new SeatGranted(ROOM, CAROL))
                .events(new SeatAnswered(ROOM, "req-1", CAROL, Optional.empty()),
                        new RoomCreated(ROOM, OPENED, List.of(ALICE, BOB, CAROL)),
                        new MembersJoined(ROOM, List.of(BOB, CAROL), JoinReason.DIRECT, NOW),
                        new BatchFinished(ROOM, "req-1"))
                .noFollowUps()
                .accepted(new Reply.RoomCreatedReply(ROOM));
        assertThat(scenario.room().info()).contains(OPENED);
        assertThat(scenario.room().member(ALICE).map(Member::role)).contains(Role.OWNER);
        assertThat(scenario.room().confirmedMembers()).containsExactly(ALICE, BOB, CAROL);
        assertThat(scenario.room().batchCount()).isZero();
    }

    @Test
    void a_room_without_members_opens_with_its_owner_alone() {
        var scenario = noRoom();
        scenario.when(create(Optional.empty(), ALICE)).followUps(take(ALICE));

        scenario.when(new SeatGranted(ROOM, ALICE))
                .events(new SeatAnswered(ROOM, "req-1", ALICE, Optional.empty()),
                        new RoomCreated(ROOM, new RoomInfo(ROOM, "lobby", "a room", 1_000, ALICE, "{}", NOW, false)),
                        new BatchFinished(ROOM, "req-1"))
                .accepted(new Reply.RoomCreatedReply(ROOM));
    }

    @Test
    void a_missing_owner_fails_the_creation_and_gives_back_every_seat_taken() {
        var scenario = creating();
        scenario.when(new SeatGranted(ROOM, BOB));
        scenario.when(new SeatGranted(ROOM, CAROL));

        scenario.when(new SeatRefused(ROOM, ALICE, SeatRefusal.NOT_FOUND))
                .events(new MembersReleased(ROOM, List.of(ALICE)),
                        new SeatAnswered(ROOM, "req-1", ALICE, Optional.of(SeatRefusal.NOT_FOUND)),
                        new MembersReleased(ROOM, List.of(BOB, CAROL)),
                        new BatchFinished(ROOM, "req-1"))
                .followUps(release(BOB), release(CAROL))
                .rejected(404, "resource_not_found", "username alice doesn't exist!");
        assertThat(scenario.room().info()).isEmpty();
        assertThat(scenario.room().memberCount()).isZero();
    }

    @Test
    void an_owner_in_too_many_rooms_fails_the_creation() {
        var scenario = creating();
        scenario.when(new SeatRefused(ROOM, ALICE, SeatRefusal.TOO_MANY));
        scenario.when(new SeatGranted(ROOM, BOB));

        scenario.when(new SeatGranted(ROOM, CAROL))
                .followUps(release(BOB), release(CAROL))
                .rejected(403, "exceed_limit", "user alice has joined too many chatrooms!");
    }

    @Test
    void a_missing_member_fails_the_whole_creation() {
        var scenario = creating();
        scenario.when(new SeatGranted(ROOM, ALICE));
        scenario.when(new SeatRefused(ROOM, BOB, SeatRefusal.NOT_FOUND));

        scenario.when(new SeatGranted(ROOM, CAROL))
                .followUps(release(ALICE), release(CAROL))
                .rejected(404, "resource_not_found", "username bob doesn't exist!");
        assertThat(scenario.room().info()).isEmpty();
    }

    @Test
    void a_member_in_too_many_rooms_fails_the_whole_creation() {
        var scenario = creating();
        scenario.when(new SeatGranted(ROOM, ALICE));
        scenario.when(new SeatGranted(ROOM, BOB));

        scenario.when(new SeatRefused(ROOM, CAROL, SeatRefusal.TOO_MANY))
                .followUps(release(ALICE), release(BOB))
                .rejected(403, "exceed_limit", "user carol has joined too many chatrooms!");
    }

    @Test
    void the_owners_refusal_is_reported_before_a_members() {
        var scenario = creating();
        scenario.when(new SeatRefused(ROOM, BOB, SeatRefusal.NOT_FOUND));
        scenario.when(new SeatGranted(ROOM, CAROL));

        scenario.when(new SeatRefused(ROOM, ALICE, SeatRefusal.TOO_MANY))
                .rejected(403, "exceed_limit", "user alice has joined too many chatrooms!");
    }

    @Test
    void the_first_refused_member_in_request_order_is_reported() {
        var scenario = creating();
        scenario.when(new SeatGranted(ROOM, ALICE));
        scenario.when(new SeatRefused(ROOM, CAROL, SeatRefusal.NOT_FOUND));

        scenario.when(new SeatRefused(ROOM, BOB, SeatRefusal.TOO_MANY))
                .rejected(403, "exceed_limit", "user bob has joined too many chatrooms!");
    }

    @Test
    void a_room_being_created_is_not_found_by_other_commands() {
        creating().inRequest("req-2")
                .when(new AddMember(ROOM, Username.of("dave")))
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
    }

    @Test
    void creating_an_existing_room_is_rejected() {
        given_live_room()
                .when(ALICE_CREATES_WITH_BOB_AND_CAROL)
                .noEvents()
                .noFollowUps()
                .rejected(400, "illegal_argument", "group ID 66000033 already exists!");
    }

    @Test
    void creating_a_room_whose_creation_is_in_flight_is_rejected() {
        creating().inRequest("req-2")
                .when(ALICE_CREATES_WITH_BOB_AND_CAROL)
                .noEvents()
                .rejected(400, "illegal_argument", "group ID 66000033 already exists!");
    }

    @Test
    void more_members_than_maxusers_is_rejected_as_full() {
        noRoom()
                .when(create(Optional.of(2), ALICE, BOB, CAROL))
                .noEvents()
                .noFollowUps()
                .rejected(403, "exceed_limit", "members size is greater than max user size !");
    }

    @Test
    void maxusers_counts_the_owner() {
        noRoom()
                .when(create(Optional.of(3), ALICE, BOB, CAROL))
                .followUps(take(ALICE), take(BOB), take(CAROL))
                .undecided();
    }

    @Test
    void the_owner_named_among_the_members_and_repeated_members_count_once() {
        noRoom()
                .when(create(Optional.of(2), ALICE, ALICE, BOB, BOB))
                .followUps(take(ALICE), take(BOB))
                .undecided();
    }

    @Test
    void maxusers_above_the_ceiling_is_rejected() {
        noRoom()
                .when(create(Optional.of(10_001), ALICE))
                .rejected(403, "exceed_limit", "maxUsers cannot exceed 10000");
    }

    @Test
    void a_name_longer_than_128_characters_is_rejected() {
        noRoom()
                .when(new CreateRoom(ROOM, "n".repeat(129), "a room", Optional.empty(), ALICE, List.of(), ""))
                .rejected(403, "exceed_limit", "title cannot exceed to 128");
    }

    @Test
    void a_description_longer_than_512_characters_is_rejected() {
        noRoom()
                .when(new CreateRoom(ROOM, "lobby", "d".repeat(513), Optional.empty(), ALICE, List.of(), ""))
                .rejected(403, "exceed_limit", "desc cannot exceed to 512");
    }

    @Test
    void custom_data_longer_than_8_kb_is_rejected() {
        noRoom()
                .when(new CreateRoom(ROOM, "lobby", "a room", Optional.empty(), ALICE, List.of(), "c".repeat(8_193)))
                .rejected(403, "exceed_limit", "custom cannot exceed to 8192");
    }

    private static RoomScenario given_live_room() {
        return RoomScenario.given(created(ALICE));
    }
}
