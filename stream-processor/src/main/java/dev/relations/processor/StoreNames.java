package dev.relations.processor;

/** Every state store of the topology; names are defined here only. */
public final class StoreNames {
    /** tenant|user -> StoredUser */
    public static final String USERS = "users";
    /** tenant|owner|friend -> StoredContact: one entry per roster edge. */
    public static final String CONTACTS = "contacts";
    /** tenant|owner|seq -> friend: listing order of confirmed contacts (newest = highest seq). */
    public static final String CONTACT_ORDER = "contact-order";
    /** tenant|owner|target -> StoredBlock: one entry per blocklist edge. */
    public static final String BLOCKS = "blocks";
    /** tenant|owner|seq -> target: listing order of confirmed blocks (newest = highest seq). */
    public static final String BLOCK_ORDER = "block-order";
    /** tenant|target|blocker -> blocker: who blocks this user, for the deletion cascade. */
    public static final String BLOCKERS = "blockers";
    /** tenant|owner|request-id -> StoredBatch: multi-target requests waiting for answers. */
    public static final String BATCHES = "batches";
    /** tenant|owner|counter-name -> long */
    public static final String COUNTERS = "counters";
    /** tenant|request-id -> StoredRequest: idempotency of external commands. */
    public static final String REQUESTS = "requests";

    private StoreNames() {
    }
}
