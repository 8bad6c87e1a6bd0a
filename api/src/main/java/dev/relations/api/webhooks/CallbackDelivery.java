package dev.relations.api.webhooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * SPEC E.1's delivery of one signed callback to one rule: sent, one immediate retry, then
 * stored; a rule banned for its failures ({@link RuleBans}) has its callbacks stored at once.
 */
final class CallbackDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackDelivery.class);

    private final CallbackSender sender;
    private final FailedCallbacks failures;
    private final WebhookMetrics metrics;
    private final Clock clock;
    private final RuleBans bans;

    CallbackDelivery(CallbackSender sender, FailedCallbacks failures, WebhookMetrics metrics, Clock clock) {
        this.sender = sender;
        this.failures = failures;
        this.metrics = metrics;
        this.clock = clock;
        this.bans = new RuleBans(clock);
    }

    /** Returns once the body was answered 200 or is stored; throws when it could be neither. */
    void deliver(CallbackRule rule, String body) {
        if (!bans.banned(rule.id())) {
            if (sender.post(rule.url(), body)) {
                metrics.count(rule.appKey(), "delivered");
                return;
            }
            metrics.count(rule.appKey(), "retried");
            if (sender.post(rule.url(), body)) {
                metrics.count(rule.appKey(), "delivered");
                return;
            }
            metrics.count(rule.appKey(), "failed");
            bans.failed(rule.id());
            var until = bans.bannedUntil(rule.id());
            if (until != null) {
                LOG.warn("event=webhook_rule_banned rule={} until={}", rule.id(), until);
            }
        }
        failures.store(rule, body, clock.instant());
        metrics.count(rule.appKey(), "stored");
    }
}
