package dev.relations.domain.room;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Username;
import dev.relations.domain.seat.SeatRefusal;

import java.util.List;
import java.util.Optional;

/**
 * A room's history. Multi-user changes are one event with every affected user, matching
 * Easemob's {@code member:[…]}. The internal events keep joins in flight and are not published.
 */
public sealed interface RoomEvent {

    /** Internal: places held as pending members while the users' seats are asked for. */
    record MembersReserved(RoomId room, String requestId, List<Username> users, long at) implements RoomEvent {
    }

    /** Internal: pending members given back (their seat was refused, or the join failed whole). */
    record MembersReleased(RoomId room, List<Username> users) implements RoomEvent {
    }

    /** Internal: a multi-user join (batch add, or a creation when {@code creation} is present) waits for answers. */
    record BatchStarted(RoomId room, String requestId, List<Username> asked, Optional<RoomInfo> creation)
            implements RoomEvent {
    }

    /** Internal: one asked user answered (refusal empty: seat granted). A later refusal overrides a grant. */
    record SeatAnswered(RoomId room, String requestId, Username user, Optional<SeatRefusal> refusal) implements RoomEvent {
    }

    /**
     * Internal: a batch add's users still waiting for a free place are {@code queued}; {@code asked}, when
     * present, was taken off the queue for a place a refusal freed, and its seat asked for.
     */
    record BatchQueued(RoomId room, String requestId, List<Username> queued, Optional<Username> asked) implements RoomEvent {
    }

    /** Internal: the deadline passed; the users still unanswered count as failed seats from now on. */
    record BatchExpired(RoomId room, String requestId) implements RoomEvent {
    }

    /** Internal: a multi-user join is answered. */
    record BatchFinished(RoomId room, String requestId) implements RoomEvent {
    }

    /** room.created: the room opens with its owner; pulled-in members (in {@code members}, owner first) follow as {@link MembersJoined}. */
    record RoomCreated(RoomId room, RoomInfo info, List<Username> members) implements RoomEvent {
        /** A room that opens with its owner alone. */
        public RoomCreated(RoomId room, RoomInfo info) {
            this(room, info, List.of(info.owner()));
        }
    }

    /** room.updated: only the changed fields are present. */
    record RoomUpdated(RoomId room, Optional<String> name, Optional<String> description, Optional<Integer> maxUsers)
            implements RoomEvent {
    }

    /** room.owner_changed: the old owner stays as an ordinary member. */
    record OwnerChanged(RoomId room, Username oldOwner, Username newOwner) implements RoomEvent {
    }

    /** room.deleted: preceded by {@link MembersLeft} with reason DELETE listing every member (but an owner whose deletion dissolves the room, which leaves just before as USER_DELETED). */
    record RoomDeleted(RoomId room) implements RoomEvent {
    }

    record MembersJoined(RoomId room, List<Username> members, JoinReason reason, long at) implements RoomEvent {
    }

    /** A member's admin role leaves with the member; mutes and allowlist entries stay (a rejoin finds them). */
    record MembersLeft(RoomId room, List<Username> members, LeaveReason reason) implements RoomEvent {
    }

    record AdminsAdded(RoomId room, List<Username> admins) implements RoomEvent {
    }

    record AdminsRemoved(RoomId room, List<Username> admins) implements RoomEvent {
    }

    record BlocklistAdded(RoomId room, List<Username> users) implements RoomEvent {
    }

    record BlocklistRemoved(RoomId room, List<Username> users, UnlistReason reason) implements RoomEvent {
        /** Removed by the app. */
        public BlocklistRemoved(RoomId room, List<Username> users) {
            this(room, users, UnlistReason.API);
        }
    }

    record AllowlistAdded(RoomId room, List<Username> users) implements RoomEvent {
    }

    record AllowlistRemoved(RoomId room, List<Username> users, UnlistReason reason) implements RoomEvent {
        /** Removed by the app. */
        public AllowlistRemoved(RoomId room, List<Username> users) {
            this(room, users, UnlistReason.API);
        }
    }

    /** {@code expireAt} is {@link Mute#PERMANENT} for a mute without end. */
    record MutesAdded(RoomId room, List<Username> users, long expireAt) implements RoomEvent {
    }

    record MutesRemoved(RoomId room, List<Username> users, UnmuteReason reason) implements RoomEvent {
    }

    record MuteAllSet(RoomId room, boolean enabled) implements RoomEvent {
    }

    /** DIRECT: added by the app (REST add or pulled in at creation). */
    enum JoinReason { DIRECT }

    /**
     * KICK: removed by the app; BLOCK: removed by being blocklisted; DELETE: the room was dissolved;
     * QUIT: left by choice (client-side, reserved); USER_DELETED: the user was deleted (an extension).
     */
    enum LeaveReason { KICK, BLOCK, DELETE, QUIT, USER_DELETED }

    /** API: an unmute (or the owner transfer lifting the new owner's mute); EXPIRED: the sweep; USER_DELETED: the user was deleted. */
    enum UnmuteReason { API, EXPIRED, USER_DELETED }

    /** Why a blocklist or allowlist entry went: the app removed it, or its user was deleted. */
    enum UnlistReason { API, USER_DELETED }

    /** Whether consumers of the events topic see this event. */
    static boolean published(RoomEvent event) {
        return switch (event) {
            case MembersReserved ignored -> false;
            case MembersReleased ignored -> false;
            case BatchStarted ignored -> false;
            case SeatAnswered ignored -> false;
            case BatchQueued ignored -> false;
            case BatchExpired ignored -> false;
            case BatchFinished ignored -> false;
            case RoomCreated ignored -> true;
            case RoomUpdated ignored -> true;
            case OwnerChanged ignored -> true;
            case RoomDeleted ignored -> true;
            case MembersJoined ignored -> true;
            case MembersLeft ignored -> true;
            case AdminsAdded ignored -> true;
            case AdminsRemoved ignored -> true;
            case BlocklistAdded ignored -> true;
            case BlocklistRemoved ignored -> true;
            case AllowlistAdded ignored -> true;
            case AllowlistRemoved ignored -> true;
            case MutesAdded ignored -> true;
            case MutesRemoved ignored -> true;
            case MuteAllSet ignored -> true;
        };
    }
}
