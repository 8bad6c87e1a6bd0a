package dev.relations.engine;

import dev.relations.domain.block.BlockDecider;
import dev.relations.domain.common.AggregateRef;
import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.contact.ContactDecider;
import dev.relations.domain.room.RoomDecider;
import dev.relations.domain.seat.SeatDecider;
import dev.relations.mapping.CommandMapping;

import java.util.List;
import java.util.function.Function;

/**
 * What a failed step sends so that the chain it belongs to does not hold a reservation for
 * ever: each decider names it for its own commands, and it travels like any follow-up.
 */
final class Compensations {
    /** A compensating command, as Avro, for one aggregate. */
    record Compensation(AggregateRef target, Object body) {
    }

    private Compensations() {
    }

    static List<Compensation> of(CommandMapping.Routed failed) {
        return switch (failed) {
            case CommandMapping.Routed.ToUser ignored -> List.of();
            // The app's steps (registration count, super admins) hold nothing for another step;
            // a registration granted there but failing at the user's side stays counted (README).
            case CommandMapping.Routed.ToApp ignored -> List.of();
            // A claim that fails holds nothing: its caller gets the 500 and the key stays as it was.
            case CommandMapping.Routed.ToIdempotencyKey ignored -> List.of();
            case CommandMapping.Routed.ToContacts contact ->
                    avro(ContactDecider.compensate(contact.command()), CommandMapping::toAvro);
            case CommandMapping.Routed.ToBlocks block -> avro(BlockDecider.compensate(block.command()), CommandMapping::toAvro);
            case CommandMapping.Routed.ToRoom room -> avro(RoomDecider.compensate(room.command()), CommandMapping::toAvro);
            case CommandMapping.Routed.ToSeats seats -> avro(SeatDecider.compensate(seats.command()), CommandMapping::toAvro);
        };
    }

    private static <C> List<Compensation> avro(List<FollowUp<C>> followUps, Function<C, Object> toAvro) {
        return followUps.stream().map(f -> new Compensation(f.target(), toAvro.apply(f.command()))).toList();
    }
}
