package dev.relations.api.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * SPEC E.1's ban: a rule that fails {@link #THRESHOLD} callbacks within {@link #WINDOW} is banned
 * for 5 minutes times its ban count, at most 25; meanwhile its callbacks are stored, not sent.
 * Kept per instance: each instance judges the rules by the callbacks it sends itself.
 */
final class RuleBans {
    static final int THRESHOLD = 90;
    static final Duration WINDOW = Duration.ofSeconds(30);
    static final Duration STEP = Duration.ofMinutes(5);
    static final Duration LONGEST = Duration.ofMinutes(25);

    private final Clock clock;
    private final Map<String, State> rules = new HashMap<>();

    private static final class State {
        final ArrayDeque<Instant> failures = new ArrayDeque<>();
        int bans;
        Instant bannedUntil = Instant.MIN;
    }

    RuleBans(Clock clock) {
        this.clock = clock;
    }

    synchronized boolean banned(String ruleId) {
        var state = rules.get(ruleId);
        return state != null && clock.instant().isBefore(state.bannedUntil);
    }

    /** Counts a failed callback (after its retry); the failure that reaches the threshold starts a ban. */
    synchronized void failed(String ruleId) {
        var now = clock.instant();
        var state = rules.computeIfAbsent(ruleId, id -> new State());
        state.failures.addLast(now);
        while (!state.failures.isEmpty() && !state.failures.peekFirst().isAfter(now.minus(WINDOW))) {
            state.failures.removeFirst();
        }
        if (state.failures.size() >= THRESHOLD && !now.isBefore(state.bannedUntil)) {
            state.bans++;
            var length = STEP.multipliedBy(state.bans);
            state.bannedUntil = now.plus(length.compareTo(LONGEST) > 0 ? LONGEST : length);
            state.failures.clear();
        }
    }

    /** When the rule's current ban ends, or null when it is not banned. */
    synchronized Instant bannedUntil(String ruleId) {
        var state = rules.get(ruleId);
        return state == null || !clock.instant().isBefore(state.bannedUntil) ? null : state.bannedUntil;
    }
}
