package dev.relations.domain.common;

import dev.relations.domain.common.Decision.FollowUp;

import static org.assertj.core.api.Assertions.assertThat;

/** The "then" of a given/when/then decider test: assertions on one {@link Decision}. */
public final class Then<E, C> {
    private final Decision<E, C> decision;

    public Then(Decision<E, C> decision) {
        this.decision = decision;
    }

    @SafeVarargs
    public final Then<E, C> events(E... expected) {
        assertThat(decision.events()).as("events").containsExactly(expected);
        return this;
    }

    public Then<E, C> noEvents() {
        assertThat(decision.events()).as("events").isEmpty();
        return this;
    }

    @SafeVarargs
    public final Then<E, C> followUps(FollowUp<C>... expected) {
        assertThat(decision.followUps()).as("follow-ups").containsExactly(expected);
        return this;
    }

    public Then<E, C> noFollowUps() {
        assertThat(decision.followUps()).as("follow-ups").isEmpty();
        return this;
    }

    /** The request is still in flight: a later step of the chain answers it. */
    public Then<E, C> undecided() {
        assertThat(decision.verdict()).as("verdict").isEmpty();
        return this;
    }

    public Then<E, C> accepted(Reply reply) {
        assertThat(decision.verdict()).as("verdict").contains(Verdict.accepted(reply));
        return this;
    }

    public Then<E, C> rejected(int status, String error, String description) {
        assertThat(decision.verdict()).as("verdict").containsInstanceOf(Verdict.Rejected.class);
        var rejection = ((Verdict.Rejected) decision.verdict().orElseThrow()).rejection();
        assertThat(rejection.status()).as("status").isEqualTo(status);
        assertThat(rejection.error()).as("error").isEqualTo(error);
        assertThat(rejection.description()).as("error_description").isEqualTo(description);
        return this;
    }

    public Decision<E, C> decision() {
        return decision;
    }
}
