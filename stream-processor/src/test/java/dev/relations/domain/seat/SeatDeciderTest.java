package dev.relations.domain.seat;

import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.room.RoomCommand;
import dev.relations.domain.room.RoomCommand.DropMember;
import dev.relations.domain.room.RoomCommand.SeatGranted;
import dev.relations.domain.room.RoomCommand.SeatRefused;
import dev.relations.domain.room.RoomCommand.UserCheck;
import dev.relations.domain.room.RoomCommand.UserChecked;
import dev.relations.domain.seat.SeatCommand.CheckUser;
import dev.relations.domain.seat.SeatCommand.DropSeats;
import dev.relations.domain.seat.SeatCommand.NoteRoomEntries;
import dev.relations.domain.seat.SeatCommand.ReleaseSeat;
import dev.relations.domain.seat.SeatCommand.TakeSeat;
import dev.relations.domain.seat.SeatEvent.EntriesForgotten;
import dev.relations.domain.seat.SeatEvent.EntriesNoted;
import dev.relations.domain.seat.SeatEvent.SeatReleased;
import dev.relations.domain.seat.SeatEvent.SeatTaken;
import org.junit.jupiter.api.Test;

import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.NOW;
import static dev.relations.domain.common.Samples.user;
import static dev.relations.domain.seat.SeatScenario.HALL;
import static dev.relations.domain.seat.SeatScenario.LOBBY;
import static dev.relations.domain.seat.SeatScenario.given;
import static dev.relations.domain.seat.SeatScenario.seated;
import static dev.relations.domain.seat.SeatScenario.seatedElsewhere;
import static org.assertj.core.api.Assertions.assertThat;

/** A user's side of joining rooms: existence and the joined-rooms limit. */
class SeatDeciderTest {
    private static final FollowUp<RoomCommand> GRANTED = new FollowUp<>(LOBBY, new SeatGranted(LOBBY, BOB));

    @Test
    void taking_a_seat_holds_it_and_answers_the_room() {
        var scenario = given(InMemorySeats.of(user(BOB)));

        scenario.when(new TakeSeat(BOB, LOBBY))
                .events(new SeatTaken(BOB, LOBBY, NOW))
                .followUps(GRANTED)
                .undecided();
        assertThat(scenario.seats().joinedCount()).isEqualTo(1);
        assertThat(scenario.seats().seat(LOBBY)).contains(new Seat(LOBBY, 1L, NOW));
    }

    @Test
    void a_user_who_does_not_exist_refuses_the_seat() {
        given(InMemorySeats.unregistered())
                .when(new TakeSeat(BOB, LOBBY))
                .noEvents()
                .followUps(new FollowUp<>(LOBBY, new SeatRefused(LOBBY, BOB, SeatRefusal.NOT_FOUND)))
                .undecided();
    }

    @Test
    void a_user_in_as_many_rooms_as_allowed_refuses_another() {
        given(InMemorySeats.of(user(BOB)), seatedElsewhere(BOB, 2))
                .withLimit(2)
                .when(new TakeSeat(BOB, LOBBY))
                .noEvents()
                .followUps(new FollowUp<>(LOBBY, new SeatRefused(LOBBY, BOB, SeatRefusal.TOO_MANY)));
    }

    @Test
    void a_room_asking_about_a_registered_user_is_told_it_exists_and_nothing_changes() {
        var scenario = given(InMemorySeats.of(user(BOB)));

        scenario.when(new CheckUser(BOB, LOBBY, UserCheck.REMOVE_MEMBER))
                .noEvents()
                .followUps(new FollowUp<>(LOBBY, new UserChecked(LOBBY, BOB, UserCheck.REMOVE_MEMBER, true)))
                .undecided();
        assertThat(scenario.seats().joinedCount()).isZero();
    }

    @Test
    void a_room_asking_about_an_unknown_user_is_told_it_does_not_exist() {
        given(InMemorySeats.unregistered())
                .when(new CheckUser(BOB, LOBBY, UserCheck.TRANSFER_OWNER))
                .noEvents()
                .followUps(new FollowUp<>(LOBBY, new UserChecked(LOBBY, BOB, UserCheck.TRANSFER_OWNER, false)))
                .undecided();
    }

    @Test
    void the_default_limit_is_100_rooms() {
        given(InMemorySeats.of(user(BOB)), seatedElsewhere(BOB, 100))
                .when(new TakeSeat(BOB, LOBBY))
                .followUps(new FollowUp<>(LOBBY, new SeatRefused(LOBBY, BOB, SeatRefusal.TOO_MANY)));
    }

    @Test
    void a_held_seat_is_granted_again_without_counting_twice() {
        var scenario = given(InMemorySeats.of(user(BOB)), seated(BOB, LOBBY)).withLimit(1);

        scenario.when(new TakeSeat(BOB, LOBBY)).noEvents().followUps(GRANTED);
        assertThat(scenario.seats().joinedCount()).isEqualTo(1);
    }

    @Test
    void releasing_a_seat_frees_it_without_answering() {
        var scenario = given(InMemorySeats.of(user(BOB)), seated(BOB, LOBBY));

        scenario.when(new ReleaseSeat(BOB, LOBBY))
                .events(new SeatReleased(BOB, LOBBY))
                .noFollowUps()
                .undecided();
        assertThat(scenario.seats().joinedCount()).isZero();
    }

    @Test
    void releasing_a_seat_not_held_changes_nothing() {
        given(InMemorySeats.of(user(BOB)))
                .when(new ReleaseSeat(BOB, LOBBY))
                .noEvents()
                .noFollowUps();
    }

    @Test
    void a_deleted_user_drops_every_seat_and_tells_each_room() {
        var seats = InMemorySeats.of(user(BOB));
        var scenario = given(seats, seated(BOB, LOBBY), seated(BOB, HALL));
        seats.unregister();

        scenario.when(new DropSeats(BOB))
                .events(new SeatReleased(BOB, LOBBY), new SeatReleased(BOB, HALL))
                .followUps(new FollowUp<>(LOBBY, new DropMember(LOBBY, BOB)), new FollowUp<>(HALL, new DropMember(HALL, BOB)))
                .undecided();
        assertThat(scenario.seats().joinedCount()).isZero();
    }

    @Test
    void a_room_holding_entries_on_the_user_is_remembered_once() {
        var scenario = given(InMemorySeats.of(user(BOB)));

        scenario.when(new NoteRoomEntries(BOB, LOBBY)).events(new EntriesNoted(BOB, LOBBY)).noFollowUps().undecided();
        scenario.when(new NoteRoomEntries(BOB, LOBBY)).noEvents().noFollowUps();
        assertThat(scenario.seats().noted()).containsExactly(LOBBY);
        assertThat(scenario.seats().joinedCount()).isZero();
    }

    @Test
    void a_note_for_a_user_already_deleted_sends_the_drop_straight_back() {
        given(InMemorySeats.unregistered())
                .when(new NoteRoomEntries(BOB, LOBBY))
                .noEvents()
                .followUps(new FollowUp<>(LOBBY, new DropMember(LOBBY, BOB)))
                .undecided();
    }

    /** SPEC B.3: a room the user left still holds its blocklist, allowlist and mute entries; it is told too, once. */
    @Test
    void a_deleted_user_tells_the_rooms_holding_entries_on_it_as_well_as_its_rooms() {
        var seats = InMemorySeats.of(user(BOB));
        var scenario = given(seats, seated(BOB, LOBBY), new EntriesNoted(BOB, LOBBY), new EntriesNoted(BOB, HALL));
        seats.unregister();

        scenario.when(new DropSeats(BOB))
                .events(new SeatReleased(BOB, LOBBY), new EntriesForgotten(BOB, LOBBY), new EntriesForgotten(BOB, HALL))
                .followUps(new FollowUp<>(LOBBY, new DropMember(LOBBY, BOB)), new FollowUp<>(HALL, new DropMember(HALL, BOB)))
                .undecided();
        assertThat(scenario.seats().noted()).isEmpty();
    }
}
