package dev.relations.domain.user;

import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.Reply;
import dev.relations.domain.common.RequestContext;
import dev.relations.domain.user.UserCommand.DeleteUser;
import dev.relations.domain.user.UserCommand.RegisterUser;
import dev.relations.domain.user.UserEvent.UserDeleted;
import dev.relations.domain.user.UserEvent.UserRegistered;

import java.util.List;
import java.util.Optional;

/** The user registry: existence is what every relationship command checks. */
public final class UserDecider {
    private UserDecider() {
    }

    public static Decision<UserEvent, Void> decide(UserCommand command, RequestContext ctx, Optional<RegisteredUser> state) {
        return switch (command) {
            case RegisterUser register -> state.isPresent()
                    ? Decision.reject(Rejection.duplicateUser(ctx.tenant().app(), register.user().username()))
                    : Decision.accept(List.of(new UserRegistered(register.user(), register.passwordHash())),
                            new Reply.UserReply(register.user()));
            case DeleteUser delete -> state
                    .<Decision<UserEvent, Void>>map(existing -> Decision.accept(
                            List.of(new UserDeleted(existing.user())), new Reply.UserReply(existing.user())))
                    .orElseGet(() -> Decision.reject(Rejection.userNotFound()));
        };
    }

    public static Optional<RegisteredUser> evolve(Optional<RegisteredUser> state, UserEvent event) {
        return switch (event) {
            case UserRegistered registered -> Optional.of(new RegisteredUser(registered.user(), registered.passwordHash()));
            case UserDeleted ignored -> Optional.empty();
        };
    }
}
