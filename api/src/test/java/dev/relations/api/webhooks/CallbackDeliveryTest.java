package dev.relations.api.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relations.api.MutableClock;
import dev.relations.api.runtime.KafkaSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC E.1 on one rule, with a receiver and a store that only count, and a clock the test moves. */
class CallbackDeliveryTest {
    private static final CallbackRule RULE = new CallbackRule("org#app/hook", "org#app", "http://hooks.example.com/", "s",
            List.of("*"), CallbackRule.Format.NEW);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T12:00:00Z"));
    private final List<String> posted = new ArrayList<>();
    private final List<Instant> stored = new ArrayList<>();
    private final List<Boolean> answers = new ArrayList<>();
    private boolean receiverUp;

    private final CallbackSender sender = new CallbackSender(Duration.ofSeconds(1)) {
        @Override
        public boolean post(String url, String json) {
            posted.add(json);
            return answers.isEmpty() ? receiverUp : answers.removeFirst();
        }
    };
    private final FailedCallbacks store = new FailedCallbacks(new KafkaSettings(), new ObjectMapper()) {
        @Override
        public void store(CallbackRule rule, String body, Instant failedAt) {
            stored.add(failedAt);
        }
    };
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CallbackDelivery delivery = new CallbackDelivery(sender, store, new WebhookMetrics(meters), clock);

    @AfterEach
    void close() {
        sender.close();
    }

    private double count(String outcome) {
        var counter = meters.find("relations.webhook.callbacks").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void a_failed_first_try_is_retried_at_once_and_delivered() {
        answers.addAll(List.of(false, true));
        delivery.deliver(RULE, "{\"n\":1}");
        assertThat(posted).containsExactly("{\"n\":1}", "{\"n\":1}");
        assertThat(stored).isEmpty();
        assertThat(count("retried")).isEqualTo(1);
        assertThat(count("delivered")).isEqualTo(1);
    }

    @Test
    void a_callback_whose_retry_fails_too_is_stored_with_the_time_it_failed() {
        delivery.deliver(RULE, "{}");
        assertThat(posted).hasSize(2);
        assertThat(stored).containsExactly(clock.instant());
        assertThat(count("failed")).isEqualTo(1);
        assertThat(count("stored")).isEqualTo(1);
    }

    @Test
    void after_ninety_failed_callbacks_the_rule_is_banned_its_callbacks_stored_unsent_until_the_ban_ends() {
        for (int i = 0; i < 90; i++) {
            delivery.deliver(RULE, "{}");
        }
        assertThat(posted).hasSize(180);

        receiverUp = true;
        delivery.deliver(RULE, "{}");
        clock.advance(Duration.ofMinutes(4));
        delivery.deliver(RULE, "{}");
        assertThat(posted).as("nothing sent while banned").hasSize(180);
        assertThat(stored).hasSize(92);
        assertThat(count("stored")).isEqualTo(92);
        assertThat(count("failed")).isEqualTo(90);

        clock.advance(Duration.ofMinutes(1));
        delivery.deliver(RULE, "{}");
        assertThat(posted).hasSize(181);
        assertThat(stored).hasSize(92);
        assertThat(count("delivered")).isEqualTo(1);
    }
}
