package dev.relations.domain.common;

import java.util.List;
import java.util.Optional;

/**
 * What a decider concluded: events to fold into this aggregate, commands for other
 * aggregates (the next step of a cross-partition rule) and, when this step ends the
 * request, its verdict.
 *
 * @param <E> the aggregate's event type
 * @param <C> the command type follow-ups carry
 */
public record Decision<E, C>(List<E> events, List<FollowUp<C>> followUps, Optional<Verdict> verdict) {

    /** A command re-keyed to another aggregate of the same tenant. */
    public record FollowUp<C>(AggregateRef target, C command) {
        /** A command for a user's aggregate. */
        public FollowUp(Username user, C command) {
            this(AggregateRef.user(user), command);
        }

        /** A command for a chatroom's aggregate. */
        public FollowUp(RoomId room, C command) {
            this(AggregateRef.room(room), command);
        }
    }

    public static <E, C> Decision<E, C> reject(Rejection rejection) {
        return new Decision<>(List.of(), List.of(), Optional.of(Verdict.rejected(rejection)));
    }

    public static <E, C> Decision<E, C> accept(List<E> events, Reply reply) {
        return new Decision<>(List.copyOf(events), List.of(), Optional.of(Verdict.accepted(reply)));
    }

    public static <E, C> Decision<E, C> continueWith(List<E> events, FollowUp<C> next) {
        return new Decision<>(List.copyOf(events), List.of(next), Optional.empty());
    }

    public static <E, C> Decision<E, C> of(List<E> events, List<FollowUp<C>> followUps) {
        return new Decision<>(List.copyOf(events), List.copyOf(followUps), Optional.empty());
    }

    public static <E, C> Decision<E, C> none() {
        return new Decision<>(List.of(), List.of(), Optional.empty());
    }
}
