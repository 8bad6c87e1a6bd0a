package dev.relations.api.auth;

import dev.relations.api.config.AppSettings;
import dev.relations.api.config.Apps;
import dev.relations.domain.common.Tenant;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.micronaut.context.env.Environment;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntBiFunction;

/**
 * A token bucket per (org, app, API) with Easemob's documented limits (SPEC A.6): a burst of
 * one second's worth, refilled continuously. An app overrides one with
 * {@code relations.apps.<name>.rate-limits.<api>=<per second>} (0: unlimited).
 *
 * <p>Across instances each one enforces {@code ceil(limit / relations.rate-limits.instances)}:
 * with requests spread evenly (any load balancer), the deployment admits the app's limit;
 * with a skewed spread it admits less, never more. No shared store is involved, so a limit
 * check costs no network round trip.
 */
@Singleton
public class RateLimits {
    /** Requests per second for every API not named in {@link #DOCUMENTED}. */
    public static final int DEFAULT_PER_SECOND = 100;
    /** The APIs whose documented limit differs from the default. */
    public static final Map<String, Integer> DOCUMENTED = Map.of(
            "token", 300,
            "block-users", 50,
            "list-blocks", 50,
            "unblock-user", 50,
            "list-chatrooms", 50,
            "joined-chatrooms", 50,
            "create-chatroom", 50);

    private final RateLimitSettings settings;
    private final ToIntBiFunction<Tenant, String> limits;
    private final TimeMeter clock;
    private final Map<String, Optional<Bucket>> buckets = new ConcurrentHashMap<>();

    @Inject
    public RateLimits(RateLimitSettings settings, Apps apps, Environment environment) {
        this(settings, (tenant, api) -> apps.find(tenant)
                .map(AppSettings::getName)
                .flatMap(name -> environment.getProperty("relations.apps." + name + ".rate-limits." + api, Integer.class))
                .orElse(documented(api)), TimeMeter.SYSTEM_NANOTIME);
    }

    RateLimits(RateLimitSettings settings, ToIntBiFunction<Tenant, String> limits, TimeMeter clock) {
        this.settings = settings;
        this.limits = limits;
        this.clock = clock;
    }

    /** Easemob's limit for an API, per second per app. */
    public static int documented(String api) {
        return DOCUMENTED.getOrDefault(api, DEFAULT_PER_SECOND);
    }

    public boolean enabled() {
        return settings.isEnabled();
    }

    /** Takes one request from the bucket; empty when admitted, else the nanoseconds until one is free. */
    public OptionalLong acquire(Tenant tenant, String api) {
        if (!settings.isEnabled()) {
            return OptionalLong.empty();
        }
        var bucket = buckets.computeIfAbsent(tenant.appKey() + "|" + api, key -> newBucket(tenant, api));
        if (bucket.isEmpty()) {
            return OptionalLong.empty();
        }
        var probe = bucket.get().tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty() : OptionalLong.of(probe.getNanosToWaitForRefill());
    }

    private Optional<Bucket> newBucket(Tenant tenant, String api) {
        int limit = limits.applyAsInt(tenant, api);
        if (limit <= 0) {
            return Optional.empty();
        }
        int share = (limit + settings.getInstances() - 1) / settings.getInstances();
        return Optional.of(Bucket.builder()
                .addLimit(l -> l.capacity(share).refillGreedy(share, Duration.ofSeconds(1)))
                .withCustomTimePrecision(clock)
                .build());
    }
}
