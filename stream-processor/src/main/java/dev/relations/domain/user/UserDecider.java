package dev.relations.domain.user;

import dev.relations.domain.app.AppCommand;
import dev.relations.domain.app.AppCommand.CountRegistration;
import dev.relations.domain.app.AppCommand.ForgetUser;
import dev.relations.domain.app.AppCommand.GrantSuperAdmin;
import dev.relations.domain.app.AppCommand.ReleaseRegistration;
import dev.relations.domain.app.AppCommand.ReserveRegistration;
import dev.relations.domain.app.AppLimits;
import dev.relations.domain.common.AggregateRef;
import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.Reply;
import dev.relations.domain.common.RequestContext;
import dev.relations.domain.common.User;
import dev.relations.domain.common.Verdict;
import dev.relations.domain.user.UserCommand.ActivateUser;
import dev.relations.domain.user.UserCommand.AddSuperAdmin;
import dev.relations.domain.user.UserCommand.DeactivateUser;
import dev.relations.domain.user.UserCommand.DeleteUser;
import dev.relations.domain.user.UserCommand.RegisterUser;
import dev.relations.domain.user.UserCommand.RegistrationGranted;
import dev.relations.domain.user.UserCommand.RegistrationRefused;
import dev.relations.domain.user.UserCommand.SuperAdminGranted;
import dev.relations.domain.user.UserEvent.UserActivated;
import dev.relations.domain.user.UserEvent.UserDeactivated;
import dev.relations.domain.user.UserEvent.UserDeleted;
import dev.relations.domain.user.UserEvent.UserRegistered;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The user registry: existence is what every relationship command checks. A deactivated user
 * still exists for every relationship and chatroom rule (SPEC B.3); only the flag changes.
 * The app counts its registered users (for the per-app quota) from the registrations and
 * deletions decided here.
 */
public final class UserDecider {
    private UserDecider() {
    }

    public static Decision<UserEvent, AppCommand> decide(UserCommand command, RequestContext ctx,
                                                         Optional<RegisteredUser> state, AppLimits limits) {
        return switch (command) {
            case RegisterUser register when state.isPresent() -> duplicate(ctx, register.user());
            case RegisterUser register when limits.userQuota() ->
                    Decision.continueWith(List.of(), toApp(new ReserveRegistration(register.user(), register.passwordHash())));
            case RegisterUser register -> registered(register.user(), register.passwordHash(),
                    List.of(toApp(new CountRegistration(register.user().username()))));
            // A registration of the same name won the race meanwhile: the place goes back.
            case RegistrationGranted granted when state.isPresent() -> new Decision<>(List.of(),
                    List.of(toApp(new ReleaseRegistration(granted.user().username()))),
                    Optional.of(Verdict.rejected(Rejection.duplicateUser(ctx.tenant().app(), granted.user().username()))));
            case RegistrationGranted granted -> registered(granted.user(), granted.passwordHash(), List.of());
            case RegistrationRefused ignored -> Decision.reject(Rejection.userQuotaReached());
            case DeleteUser delete -> existing(state, user -> new Decision<>(List.of(new UserDeleted(user)),
                    List.of(toApp(new ForgetUser(user.username()))), Optional.of(Verdict.accepted(new Reply.UserReply(user)))));
            case DeactivateUser deactivate -> existing(state, user -> activation(user, false, ctx, UserDeactivated::new));
            case ActivateUser activate -> existing(state, user -> activation(user, true, ctx, UserActivated::new));
            case AddSuperAdmin add -> state.isEmpty()
                    ? Decision.reject(Rejection.resourceNotFound("username " + add.username() + " doesn't exist!"))
                    : Decision.continueWith(List.of(), toApp(new GrantSuperAdmin(add.username())));
            case SuperAdminGranted granted -> Decision.accept(List.of(), new Reply.SuperAdminReply(granted.username(), true));
        };
    }

    private static Decision<UserEvent, AppCommand> registered(User user, String passwordHash,
                                                              List<FollowUp<AppCommand>> followUps) {
        return new Decision<>(List.of(new UserRegistered(user, passwordHash)), followUps,
                Optional.of(Verdict.accepted(new Reply.UserReply(user))));
    }

    private static Decision<UserEvent, AppCommand> duplicate(RequestContext ctx, User user) {
        return Decision.reject(Rejection.duplicateUser(ctx.tenant().app(), user.username()));
    }

    private static FollowUp<AppCommand> toApp(AppCommand command) {
        return new FollowUp<>(AggregateRef.app(), command);
    }

    private static Decision<UserEvent, AppCommand> existing(Optional<RegisteredUser> state,
                                                            Function<User, Decision<UserEvent, AppCommand>> decide) {
        return state.map(RegisteredUser::user).map(decide).orElseGet(() -> Decision.reject(Rejection.userNotFound()));
    }

    /** Setting the flag it already has changes nothing and answers the user as it is. */
    private static Decision<UserEvent, AppCommand> activation(User user, boolean activated, RequestContext ctx,
                                                              Function<User, UserEvent> event) {
        if (user.activated() == activated) {
            return Decision.accept(List.of(), new Reply.UserReply(user));
        }
        var changed = new User(user.uuid(), user.username(), user.created(), ctx.now(), activated, user.nickname());
        return Decision.accept(List.of(event.apply(changed)), new Reply.UserReply(changed));
    }

    public static Optional<RegisteredUser> evolve(Optional<RegisteredUser> state, UserEvent event) {
        return switch (event) {
            case UserRegistered registered -> Optional.of(new RegisteredUser(registered.user(), registered.passwordHash()));
            case UserDeleted ignored -> Optional.empty();
            case UserDeactivated deactivated -> state.map(u -> new RegisteredUser(deactivated.user(), u.passwordHash()));
            case UserActivated activated -> state.map(u -> new RegisteredUser(activated.user(), u.passwordHash()));
        };
    }
}
