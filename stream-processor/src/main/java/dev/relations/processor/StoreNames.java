package dev.relations.processor;

/** Every state store of the topology; names are defined here only. */
public final class StoreNames {
    /** tenant|user -> StoredUser */
    public static final String USERS = "users";
    /** tenant|owner|friend -> StoredContact: one entry per roster edge. */
    public static final String CONTACTS = "contacts";
    /** tenant|owner|seq -> friend: listing order of confirmed contacts (newest = highest seq). */
    public static final String CONTACT_ORDER = "contact-order";
    /** tenant|owner|counter-name -> long */
    public static final String COUNTERS = "counters";
    /** tenant|request-id -> StoredRequest: idempotency of external commands. */
    public static final String REQUESTS = "requests";

    private StoreNames() {
    }
}
