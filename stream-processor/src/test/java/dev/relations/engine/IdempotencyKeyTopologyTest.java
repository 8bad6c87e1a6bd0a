package dev.relations.engine;

import dev.relations.domain.common.Tenant;
import dev.relations.domain.contact.RosterLimits;
import dev.relations.mapping.RecordKeys;
import dev.relations.schemas.ClaimIdempotencyKey;
import dev.relations.schemas.Outcome;
import dev.relations.schemas.SettleIdempotencyKey;
import dev.relations.store.StoreNames;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.relations.engine.TopologyHarness.NOW;
import static dev.relations.engine.TopologyHarness.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/** An Idempotency-Key's claim through the topology: its answers, its storage among the requests, its retention. */
class IdempotencyKeyTopologyTest extends TopologyTest {
    private static final Tenant CHAT = new Tenant("acme", "chat");
    private static final Duration KEEP = Duration.ofHours(1);
    private static final long LEASE = 15_000;
    private static final String KEY = RecordKeys.idempotencyKey(CHAT, "0a1b2c");
    private static final String ADD = "fingerprint-of-an-add";
    private static final String OTHER = "fingerprint-of-another-request";

    @Override
    TopologyHarness harness(Path stateDir) {
        return new TopologyHarness(stateDir, Limits.withRoster(tenant -> new RosterLimits(100)),
                new RequestRetention(KEEP, 100));
    }

    private Outcome claim(String fingerprint) {
        return relations.sendTo(KEY, CHAT, new ClaimIdempotencyKey(fingerprint, LEASE));
    }

    @Test
    void the_first_claim_goes_a_second_attempt_conflicts_and_after_settling_it_goes_again() {
        var first = claim(ADD);
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getDataJson()).isEqualTo("{\"claimed_at\":" + NOW + "}");
        assertRejected(claim(ADD), 409, "idempotency_key_in_flight", "IdempotencyKeyConflictException",
                "A request with this Idempotency-Key is still being processed; retry it once that one is answered");

        relations.pipe(KEY, CHAT, new SettleIdempotencyKey(ADD));

        assertThat(relations.outcomes.readRecordsToList()).as("a settle is not answered").isEmpty();
        relations.issueAt(NOW + 1_000);
        var retry = claim(ADD);
        assertThat(retry.getStatus()).isEqualTo(200);
        assertThat(retry.getDataJson()).as("the time the key was first claimed").isEqualTo(first.getDataJson());
        assertThat(claim(ADD).getStatus()).as("settled stays settled").isEqualTo(200);
    }

    @Test
    void another_request_with_the_key_is_unprocessable_whether_or_not_the_first_settled() {
        claim(ADD);
        assertRejected(claim(OTHER), 422, "idempotency_key_reused", "IdempotencyKeyReusedException",
                "This Idempotency-Key was already used for a different request");
        relations.pipe(KEY, CHAT, new SettleIdempotencyKey(OTHER));
        assertRejected(claim(ADD), 409, "idempotency_key_in_flight", "IdempotencyKeyConflictException",
                "A request with this Idempotency-Key is still being processed; retry it once that one is answered");

        relations.pipe(KEY, CHAT, new SettleIdempotencyKey(ADD));

        assertThat(claim(OTHER).getStatus()).isEqualTo(422);
    }

    @Test
    void an_attempt_whose_lease_ran_out_no_longer_holds_the_retry_off() {
        claim(ADD);
        relations.issueAt(NOW + LEASE);

        assertThat(claim(ADD).getStatus()).isEqualTo(200);
        assertThat(claim(ADD).getStatus()).as("the retry holds a new lease").isEqualTo(409);
    }

    @Test
    void a_claim_is_one_entry_among_the_requests_publishes_nothing_and_is_forgotten_with_them() {
        claim(ADD);
        claim(ADD);
        relations.pipe(KEY, CHAT, new SettleIdempotencyKey(ADD));

        assertThat(requestKeys()).containsExactly("acme#chat|key:0a1b2c");
        assertThat(relations.events.readRecordsToList()).isEmpty();
        assertThat(relations.followUps.readRecordsToList()).isEmpty();

        relations.issueAt(NOW + KEEP.toMillis());
        relations.advanceWallClock(KEEP.plusSeconds(10));

        assertThat(requestKeys()).isEmpty();
        assertThat(claim(OTHER).getStatus()).as("a forgotten key binds anew").isEqualTo(200);
    }

    private List<String> requestKeys() {
        var keys = new ArrayList<String>();
        try (var all = relations.store(StoreNames.REQUESTS).all()) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }
}
