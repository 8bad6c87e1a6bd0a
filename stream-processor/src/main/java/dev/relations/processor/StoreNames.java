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
    /** tenant|room -> StoredRoom */
    public static final String ROOMS = "rooms";
    /** tenant|room|user -> StoredMember: one entry per member, owner included. */
    public static final String ROOM_MEMBERS = "room-members";
    /** tenant|room|seq -> user: join order of confirmed members. */
    public static final String ROOM_MEMBER_ORDER = "room-member-order";
    /** tenant|room|user -> user: the room blocklist. */
    public static final String ROOM_BLOCKS = "room-blocks";
    /** tenant|room|user -> user: the room allowlist. */
    public static final String ROOM_ALLOWS = "room-allows";
    /** tenant|room|user -> expiry ms epoch (-1 permanent). */
    public static final String ROOM_MUTES = "room-mutes";
    /** expiry(hex)|tenant|room|user -> user: timed mutes by due time, for the expiry sweep. */
    public static final String MUTE_EXPIRY = "mute-expiry";
    /** tenant|room|request-id -> StoredRoomBatch */
    public static final String ROOM_BATCHES = "room-batches";
    /** tenant|room|#counter-name -> long (members incl. owner and pending, admins, seq; event-seq numbers the room's events). */
    public static final String ROOM_COUNTERS = "room-counters";
    /** tenant|user|room -> StoredSeat: the rooms a user holds a seat in. */
    public static final String SEATS = "seats";
    /** tenant|user|seq -> room: join order of a user's rooms. */
    public static final String SEAT_ORDER = "seat-order";
    /** tenant|owner|#counter-name -> long (e.g. contacts, blocks, seats: the user's joined rooms, event-seq). */
    public static final String COUNTERS = "counters";
    /** tenant|request-id -> StoredRequest: idempotency of external commands. */
    public static final String REQUESTS = "requests";

    private StoreNames() {
    }
}
