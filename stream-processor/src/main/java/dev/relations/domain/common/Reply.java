package dev.relations.domain.common;

/** The payload of an accepted verdict, one shape per kind of success body. */
public sealed interface Reply {

    /** Register, delete: the user entity. */
    record UserReply(User user) implements Reply {
    }

    /** Contact add/remove, unblock: the other user's entity, answered for the owner. */
    record ContactReply(User owner, User friend) implements Reply {
    }

    /** Blocking: the usernames the request named, now all blocked. */
    record NamesReply(java.util.List<Username> names) implements Reply {
    }

    /** Success with nothing to answer beyond {@code status: ok} (remark). */
    record Done() implements Reply {
    }

    /**
     * A chatroom super admin added ({@code data: {result: "success", resource: ""}}) or removed
     * ({@code data: {newSuperAdmin, resource: ""}}, the documented field name).
     */
    record SuperAdminReply(Username user, boolean added) implements Reply {
    }

    /** An Idempotency-Key's claim let the request go; {@code data: {claimed_at}}, first claimed then (ms epoch). */
    record KeyClaimReply(long claimedAt) implements Reply {
    }

    /** Contact import: Easemob's four buckets. */
    record ImportReply(java.util.List<Username> success, java.util.List<Username> notExistFailed,
                       java.util.List<Username> maxLimitFailed, java.util.List<Username> unknownFailed) implements Reply {
    }

    /**
     * Chatroom success bodies. One sealed branch, so a mapper can hand every room reply to
     * one place. Each record names the facts of Easemob's {@code data}; the JSON shape is the mapper's.
     */
    sealed interface RoomReply extends Reply {
    }

    /** Create: {@code data: {id}}. */
    record RoomCreatedReply(RoomId room) implements RoomReply {
    }

    /** Info update: one {@code true} per field the request supplied ({@code groupname}, {@code description}, {@code maxusers}). */
    record RoomUpdatedReply(java.util.List<RoomField> fields) implements RoomReply {
    }

    /** Owner transfer: {@code data: {newowner: true}}. */
    record OwnerTransferredReply(Username newOwner) implements RoomReply {
    }

    /** Delete: {@code data: {success: true, id}}. */
    record RoomDeletedReply(RoomId room) implements RoomReply {
    }

    /**
     * A single-user member, blocklist or allowlist call that succeeded:
     * {@code data: {result: true, action, user, id}} ({@code chatroomid} instead of {@code id} for block and allow actions).
     */
    record MemberReply(RoomId room, MemberAction action, Username user) implements RoomReply {
    }

    /** A multi-user call answered per user: {@code data: [{result, action, reason?, user, id|chatroomid}]}. */
    record MemberResultsReply(RoomId room, MemberAction action, java.util.List<MemberResult> results) implements RoomReply {
    }

    /** Batch add: {@code data: {newmembers, action: add_member, id}}; only the users who joined. */
    record NewMembersReply(RoomId room, java.util.List<Username> members) implements RoomReply {
    }

    /** Admin add ({@code {result: "success", newadmin}}) or remove ({@code {result: "success", oldadmin}}). */
    record AdminReply(Username user, boolean added) implements RoomReply {
    }

    /** Mute: {@code data: [{result, expire, user}]}; {@code expire} is -1 for a permanent mute. */
    record MuteReply(java.util.List<MuteResult> results) implements RoomReply {
    }

    /** Unmute: {@code data: [{result, user}]}; {@code result} is false for a user who was not muted. */
    record UnmuteReply(java.util.List<MemberResult> results) implements RoomReply {
    }

    /** Mute-all on or off: {@code data: {mute}}. */
    record MuteAllReply(boolean mute) implements RoomReply {
    }

    /** One user's line of a multi-user answer; {@code reason} only when {@code result} is false. */
    record MemberResult(Username user, boolean result, java.util.Optional<String> reason) {
        public static MemberResult ok(Username user) {
            return new MemberResult(user, true, java.util.Optional.empty());
        }

        public static MemberResult failed(Username user, String reason) {
            return new MemberResult(user, false, java.util.Optional.of(reason));
        }
    }

    /** One user's line of a mute answer. */
    record MuteResult(Username user, boolean result, long expire) {
    }

    /**
     * Easemob's {@code action} values: add_member, remove_member, add_blocks, remove_blocks,
     * add_user_whitelist, remove_user_whitelist.
     */
    enum MemberAction { ADD_MEMBER, REMOVE_MEMBER, ADD_BLOCK, REMOVE_BLOCK, ADD_ALLOW, REMOVE_ALLOW }

    /** Updatable room fields, answered as {@code groupname}, {@code description}, {@code maxusers}. */
    enum RoomField { NAME, DESCRIPTION, MAX_USERS }
}
