package dev.relations.api.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicLong;

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
    private final AtomicLong lag = new AtomicLong();

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("relations.webhook.lag.records", lag, AtomicLong::get)
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

    void lag(long records) {
        lag.set(records);
    }
}
