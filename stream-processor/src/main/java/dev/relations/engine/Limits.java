package dev.relations.engine;

import dev.relations.domain.app.AppLimits;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.contact.RosterLimits;
import dev.relations.domain.room.RoomLimits;
import dev.relations.domain.seat.SeatLimits;

import java.util.function.Function;

/** Every per-app limit the deciders are given, looked up per tenant. */
public record Limits(Function<Tenant, RosterLimits> roster, Function<Tenant, RoomLimits> rooms,
                     Function<Tenant, SeatLimits> seats, Function<Tenant, AppLimits> app) {

    /** No app has a registered-user quota. */
    public Limits(Function<Tenant, RosterLimits> roster, Function<Tenant, RoomLimits> rooms,
                  Function<Tenant, SeatLimits> seats) {
        this(roster, rooms, seats, tenant -> AppLimits.unlimited());
    }

    /** Roster limits per app; chatroom and joined-rooms limits at their documented defaults. */
    public static Limits withRoster(Function<Tenant, RosterLimits> roster) {
        var rooms = RoomLimits.defaults();
        var seats = SeatLimits.defaults();
        return new Limits(roster, tenant -> rooms, tenant -> seats);
    }
}
