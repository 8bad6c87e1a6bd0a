package dev.relations.domain.app;

import dev.relations.domain.app.AppCommand.CountRoom;
import dev.relations.domain.app.AppCommand.ReleaseRoom;
import dev.relations.domain.app.AppCommand.ReserveRoom;
import dev.relations.domain.app.AppCommand.UncountRoom;
import dev.relations.domain.app.AppEvent.RoomCounted;
import dev.relations.domain.app.AppEvent.RoomReservationDropped;
import dev.relations.domain.app.AppEvent.RoomReserved;
import dev.relations.domain.app.AppEvent.RoomUncounted;
import dev.relations.domain.common.Reply;
import dev.relations.domain.common.RequestContext;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Samples;
import dev.relations.domain.common.Then;
import dev.relations.domain.user.UserCommand;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-app room-count quota (SPEC D.3: 403 exceed_limit {@code appKey:XX#XX has create too many chatrooms!}). */
class RoomQuotaTest {
    private static final RoomId R1 = new RoomId("1001");
    private static final RoomId R2 = new RoomId("1002");
    private static final RoomId R3 = new RoomId("1003");
    private static final String TOO_MANY = "appKey:acme#chat has create too many chatrooms!";

    private final InMemoryApp app = new InMemoryApp();
    private AppLimits limits = new AppLimits(0, 2);
    private long now = Samples.request("r").now();

    private RoomQuotaTest given(AppEvent... history) {
        for (var event : history) {
            AppDecider.evolve(app, event);
        }
        return this;
    }

    private Then<AppEvent, UserCommand> when(AppCommand command) {
        var decision = AppDecider.decide(command, new RequestContext(Samples.TENANT, "req", now), app, limits);
        decision.events().forEach(event -> AppDecider.evolve(app, event));
        return new Then<>(decision);
    }

    @Test
    void a_creation_under_the_quota_holds_a_place_until_the_room_is_counted() {
        when(new ReserveRoom(R1))
                .events(new RoomReserved(R1, now + AppDecider.ROOM_HOLD_MS))
                .noFollowUps()
                .accepted(new Reply.Done());
        when(new CountRoom(R1)).events(new RoomReservationDropped(R1), new RoomCounted(R1));
        assertThat(app.rooms()).isEqualTo(1);
        assertThat(app.roomReservations()).isEmpty();
    }

    @Test
    void places_held_for_creations_in_flight_count_against_the_quota() {
        given(new RoomCounted(R1), new RoomReserved(R2, now + 1_000))
                .when(new ReserveRoom(R3))
                .noEvents()
                .rejected(403, "exceed_limit", TOO_MANY);
        assertThat(app.roomReservations()).containsOnlyKeys(R2);
    }

    @Test
    void a_refused_creation_gives_its_place_back() {
        given(new RoomCounted(R1), new RoomReserved(R2, now + 1_000))
                .when(new ReleaseRoom(R2)).events(new RoomReservationDropped(R2));
        when(new ReserveRoom(R3)).events(new RoomReserved(R3, now + AppDecider.ROOM_HOLD_MS));
    }

    @Test
    void a_place_nobody_gave_back_runs_out() {
        given(new RoomCounted(R1), new RoomReserved(R2, now - 1))
                .when(new ReserveRoom(R3))
                .events(new RoomReservationDropped(R2), new RoomReserved(R3, now + AppDecider.ROOM_HOLD_MS))
                .accepted(new Reply.Done());
    }

    @Test
    void a_deleted_room_frees_a_place_and_rooms_are_counted_without_a_quota_too() {
        limits = AppLimits.unlimited();
        when(new CountRoom(R1)).events(new RoomCounted(R1));
        when(new CountRoom(R2)).events(new RoomCounted(R2));
        limits = new AppLimits(0, 2);
        when(new ReserveRoom(R3)).rejected(403, "exceed_limit", TOO_MANY);
        when(new UncountRoom(R1)).events(new RoomUncounted(R1));
        when(new ReserveRoom(R3)).accepted(new Reply.Done());
        assertThat(app.rooms()).isEqualTo(1);
    }

    @Test
    void a_retried_reservation_of_the_same_room_does_not_hold_a_second_place() {
        given(new RoomCounted(R1), new RoomReserved(R2, now + 1_000))
                .when(new ReserveRoom(R2))
                .events(new RoomReserved(R2, now + AppDecider.ROOM_HOLD_MS))
                .accepted(new Reply.Done());
    }
}
