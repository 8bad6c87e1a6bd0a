package dev.relations.domain.seat;

import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.RequestContext;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.room.RoomCommand;
import dev.relations.domain.room.RoomCommand.DropMember;
import dev.relations.domain.room.RoomCommand.SeatGranted;
import dev.relations.domain.room.RoomCommand.SeatRefused;
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

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A user's side of chatroom membership. Invariant: {@link Seats#joinedCount()} never
 * exceeds {@link SeatLimits#maxJoinedRooms()}, because every join takes its seat here, one
 * command at a time, before the room confirms it. Never answers the API itself: rooms do.
 */
public final class SeatDecider {
    private SeatDecider() {
    }

    public static Decision<SeatEvent, RoomCommand> decide(SeatCommand command, RequestContext ctx, Seats seats,
                                                          SeatLimits limits) {
        return switch (command) {
            case TakeSeat take -> take(take, ctx, seats, limits);
            case ReleaseSeat release -> Decision.of(
                    seats.seat(release.room()).isPresent()
                            ? List.of(new SeatReleased(release.user(), release.room()))
                            : List.of(),
                    List.of());
            case CheckUser check -> Decision.continueWith(List.of(), new FollowUp<>(check.room(),
                    new UserChecked(check.room(), check.user(), check.check(), seats.owner().isPresent())));
            case NoteRoomEntries note when seats.owner().isEmpty() -> Decision.continueWith(List.of(),
                    new FollowUp<>(note.room(), new DropMember(note.room(), note.user())));
            case NoteRoomEntries note -> Decision.of(
                    seats.noted().contains(note.room()) ? List.of() : List.of(new EntriesNoted(note.user(), note.room())),
                    List.of());
            case DropSeats drop -> drop(drop, seats);
        };
    }

    /** Every room the user sits in or that holds entries on the user is told once; the user's side keeps nothing. */
    private static Decision<SeatEvent, RoomCommand> drop(DropSeats drop, Seats seats) {
        var events = new ArrayList<SeatEvent>();
        var rooms = new LinkedHashSet<RoomId>();
        for (var seat : seats.seats()) {
            events.add(new SeatReleased(drop.user(), seat.room()));
            rooms.add(seat.room());
        }
        for (var room : seats.noted()) {
            events.add(new EntriesForgotten(drop.user(), room));
            rooms.add(room);
        }
        return Decision.of(events, rooms.stream()
                .map(room -> new FollowUp<RoomCommand>(room, new DropMember(room, drop.user())))
                .toList());
    }

    private static Decision<SeatEvent, RoomCommand> take(TakeSeat take, RequestContext ctx, Seats seats, SeatLimits limits) {
        if (seats.owner().isEmpty()) {
            return refuse(take, SeatRefusal.NOT_FOUND);
        }
        var granted = new FollowUp<RoomCommand>(take.room(), new SeatGranted(take.room(), take.user()));
        if (seats.seat(take.room()).isPresent()) {
            return Decision.continueWith(List.of(), granted);
        }
        if (seats.joinedCount() >= limits.maxJoinedRooms()) {
            return refuse(take, SeatRefusal.TOO_MANY);
        }
        return Decision.continueWith(List.of(new SeatTaken(take.user(), take.room(), ctx.now())), granted);
    }

    private static Decision<SeatEvent, RoomCommand> refuse(TakeSeat take, SeatRefusal reason) {
        return Decision.continueWith(List.of(),
                new FollowUp<>(take.room(), new SeatRefused(take.room(), take.user(), reason)));
    }

    /**
     * What the engine sends when a seat step failed and changed nothing: a take is answered as
     * refused, so the room gives its pending place back and answers; the other commands hold
     * nothing for another step.
     */
    public static List<FollowUp<RoomCommand>> compensate(SeatCommand failed) {
        return switch (failed) {
            case TakeSeat take -> List.of(new FollowUp<>(take.room(), new SeatRefused(take.room(), take.user(), SeatRefusal.FAILED)));
            case ReleaseSeat ignored -> List.of();
            case DropSeats ignored -> List.of();
            case NoteRoomEntries ignored -> List.of();
            // The room holds nothing for a user check; the engine answers the request 500.
            case CheckUser ignored -> List.of();
        };
    }

    /** Folds one event in; each touches one entry. */
    public static void evolve(Seats seats, SeatEvent event) {
        switch (event) {
            case SeatTaken taken -> seats.put(new Seat(taken.room(), seats.nextSeq(), taken.at()));
            case SeatReleased released -> seats.remove(released.room());
            case EntriesNoted noted -> seats.note(noted.room());
            case EntriesForgotten forgotten -> seats.forget(forgotten.room());
        }
    }
}
