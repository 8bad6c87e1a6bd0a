package dev.relations.domain.user;

import dev.relations.domain.common.Samples;
import dev.relations.domain.common.Then;

import java.util.Optional;

/** Given a user's history, when a command is decided, then its decision (folded into the state). */
final class UserScenario {
    private Optional<RegisteredUser> state = Optional.empty();

    static UserScenario given(UserEvent... history) {
        var scenario = new UserScenario();
        scenario.fold(history);
        return scenario;
    }

    Then<UserEvent, Void> when(UserCommand command) {
        var decision = UserDecider.decide(command, Samples.request("req-1"), state);
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
