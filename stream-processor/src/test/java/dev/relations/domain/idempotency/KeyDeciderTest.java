package dev.relations.domain.idempotency;

import dev.relations.domain.common.Reply;
import dev.relations.domain.common.RequestContext;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Then;
import dev.relations.domain.idempotency.KeyCommand.Claim;
import dev.relations.domain.idempotency.KeyCommand.Settle;
import dev.relations.domain.idempotency.KeyEvent.Claimed;
import dev.relations.domain.idempotency.KeyEvent.Settled;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** An Idempotency-Key binds to one request; its retries go on one attempt at a time. */
class KeyDeciderTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final long LEASE = 15_000;
    private static final String ADD = "POST /users/a/contacts/users/b|digest-1";
    private static final String OTHER = "POST /users/a/contacts/users/c|digest-2";

    private Optional<KeyClaim> state = Optional.empty();

    private KeyDeciderTest given(KeyEvent... history) {
        for (var event : history) {
            state = KeyDecider.evolve(state, event);
        }
        return this;
    }

    private Then<KeyEvent, Void> whenAt(long now, KeyCommand command) {
        var decision = KeyDecider.decide(command, new RequestContext(new Tenant("acme", "chat"), "attempt", now), state);
        decision.events().forEach(event -> state = KeyDecider.evolve(state, event));
        return new Then<>(decision);
    }

    private Then<KeyEvent, Void> when(KeyCommand command) {
        return whenAt(NOW, command);
    }

    @Test
    void a_new_key_is_claimed_for_the_request_until_its_lease_ends() {
        when(new Claim(ADD, LEASE)).events(new Claimed(ADD, NOW, NOW + LEASE)).noFollowUps()
                .accepted(new Reply.KeyClaimReply(NOW));
        assertThat(state).contains(new KeyClaim(ADD, NOW, NOW + LEASE, false));
    }

    @Test
    void the_same_request_while_the_first_attempt_holds_the_key_is_a_conflict() {
        given(new Claimed(ADD, NOW, NOW + LEASE))
                .whenAt(NOW + LEASE - 1, new Claim(ADD, LEASE))
                .noEvents()
                .rejected(409, "idempotency_key_in_flight",
                        "A request with this Idempotency-Key is still being processed; retry it once that one is answered");
    }

    @Test
    void a_retry_after_the_first_attempt_settled_goes_on_without_a_new_claim_and_answers_the_first_claim_time() {
        given(new Claimed(ADD, NOW - 5_000, NOW + LEASE), new Settled())
                .when(new Claim(ADD, LEASE))
                .noEvents()
                .accepted(new Reply.KeyClaimReply(NOW - 5_000));
    }

    @Test
    void a_retry_after_an_unsettled_lease_ran_out_claims_the_key_again() {
        given(new Claimed(ADD, NOW, NOW + LEASE))
                .whenAt(NOW + LEASE, new Claim(ADD, LEASE))
                .events(new Claimed(ADD, NOW, NOW + 2 * LEASE))
                .accepted(new Reply.KeyClaimReply(NOW));
    }

    @Test
    void another_request_with_the_key_is_refused_in_flight_settled_or_expired() {
        for (var history : new KeyEvent[][] {
                {new Claimed(ADD, NOW, NOW + LEASE)},
                {new Claimed(ADD, NOW, NOW + LEASE), new Settled()},
                {new Claimed(ADD, NOW - LEASE, NOW - 1)}}) {
            state = Optional.empty();
            given(history).when(new Claim(OTHER, LEASE))
                    .noEvents()
                    .rejected(422, "idempotency_key_reused", "This Idempotency-Key was already used for a different request");
        }
    }

    @Test
    void settling_ends_the_claim_of_its_own_request_only() {
        given(new Claimed(ADD, NOW, NOW + LEASE)).when(new Settle(OTHER)).noEvents().undecided();
        assertThat(state).contains(new KeyClaim(ADD, NOW, NOW + LEASE, false));

        when(new Settle(ADD)).events(new Settled()).noFollowUps().undecided();
        assertThat(state).contains(new KeyClaim(ADD, NOW, NOW + LEASE, true));
    }

    @Test
    void settling_a_key_that_is_settled_or_forgotten_changes_nothing() {
        when(new Settle(ADD)).noEvents().undecided();
        assertThat(state).isEmpty();

        given(new Claimed(ADD, NOW, NOW + LEASE), new Settled()).when(new Settle(ADD)).noEvents().undecided();
    }
}
