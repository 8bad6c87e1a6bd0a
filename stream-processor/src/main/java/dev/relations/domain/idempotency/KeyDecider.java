package dev.relations.domain.idempotency;

import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.Reply;
import dev.relations.domain.common.RequestContext;
import dev.relations.domain.idempotency.KeyCommand.Claim;
import dev.relations.domain.idempotency.KeyCommand.Settle;
import dev.relations.domain.idempotency.KeyEvent.Claimed;
import dev.relations.domain.idempotency.KeyEvent.Settled;

import java.util.List;
import java.util.Optional;

/**
 * An Idempotency-Key's aggregate (the IETF Idempotency-Key header draft). Invariant: a key is
 * bound to one request for as long as it is remembered; only that request's retries go on, and
 * only one attempt at a time, unless the attempt holding it outlived its lease. A retry that goes
 * on carries the first attempt's request id, so the write's own aggregate answers it with the
 * first verdict. Every go answers when the key was first claimed, so the API can derive what
 * the request must name the same way on every attempt (a new chatroom's id).
 */
public final class KeyDecider {
    /** The key was used for another request (another method, path, query or body). */
    public static final Rejection REUSED = new Rejection(422, "idempotency_key_reused", "IdempotencyKeyReusedException",
            "This Idempotency-Key was already used for a different request");

    /** An attempt of the same request holds the key and has no verdict yet. */
    public static final Rejection IN_FLIGHT = new Rejection(409, "idempotency_key_in_flight",
            "IdempotencyKeyConflictException",
            "A request with this Idempotency-Key is still being processed; retry it once that one is answered");

    private KeyDecider() {
    }

    public static Decision<KeyEvent, Void> decide(KeyCommand command, RequestContext ctx, Optional<KeyClaim> state) {
        return switch (command) {
            case Claim claim -> claim(claim, ctx, state);
            case Settle settle -> state.filter(s -> !s.settled() && s.fingerprint().equals(settle.fingerprint()))
                    .<Decision<KeyEvent, Void>>map(s -> Decision.of(List.of(new Settled()), List.of()))
                    .orElseGet(Decision::none);
        };
    }

    private static Decision<KeyEvent, Void> claim(Claim claim, RequestContext ctx, Optional<KeyClaim> state) {
        var leaseUntil = ctx.now() + claim.leaseMillis();
        if (state.isEmpty()) {
            return Decision.accept(List.of(new Claimed(claim.fingerprint(), ctx.now(), leaseUntil)),
                    new Reply.KeyClaimReply(ctx.now()));
        }
        var held = state.get();
        if (!held.fingerprint().equals(claim.fingerprint())) {
            return Decision.reject(REUSED);
        }
        var go = new Reply.KeyClaimReply(held.claimedAt());
        if (held.settled()) {
            return Decision.accept(List.of(), go);
        }
        // An attempt that outlived its lease (lost, or its settle was) no longer holds retries off.
        return ctx.now() < held.leaseUntil() ? Decision.reject(IN_FLIGHT)
                : Decision.accept(List.of(new Claimed(held.fingerprint(), held.claimedAt(), leaseUntil)), go);
    }

    public static Optional<KeyClaim> evolve(Optional<KeyClaim> state, KeyEvent event) {
        return switch (event) {
            case Claimed claimed -> Optional.of(new KeyClaim(claimed.fingerprint(), claimed.claimedAt(), claimed.leaseUntil(), false));
            case Settled ignored -> state.map(s -> new KeyClaim(s.fingerprint(), s.claimedAt(), s.leaseUntil(), true));
        };
    }
}
