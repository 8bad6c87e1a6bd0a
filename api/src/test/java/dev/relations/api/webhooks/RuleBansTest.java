package dev.relations.api.webhooks;

import dev.relations.api.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RuleBansTest {
    private static final String RULE = "org#app/hook";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T12:00:00Z"));
    private final RuleBans bans = new RuleBans(clock);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            bans.failed(RULE);
        }
    }

    @Test
    void eighty_nine_failures_in_thirty_seconds_do_not_ban_the_ninetieth_does() {
        fail(89);
        assertThat(bans.banned(RULE)).isFalse();
        fail(1);
        assertThat(bans.banned(RULE)).isTrue();
        assertThat(bans.bannedUntil(RULE)).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void failures_spread_over_more_than_thirty_seconds_do_not_ban() {
        fail(60);
        clock.advance(Duration.ofSeconds(30));
        fail(60);
        assertThat(bans.banned(RULE)).isFalse();
    }

    @Test
    void a_ban_ends_after_its_time_and_each_later_ban_lasts_five_minutes_longer_up_to_twenty_five() {
        var lengths = new java.util.ArrayList<Duration>();
        for (int ban = 1; ban <= 7; ban++) {
            fail(90);
            var start = clock.instant();
            lengths.add(Duration.between(start, bans.bannedUntil(RULE)));
            clock.advance(lengths.getLast().minusSeconds(1));
            assertThat(bans.banned(RULE)).as("still banned a second before the end of ban %d", ban).isTrue();
            clock.advance(Duration.ofSeconds(1));
            assertThat(bans.banned(RULE)).as("free at the end of ban %d", ban).isFalse();
        }
        assertThat(lengths).extracting(Duration::toMinutes).containsExactly(5L, 10L, 15L, 20L, 25L, 25L, 25L);
    }

    @Test
    void one_rule_banned_leaves_the_others_alone() {
        fail(90);
        assertThat(bans.banned(RULE)).isTrue();
        assertThat(bans.banned("org#app/other")).isFalse();
    }
}
