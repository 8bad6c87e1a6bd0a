package dev.relations.api.auth;

import dev.relations.domain.common.Tenant;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitsTest {
    private static final Tenant APP = new Tenant("org", "app");
    private static final Tenant OTHER = new Tenant("org", "other");

    private final ManualClock clock = new ManualClock();

    private static final class ManualClock implements TimeMeter {
        private long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration by) {
            nanos += by.toNanos();
        }
    }

    private RateLimits limits(boolean enabled, int instances, Map<String, Integer> overrides) {
        var settings = new RateLimitSettings();
        settings.setEnabled(enabled);
        settings.setInstances(instances);
        return new RateLimits(settings, (tenant, api) -> overrides.getOrDefault(api, RateLimits.documented(api)), clock);
    }

    private static long admitted(RateLimits limits, Tenant tenant, String api, int attempts) {
        return IntStream.range(0, attempts).filter(i -> limits.acquire(tenant, api).isEmpty()).count();
    }

    @Test
    void easemobs_documented_limits_are_the_defaults() {
        assertThat(RateLimits.documented("token")).isEqualTo(300);
        assertThat(RateLimits.documented("get-user")).isEqualTo(100);
        assertThat(RateLimits.documented("add-contact")).isEqualTo(100);
        assertThat(RateLimits.documented("block-users")).isEqualTo(50);
        assertThat(RateLimits.documented("list-blocks")).isEqualTo(50);
        assertThat(RateLimits.documented("unblock-user")).isEqualTo(50);
        assertThat(RateLimits.documented("list-chatrooms")).isEqualTo(50);
        assertThat(RateLimits.documented("joined-chatrooms")).isEqualTo(50);
        assertThat(RateLimits.documented("create-chatroom")).isEqualTo(50);
        assertThat(RateLimits.documented("add-member")).isEqualTo(100);
    }

    @Test
    void a_burst_of_one_seconds_worth_is_admitted_and_the_next_call_waits_for_the_refill() {
        var limits = limits(true, 1, Map.of());

        assertThat(admitted(limits, APP, "add-contact", 100)).isEqualTo(100);
        var wait = limits.acquire(APP, "add-contact");
        assertThat(wait).isPresent();
        assertThat(wait.getAsLong()).isEqualTo(Duration.ofMillis(10).toNanos());
    }

    @Test
    void the_bucket_refills_at_the_limit_per_second() {
        var limits = limits(true, 1, Map.of());
        admitted(limits, APP, "block-users", 50);

        clock.advance(Duration.ofMillis(200));

        assertThat(admitted(limits, APP, "block-users", 50)).isEqualTo(10);
    }

    @Test
    void each_app_and_each_api_has_its_own_bucket() {
        var limits = limits(true, 1, Map.of());
        admitted(limits, APP, "get-user", 100);

        assertThat(limits.acquire(APP, "get-user")).isPresent();
        assertThat(limits.acquire(APP, "delete-user")).isEmpty();
        assertThat(limits.acquire(OTHER, "get-user")).isEmpty();
    }

    @Test
    void an_override_replaces_the_documented_limit() {
        var limits = limits(true, 1, Map.of("token", 5));

        assertThat(admitted(limits, APP, "token", 300)).isEqualTo(5);
    }

    @Test
    void an_override_of_zero_is_unlimited() {
        var limits = limits(true, 1, Map.of("get-user", 0));

        assertThat(admitted(limits, APP, "get-user", 10_000)).isEqualTo(10_000);
    }

    @Test
    void each_of_three_instances_admits_its_share_of_the_apps_limit() {
        var limits = limits(true, 3, Map.of());

        assertThat(admitted(limits, APP, "add-contact", 100)).isEqualTo(34);
    }

    @Test
    void disabled_limits_admit_everything() {
        var limits = limits(false, 1, Map.of());

        assertThat(admitted(limits, APP, "create-chatroom", 1_000)).isEqualTo(1_000);
    }
}
