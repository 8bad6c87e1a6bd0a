package dev.relations.domain.seat;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Samples;
import dev.relations.domain.common.Then;
import dev.relations.domain.common.Username;
import dev.relations.domain.room.RoomCommand;
import dev.relations.domain.seat.SeatEvent.SeatTaken;

import java.util.stream.IntStream;

import static dev.relations.domain.common.Samples.NOW;

/** Given a user's seats and their history, when a command is decided, then its decision (folded in). */
final class SeatScenario {
    static final RoomId LOBBY = new RoomId("1001");
    static final RoomId HALL = new RoomId("1002");

    private final InMemorySeats seats;
    private SeatLimits limits = SeatLimits.defaults();

    private SeatScenario(InMemorySeats seats) {
        this.seats = seats;
    }

    static SeatScenario given(InMemorySeats seats, SeatEvent... history) {
        var scenario = new SeatScenario(seats);
        for (var event : history) {
            SeatDecider.evolve(seats, event);
        }
        return scenario;
    }

    SeatScenario withLimit(int maxJoinedRooms) {
        limits = new SeatLimits(maxJoinedRooms);
        return this;
    }

    Then<SeatEvent, RoomCommand> when(SeatCommand command) {
        var decision = SeatDecider.decide(command, Samples.request("req-1"), seats, limits);
        decision.events().forEach(event -> SeatDecider.evolve(seats, event));
        return new Then<>(decision);
    }

    InMemorySeats seats() {
        return seats;
    }

    static SeatEvent seated(Username user, RoomId room) {
        return new SeatTaken(user, room, NOW - 1_000);
    }

    /** Seats in {@code count} rooms outside the test's cast. */
    static SeatEvent[] seatedElsewhere(Username user, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> seated(user, new RoomId("9" + i)))
                .toArray(SeatEvent[]::new);
    }
}
