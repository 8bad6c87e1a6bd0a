package dev.relations.domain.seat;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Samples;
import dev.relations.domain.room.RoomCommand.SeatGranted;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.HashSet;
import java.util.List;

import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;

/** The joined-rooms limit of {@link SeatDecider}, over any interleaving of takes and releases. */
class SeatLimitPropertyTest {
    private static final List<RoomId> ROOMS = List.of(new RoomId("11"), new RoomId("12"), new RoomId("13"),
            new RoomId("14"), new RoomId("15"));

    @Property
    void no_sequence_of_takes_and_releases_exceeds_the_limit(@ForAll @IntRange(min = 1, max = 4) int limit,
                                                             @ForAll("commands") List<SeatCommand> commands) {
        var seats = InMemorySeats.of(user(BOB));
        var limits = new SeatLimits(limit);
        var held = new HashSet<RoomId>();
        for (var command : commands) {
            var decision = SeatDecider.decide(command, Samples.request("req-1"), seats, limits);
            decision.events().forEach(event -> SeatDecider.evolve(seats, event));
            if (command instanceof SeatCommand.TakeSeat take
                    && decision.followUps().getFirst().command() instanceof SeatGranted) {
                held.add(take.room());
            } else if (command instanceof SeatCommand.ReleaseSeat release) {
                held.remove(release.room());
            }

            assertThat(seats.joinedCount()).as("joined after %s", command).isLessThanOrEqualTo(limit);
            assertThat(seats.seats()).as("seats after %s", command).hasSize(seats.joinedCount());
            assertThat(seats.seats().stream().map(Seat::room)).as("a granted seat is held until released")
                    .containsExactlyInAnyOrderElementsOf(held);
        }
    }

    @Provide
    Arbitrary<List<SeatCommand>> commands() {
        Arbitrary<RoomId> room = Arbitraries.of(ROOMS);
        return Arbitraries.<SeatCommand>oneOf(
                        room.map(r -> new SeatCommand.TakeSeat(BOB, r)),
                        room.map(r -> new SeatCommand.ReleaseSeat(BOB, r)))
                .list().ofMaxSize(40);
    }
}
