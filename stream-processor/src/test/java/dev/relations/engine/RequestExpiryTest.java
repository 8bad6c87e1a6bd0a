package dev.relations.engine;

import dev.relations.domain.common.Tenant;
import dev.relations.domain.contact.RosterLimits;
import dev.relations.schemas.RegisterUser;
import dev.relations.store.Slice;
import dev.relations.store.StoreNames;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.relations.engine.TopologyHarness.NOW;
import static dev.relations.engine.TopologyHarness.view;
import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency entries are forgotten after the retention, oldest first, a bounded number per run. */
class RequestExpiryTest extends TopologyTest {
    private static final Tenant CHAT = new Tenant("acme", "chat");
    private static final Duration KEEP = Duration.ofHours(1);
    private static final int PER_RUN = 2;

    @Override
    TopologyHarness harness(Path stateDir) {
        return new TopologyHarness(stateDir, Limits.withRoster(tenant -> new RosterLimits(100)),
                new RequestRetention(KEEP, PER_RUN));
    }

    @Test
    void expired_requests_are_forgotten_a_bounded_number_per_run_and_fresh_ones_stay() {
        for (var user : List.of("old-1", "old-2", "old-3")) {
            register(user, "first-" + user);
        }
        relations.issueAt(NOW + Duration.ofMinutes(50).toMillis());
        register("fresh", "first-fresh");

        relations.advanceWallClock(KEEP.plusMinutes(1));

        assertThat(requestIds()).as("one run forgets at most its bound, oldest first").hasSize(2).contains("first-fresh");

        relations.advanceWallClock(RequestRetention.EVERY);

        assertThat(requestIds()).containsExactly("first-fresh");
        assertThat(entries(StoreNames.REQUEST_CREATION)).hasSize(1);
    }

    @Test
    void a_retry_after_the_retention_runs_again_and_a_fresh_retry_answers_the_first_verdict() {
        register("once", "first-once");
        relations.issueAt(NOW + Duration.ofMinutes(50).toMillis());
        register("later", "first-later");
        relations.advanceWallClock(KEEP.plusMinutes(1));

        var retriedFresh = relations.send(CHAT, "later", "first-later", new RegisterUser(view("later"), "pbkdf2$later"));
        var retriedExpired = relations.send(CHAT, "once", "first-once", new RegisterUser(view("once"), "pbkdf2$once"));

        assertThat(retriedFresh.getStatus()).isEqualTo(200);
        // Forgotten: the registration runs again and finds the user it made the first time.
        assertThat(retriedExpired.getStatus()).isEqualTo(400);
        assertThat(retriedExpired.getError()).isEqualTo("duplicate_unique_property_exists");
    }

    private void register(String user, String requestId) {
        assertThat(relations.send(CHAT, user, requestId, new RegisterUser(view(user), "pbkdf2$" + user)).getStatus())
                .isEqualTo(200);
    }

    private List<String> requestIds() {
        return entries(StoreNames.REQUESTS).stream().map(key -> key.substring(key.indexOf('|') + 1)).toList();
    }

    private List<String> entries(Slice<?> slice) {
        var keys = new ArrayList<String>();
        try (var all = relations.store(slice).all()) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }
}
