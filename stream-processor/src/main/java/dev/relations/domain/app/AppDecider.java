package dev.relations.domain.app;

import dev.relations.domain.app.AppCommand.CountRegistration;
import dev.relations.domain.app.AppCommand.ForgetUser;
import dev.relations.domain.app.AppCommand.GrantSuperAdmin;
import dev.relations.domain.app.AppCommand.ReleaseRegistration;
import dev.relations.domain.app.AppCommand.CountRoom;
import dev.relations.domain.app.AppCommand.ReleaseRoom;
import dev.relations.domain.app.AppCommand.RemoveSuperAdmin;
import dev.relations.domain.app.AppCommand.ReserveRoom;
import dev.relations.domain.app.AppCommand.UncountRoom;
import dev.relations.domain.app.AppCommand.ReserveRegistration;
import dev.relations.domain.app.AppEvent.RegistrationCounted;
import dev.relations.domain.app.AppEvent.RegistrationReleased;
import dev.relations.domain.app.AppEvent.RoomCounted;
import dev.relations.domain.app.AppEvent.RoomReservationDropped;
import dev.relations.domain.app.AppEvent.RoomReserved;
import dev.relations.domain.app.AppEvent.RoomUncounted;
import dev.relations.domain.app.AppEvent.SuperAdminAdded;
import dev.relations.domain.app.AppEvent.SuperAdminRemoved;
import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.Reply;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.RequestContext;
import dev.relations.domain.common.Username;
import dev.relations.domain.common.Verdict;
import dev.relations.domain.user.UserCommand;
import dev.relations.domain.user.UserCommand.RegistrationGranted;
import dev.relations.domain.user.UserCommand.RegistrationRefused;
import dev.relations.domain.user.UserCommand.SuperAdminGranted;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An app's own aggregate. Invariant: with a quota, {@link AppState#registeredUsers()} never
 * exceeds {@link AppLimits#maxUsers()}, because every registration takes its place here, one
 * command at a time, before its user's side registers it. Answers the API only for a super
 * admin's removal and a room's reservation, which start here; every other chain is answered by
 * the user's side. Rooms are counted from their creations and deletions whether or not the app
 * has a room quota, so a quota set later holds.
 */
public final class AppDecider {
    /** How long a room's place is held for its creation: well past the API's request timeout. */
    public static final long ROOM_HOLD_MS = 60_000;

    private AppDecider() {
    }

    public static Decision<AppEvent, UserCommand> decide(AppCommand command, RequestContext ctx, AppState app,
                                                         AppLimits limits) {
        return switch (command) {
            case ReserveRegistration reserve -> limits.userQuota() && app.registeredUsers() >= limits.maxUsers()
                    ? Decision.continueWith(List.of(), toUser(reserve.user().username(),
                            new RegistrationRefused(reserve.user().username())))
                    : Decision.continueWith(List.of(new RegistrationCounted(reserve.user().username())),
                            toUser(reserve.user().username(), new RegistrationGranted(reserve.user(), reserve.passwordHash())));
            case CountRegistration count -> Decision.of(List.of(new RegistrationCounted(count.user())), List.of());
            case ReleaseRegistration release -> Decision.of(List.of(new RegistrationReleased(release.user())), List.of());
            case ForgetUser forget -> {
                var events = new ArrayList<AppEvent>(List.of(new RegistrationReleased(forget.user())));
                if (app.superAdmin(forget.user())) {
                    events.add(new SuperAdminRemoved(forget.user()));
                }
                yield Decision.of(events, List.of());
            }
            case GrantSuperAdmin grant -> Decision.continueWith(
                    app.superAdmin(grant.user()) ? List.of() : List.of(new SuperAdminAdded(grant.user())),
                    toUser(grant.user(), new SuperAdminGranted(grant.user())));
            case ReserveRoom reserve -> reserveRoom(reserve, ctx, app, limits);
            case ReleaseRoom release -> Decision.of(app.roomReservations().containsKey(release.room())
                    ? List.of(new RoomReservationDropped(release.room())) : List.of(), List.of());
            case CountRoom count -> Decision.of(app.roomReservations().containsKey(count.room())
                    ? List.of(new RoomReservationDropped(count.room()), new RoomCounted(count.room()))
                    : List.of(new RoomCounted(count.room())), List.of());
            case UncountRoom uncount -> Decision.of(List.of(new RoomUncounted(uncount.room())), List.of());
            // Removing a user who holds no super-admin role changes nothing and succeeds (ours: Easemob documents no error).
            case RemoveSuperAdmin remove -> Decision.accept(
                    app.superAdmin(remove.user()) ? List.of(new SuperAdminRemoved(remove.user())) : List.of(),
                    new Reply.SuperAdminReply(remove.user(), false));
        };
    }

    /**
     * A room's creation under a quota holds a place first, so concurrent creations never pass the
     * quota: created rooms plus places still held must leave room for one more. A hold the API
     * did not release (it stopped between the two steps) runs out after {@link #ROOM_HOLD_MS}.
     */
    private static Decision<AppEvent, UserCommand> reserveRoom(ReserveRoom reserve, RequestContext ctx, AppState app,
                                                               AppLimits limits) {
        var events = new ArrayList<AppEvent>();
        long held = 0;
        for (var hold : app.roomReservations().entrySet()) {
            if (hold.getValue() <= ctx.now()) {
                events.add(new RoomReservationDropped(hold.getKey()));
            } else if (!hold.getKey().equals(reserve.room())) {
                held++;
            }
        }
        if (limits.roomQuota() && app.rooms() + held >= limits.maxRooms()) {
            return new Decision<>(events, List.of(), Optional.of(Verdict.rejected(Rejection.roomQuotaReached(ctx.tenant()))));
        }
        events.add(new RoomReserved(reserve.room(), ctx.now() + ROOM_HOLD_MS));
        return new Decision<>(events, List.of(), Optional.of(Verdict.accepted(new Reply.Done())));
    }

    private static FollowUp<UserCommand> toUser(Username user, UserCommand command) {
        return new FollowUp<>(user, command);
    }

    /** Folds one event in; each touches one or two entries. */
    public static void evolve(AppState app, AppEvent event) {
        switch (event) {
            case RegistrationCounted ignored -> app.countRegistered(1);
            case RegistrationReleased ignored -> app.countRegistered(app.registeredUsers() > 0 ? -1 : 0);
            case RoomReserved reserved -> app.putRoomReservation(reserved.room(), reserved.until());
            case RoomReservationDropped dropped -> app.dropRoomReservation(dropped.room());
            case RoomCounted ignored -> app.countRooms(1);
            case RoomUncounted ignored -> app.countRooms(app.rooms() > 0 ? -1 : 0);
            case SuperAdminAdded added -> app.putSuperAdmin(added.user());
            case SuperAdminRemoved removed -> app.removeSuperAdmin(removed.user());
        }
    }
}
