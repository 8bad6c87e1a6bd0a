package dev.relations.api.auth;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code relations.rate-limits.*}: whether limits are enforced, and across how many instances
 * an app's limit is shared (each instance enforces its share, see {@link RateLimits}).
 */
@ConfigurationProperties("relations.rate-limits")
public class RateLimitSettings {
    private boolean enabled = true;
    private int instances = 1;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getInstances() {
        return instances;
    }

    public void setInstances(int instances) {
        this.instances = Math.max(1, instances);
    }
}
