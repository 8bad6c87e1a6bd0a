package dev.relations.domain.contact;

/** Per-app plan limits for a user's relations (data, never constants in the rules). */
public record RosterLimits(int maxContacts) {
    public RosterLimits {
        if (maxContacts < 1) {
            throw new IllegalArgumentException("maxContacts must be positive");
        }
    }
}
