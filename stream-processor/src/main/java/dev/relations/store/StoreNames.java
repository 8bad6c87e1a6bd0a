package dev.relations.store;

import dev.relations.mapping.AvroSerdes;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.CommandEnvelope;
import dev.relations.schemas.StoredBatch;
import dev.relations.schemas.StoredBlock;
import dev.relations.schemas.StoredContact;
import dev.relations.schemas.StoredMember;
import dev.relations.schemas.StoredRequest;
import dev.relations.schemas.StoredRoom;
import dev.relations.schemas.StoredRoomBatch;
import dev.relations.schemas.StoredSeat;
import dev.relations.schemas.StoredUser;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;

/**
 * The one physical state store and its slices; names and tags are defined here only. Every
 * aggregate family shares the store, so one exactly-once step writes one changelog partition
 * however many tables it touches.
 */
public final class StoreNames {
    /** The physical store (changelog {@code <application.id>-state-changelog}). */
    public static final String STATE = "state";

    /** tenant|user -> StoredUser */
    public static final Slice<StoredUser> USERS = new Slice<>("users", "u", AvroSerdes::storedUsers);
    /** tenant|created(hex)|user -> user: the app's users in creation order (ties by name). */
    public static final Slice<String> USER_CREATION = new Slice<>("user-creation", "uc", s -> Serdes.String());
    /** tenant|owner|friend -> StoredContact: one entry per roster edge. */
    public static final Slice<StoredContact> CONTACTS = new Slice<>("contacts", "c", AvroSerdes::storedContacts);
    /** tenant|owner|seq -> friend: listing order of confirmed contacts (newest = highest seq). */
    public static final Slice<String> CONTACT_ORDER = new Slice<>("contact-order", "co", s -> Serdes.String());
    /** tenant|owner|target -> StoredBlock: one entry per blocklist edge. */
    public static final Slice<StoredBlock> BLOCKS = new Slice<>("blocks", "b", AvroSerdes::storedBlocks);
    /** tenant|owner|seq -> target: listing order of confirmed blocks (newest = highest seq). */
    public static final Slice<String> BLOCK_ORDER = new Slice<>("block-order", "bo", s -> Serdes.String());
    /** tenant|target|blocker -> blocker: who blocks this user, for the deletion cascade. */
    public static final Slice<String> BLOCKERS = new Slice<>("blockers", "bk", s -> Serdes.String());
    /** tenant|owner|request-id -> StoredBatch: multi-target requests waiting for answers. */
    public static final Slice<StoredBatch> BATCHES = new Slice<>("batches", "ba", AvroSerdes::storedBatches);
    /** tenant|room -> StoredRoom */
    public static final Slice<StoredRoom> ROOMS = new Slice<>("rooms", "r", AvroSerdes::storedRooms);
    /** tenant|room|user -> StoredMember: one entry per member, owner included. */
    public static final Slice<StoredMember> ROOM_MEMBERS = new Slice<>("room-members", "rm", AvroSerdes::storedMembers);
    /** tenant|room|seq -> user: join order of confirmed members. */
    public static final Slice<String> ROOM_MEMBER_ORDER = new Slice<>("room-member-order", "ro", s -> Serdes.String());
    /** tenant|room|user -> user: the room blocklist. */
    public static final Slice<String> ROOM_BLOCKS = new Slice<>("room-blocks", "rb", s -> Serdes.String());
    /** tenant|room|user -> user: the room allowlist. */
    public static final Slice<String> ROOM_ALLOWS = new Slice<>("room-allows", "ra", s -> Serdes.String());
    /** tenant|room|user -> expiry ms epoch (-1 permanent). */
    public static final Slice<Long> ROOM_MUTES = new Slice<>("room-mutes", "rmu", s -> Serdes.Long());
    /** expiry(hex)|tenant|room|user -> user: timed mutes by due time, for the expiry sweep. */
    public static final Slice<String> MUTE_EXPIRY = new Slice<>("mute-expiry", "me", s -> Serdes.String());
    /** tenant|room|request-id -> StoredRoomBatch */
    public static final Slice<StoredRoomBatch> ROOM_BATCHES = new Slice<>("room-batches", "rba", AvroSerdes::storedRoomBatches);
    /** tenant|room|#counter-name -> long (members incl. owner and pending, admins, seq; event-seq numbers the room's events). */
    public static final Slice<Long> ROOM_COUNTERS = new Slice<>("room-counters", "rc", s -> Serdes.Long());
    /** tenant|user|room -> StoredSeat: the rooms a user holds a seat in. */
    public static final Slice<StoredSeat> SEATS = new Slice<>("seats", "s", AvroSerdes::storedSeats);
    /** tenant|user|seq -> room: join order of a user's rooms. */
    public static final Slice<String> SEAT_ORDER = new Slice<>("seat-order", "so", s -> Serdes.String());
    /** tenant|user|room -> room: rooms holding a blocklist, allowlist or mute entry on the user, for the deletion cascade. */
    public static final Slice<String> ROOM_ENTRY_NOTES = new Slice<>("room-entry-notes", "sn", s -> Serdes.String());
    /** tenant|owner|#counter-name -> long (e.g. contacts, blocks, seats: the user's joined rooms, event-seq). */
    public static final Slice<Long> COUNTERS = new Slice<>("counters", "n", s -> Serdes.Long());
    /** tenant|u|user|seq, tenant|r|room|seq or tenant|a|seq -> EventEnvelope: each aggregate's published events, for history reads. */
    public static final Slice<EventEnvelope> EVENT_HISTORY = new Slice<>("event-history", "eh", AvroSerdes::events);
    /** tenant|#counter-name -> long: the app's own counters (registered users, super-admin seq, event-seq). */
    public static final Slice<Long> APP_COUNTERS = new Slice<>("app-counters", "ac", s -> Serdes.Long());
    /** tenant|room -> until (ms): places held for chatrooms being created under the app's room quota. */
    public static final Slice<Long> ROOM_RESERVATIONS = new Slice<>("room-reservations", "rr", s -> Serdes.Long());
    /** tenant|user -> seq: the app's chatroom super admins. */
    public static final Slice<Long> SUPER_ADMINS = new Slice<>("super-admins", "sa", s -> Serdes.Long());
    /** tenant|seq -> user: the super admins in the order they were added. */
    public static final Slice<String> SUPER_ADMIN_ORDER = new Slice<>("super-admin-order", "sao", s -> Serdes.String());
    /** tenant|request-id -> StoredRequest: idempotency of external commands. */
    public static final Slice<StoredRequest> REQUESTS = new Slice<>("requests", "q", AvroSerdes::storedRequests);
    /** created-time|tenant|request-id -> tenant|request-id: the requests in the order they expire. */
    public static final Slice<String> REQUEST_CREATION = new Slice<>("request-creation", "qc", s -> Serdes.String());

    /**
     * due-time|request-id|aggregate-key -> the compensation that releases what the request
     * reserves at that aggregate, sent if the request is still unanswered when due.
     */
    public static final Slice<CommandEnvelope> RESERVATION_DEADLINES = new Slice<>("reservation-deadlines", "rd", AvroSerdes::commands);

    public static final List<Slice<?>> ALL = List.of(USERS, USER_CREATION, CONTACTS, CONTACT_ORDER, BLOCKS, BLOCK_ORDER, BLOCKERS, BATCHES,
            ROOMS, ROOM_MEMBERS, ROOM_MEMBER_ORDER, ROOM_BLOCKS, ROOM_ALLOWS, ROOM_MUTES, MUTE_EXPIRY, ROOM_BATCHES,
            ROOM_COUNTERS, SEATS, SEAT_ORDER, ROOM_ENTRY_NOTES, COUNTERS, EVENT_HISTORY, APP_COUNTERS, ROOM_RESERVATIONS, SUPER_ADMINS, SUPER_ADMIN_ORDER,
            REQUESTS, REQUEST_CREATION, RESERVATION_DEADLINES);

    private StoreNames() {
    }
}
