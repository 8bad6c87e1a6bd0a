package dev.relations.domain.user;

import dev.relations.domain.app.AppCommand;
import dev.relations.domain.app.AppLimits;
import dev.relations.domain.common.Samples;
import dev.relations.domain.common.Then;

import java.util.Optional;

/** Given a user's history, when a command is decided, then its decision (folded into the state). */
final class UserScenario {
    private Optional<RegisteredUser> state = Optional.empty();
    private AppLimits limits = AppLimits.unlimited();

    static UserScenario given(UserEvent... history) {
        var scenario = new UserScenario();
        scenario.fold(history);
        return scenario;
    }

    /** The app's registered-user quota. */
    UserScenario withQuota(int maxUsers) {
        limits = new AppLimits(maxUsers);
        return this;
    }

    Then<UserEvent, AppCommand> when(UserCommand command) {
        var decision = UserDecider.decide(command, Samples.request("req-1"), state, limits);
        fold(decision.events().toArray(UserEvent[]::new));
        return new Then<>(decision);
    }

    Optional<RegisteredUser> state() {
        return state;
    }

    private void fold(UserEvent... events) {
        for (var event : events) {
            state = UserDecider.evolve(state, event);
        }
    }
}
