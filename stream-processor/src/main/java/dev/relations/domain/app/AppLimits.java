package dev.relations.domain.app;

/**
 * Per-app limits the app's own aggregate enforces (data, never a constant in the rules).
 *
 * @param maxUsers registered users the app may have at once; 0: no quota (the default). Easemob's
 *                 free plan allows 100 (SPEC B.2).
 */
public record AppLimits(int maxUsers) {
    public AppLimits {
        if (maxUsers < 0) {
            throw new IllegalArgumentException("maxUsers must be 0 (no quota) or positive");
        }
    }

    public static AppLimits unlimited() {
        return new AppLimits(0);
    }

    public boolean userQuota() {
        return maxUsers > 0;
    }
}
