package dev.relations.domain.app;

/**
 * Per-app limits the app's own aggregate enforces (data, never a constant in the rules).
 *
 * @param maxUsers registered users the app may have at once; 0: no quota (the default). Easemob's
 *                 free plan allows 100 (SPEC B.2).
 * @param maxRooms chatrooms the app may have at once; 0: no quota (the default). Easemob's limit
 *                 depends on the plan (SPEC D.1), answered 403 {@code exceed_limit} (SPEC D.3).
 */
public record AppLimits(int maxUsers, int maxRooms) {
    public AppLimits {
        if (maxUsers < 0 || maxRooms < 0) {
            throw new IllegalArgumentException("maxUsers and maxRooms must be 0 (no quota) or positive");
        }
    }

    public AppLimits(int maxUsers) {
        this(maxUsers, 0);
    }

    public static AppLimits unlimited() {
        return new AppLimits(0, 0);
    }

    public boolean userQuota() {
        return maxUsers > 0;
    }

    public boolean roomQuota() {
        return maxRooms > 0;
    }
}
