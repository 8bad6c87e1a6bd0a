package dev.relations.domain.contact;

/** Per-app plan limits for a user's relations (data, never constants in the rules). */
public record RosterLimits(int maxContacts, int maxBlocked) {
    /** Easemob's blocklist ceiling. */
    public static final int DEFAULT_MAX_BLOCKED = 500;

    public RosterLimits {
        if (maxContacts < 1 || maxBlocked < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public RosterLimits(int maxContacts) {
        this(maxContacts, DEFAULT_MAX_BLOCKED);
    }
}
