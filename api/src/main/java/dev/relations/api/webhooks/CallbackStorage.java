package dev.relations.api.webhooks;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The storage retry call (SPEC E.1): resends one 10-minute bucket of an app's stored callbacks
 * to one URL, each as it was first signed, in the order they failed. A resend that fails again
 * stays in its bucket (the store is a log), so the call can be repeated.
 */
@Singleton
public class CallbackStorage {
    /** Stored failures are grouped in buckets of this length, starting on the wall clock's 10 minutes (UTC). */
    public static final Duration BUCKET = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(CallbackStorage.class);

    private final FailedCallbacks failures;
    private final CallbackSender sender;
    private final WebhookMetrics metrics;

    public CallbackStorage(FailedCallbacks failures, CallbackSender sender, WebhookMetrics metrics) {
        this.failures = failures;
        this.sender = sender;
        this.metrics = metrics;
    }

    /** The bucket {@code at} falls in. */
    public static Instant bucketOf(Instant at) {
        var minute = at.truncatedTo(ChronoUnit.MINUTES);
        return minute.minus(Duration.ofMinutes(minute.atZone(java.time.ZoneOffset.UTC).getMinute() % 10));
    }

    /** Whether every callback of the bucket was delivered this time (true for an empty bucket). */
    public boolean resend(String appKey, Instant bucket, String url) {
        int sent = 0;
        int failed = 0;
        for (var kept : failures.between(appKey, bucket, bucket.plus(BUCKET), url)) {
            if (sender.post(kept.url(), kept.body())) {
                sent++;
                metrics.count(appKey, "resent");
            } else {
                failed++;
                metrics.count(appKey, "resend_failed");
            }
        }
        LOG.info("event=callbacks_resent app={} bucket={} sent={} failed={}", appKey, bucket, sent, failed);
        return failed == 0;
    }
}
