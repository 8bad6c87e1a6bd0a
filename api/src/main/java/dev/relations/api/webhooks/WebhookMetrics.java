package dev.relations.api.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code relations_webhook_callbacks_total{app,outcome}} with outcome {@code delivered}
 * (answered 200, first try or retry), {@code retried} (a first try failed), {@code failed}
 * (the retry failed too), {@code stored} (kept for the storage retry: failed or sent while the
 * rule was banned), {@code resent} and {@code resend_failed} (by the storage retry call); and
 * {@code relations_webhook_lag_records}, the events this instance has yet to dispatch.
 */
@Singleton
public class WebhookMetrics {
    private final MeterRegistry registry;
    private final Map<String, Long> lagByRule = new ConcurrentHashMap<>();

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("relations.webhook.lag.records", lagByRule,
                        lags -> lags.values().stream().mapToLong(Long::longValue).max().orElse(0))
                .description("events of the events topic this instance's webhook dispatcher has yet to handle")
                .register(registry);
    }

    void count(String appKey, String outcome) {
        Counter.builder("relations.webhook.callbacks")
                .description("webhook callbacks by outcome")
                .tag("app", appKey)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    void lag(String ruleId, long records) {
        lagByRule.put(ruleId, records);
    }
}
