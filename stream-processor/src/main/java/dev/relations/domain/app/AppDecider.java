package dev.relations.domain.app;

import dev.relations.domain.app.AppCommand.CountRegistration;
import dev.relations.domain.app.AppCommand.ForgetUser;
import dev.relations.domain.app.AppCommand.GrantSuperAdmin;
import dev.relations.domain.app.AppCommand.ReleaseRegistration;
import dev.relations.domain.app.AppCommand.RemoveSuperAdmin;
import dev.relations.domain.app.AppCommand.ReserveRegistration;
import dev.relations.domain.app.AppEvent.RegistrationCounted;
import dev.relations.domain.app.AppEvent.RegistrationReleased;
import dev.relations.domain.app.AppEvent.SuperAdminAdded;
import dev.relations.domain.app.AppEvent.SuperAdminRemoved;
import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.Reply;
import dev.relations.domain.common.RequestContext;
import dev.relations.domain.common.Username;
import dev.relations.domain.user.UserCommand;
import dev.relations.domain.user.UserCommand.RegistrationGranted;
import dev.relations.domain.user.UserCommand.RegistrationRefused;
import dev.relations.domain.user.UserCommand.SuperAdminGranted;

import java.util.ArrayList;
import java.util.List;

/**
 * An app's own aggregate. Invariant: with a quota, {@link AppState#registeredUsers()} never
 * exceeds {@link AppLimits#maxUsers()}, because every registration takes its place here, one
 * command at a time, before its user's side registers it. Answers the API only for a super
 * admin's removal, which starts here; every other chain is answered by the user's side.
 */
public final class AppDecider {
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
            // Removing a user who holds no super-admin role changes nothing and succeeds (ours: Easemob documents no error).
            case RemoveSuperAdmin remove -> Decision.accept(
                    app.superAdmin(remove.user()) ? List.of(new SuperAdminRemoved(remove.user())) : List.of(),
                    new Reply.SuperAdminReply(remove.user(), false));
        };
    }

    private static FollowUp<UserCommand> toUser(Username user, UserCommand command) {
        return new FollowUp<>(user, command);
    }

    /** Folds one event in; each touches one or two entries. */
    public static void evolve(AppState app, AppEvent event) {
        switch (event) {
            case RegistrationCounted ignored -> app.countRegistered(1);
            case RegistrationReleased ignored -> app.countRegistered(app.registeredUsers() > 0 ? -1 : 0);
            case SuperAdminAdded added -> app.putSuperAdmin(added.user());
            case SuperAdminRemoved removed -> app.removeSuperAdmin(removed.user());
        }
    }
}
