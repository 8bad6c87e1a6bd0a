package dev.relations.domain.room;

import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Username;

import java.util.List;

/**
 * Chatroom errors with Easemob's exact strings (SPEC D.2 and each API's table). Strings
 * marked "ours" are not documented by Easemob and were chosen for this service.
 */
final class RoomErrors {
    static final String OWNER_OP = "forbidden operation on group owner!";
    static final String SAME_OWNER = "new owner and old owner are the same";
    static final String FULL = "members size is greater than max user size !";
    static final String NO_USERS = "usernames must be provided";
    static final String NO_FIELDS = "name, description or maxusers must be provided";
    static final String BAD_DURATION = "mute_duration must be -1, 0 or a positive number of milliseconds";

    private RoomErrors() {
    }

    /** E_ROOM404a. */
    static Rejection roomNotFound(RoomId room) {
        return Rejection.resourceNotFound("grpID " + room + " does not exist!");
    }

    /** E_USER404. */
    static Rejection userNotFound(Username user) {
        return Rejection.resourceNotFound("username " + user + " doesn't exist!");
    }

    /** E_NOTMEMBER: also answers "not on the blocklist" (SPEC D.7). */
    static Rejection notMembers(List<Username> users, RoomLimits limits) {
        return Rejection.forbiddenOp(limits.forbiddenOpStatus(), "users " + users + " are not members of this group!");
    }

    /** E_ALREADY (SPEC G-5), newline included. */
    static Rejection alreadyMember(Username user, RoomId room, RoomLimits limits) {
        return Rejection.forbiddenOp(limits.forbiddenOpStatus(),
                "can not join this group, reason:user: " + user + " already in group: " + room + "\n");
    }

    /** Ours (SPEC D.4 recommended). */
    static Rejection blockedFromRoom(Username user, RoomId room) {
        return Rejection.forbiddenOp(403, "user " + user + " is in blacklist of group: " + room);
    }

    static Rejection ownerOp() {
        return Rejection.forbiddenOp(403, OWNER_OP);
    }

    static Rejection sameOwner() {
        return Rejection.forbiddenOp(403, SAME_OWNER);
    }

    static Rejection full() {
        return Rejection.exceedLimit(FULL);
    }

    /** E_TOOMANYROOMS on member add (403 exceed_limit everywhere, SPEC G-6). */
    static Rejection joinedTooMany(Username user) {
        return Rejection.exceedLimit("can not join this group, reason:user " + user + " has joined too many chatrooms!");
    }

    /** E_TOOMANYROOMS on create. */
    static Rejection createJoinedTooMany(Username user) {
        return Rejection.exceedLimit("user " + user + " has joined too many chatrooms!");
    }

    static Rejection roomExists(RoomId room) {
        return Rejection.illegalArgument("group ID " + room + " already exists!");
    }

    /** Group docs' wording for a new owner who is not a member (SPEC D.3). */
    static Rejection notInGroup(Username user, RoomId room) {
        return Rejection.forbiddenOp(403, "user: " + user + " doesn't exist in group: " + room);
    }

    static Rejection notAdmin(Username user, RoomId room) {
        return Rejection.forbiddenOp(403, "user:" + user + " is not admin of group:" + room);
    }

    /** Ours. */
    static Rejection tooManyAdmins(RoomLimits limits) {
        return Rejection.exceedLimit("admin number exceed limit : " + limits.maxAdmins());
    }

    static Rejection titleTooLong(RoomLimits limits) {
        return Rejection.exceedLimit("title cannot exceed to " + limits.maxNameLength());
    }

    static Rejection descriptionTooLong(RoomLimits limits) {
        return Rejection.exceedLimit("desc cannot exceed to " + limits.maxDescriptionLength());
    }

    static Rejection maxUsersTooHigh(RoomLimits limits) {
        return Rejection.exceedLimit("maxUsers cannot exceed " + limits.maxUsersCeiling());
    }

    /** Ours, in the style of the other field limits. */
    static Rejection customTooLong(RoomLimits limits) {
        return Rejection.exceedLimit("custom cannot exceed to " + limits.maxCustomLength());
    }

    /** Ours. */
    static Rejection maxUsersTooLow() {
        return Rejection.invalidParameter("maxusers must be at least 1");
    }

    /** Ours (SPEC D.3 recommends 400 invalid_parameter). */
    static Rejection maxUsersBelowSize(int size) {
        return Rejection.invalidParameter("maxusers cannot be less than the current number of members : " + size);
    }

    static Rejection addBatchTooLarge(RoomLimits limits) {
        return Rejection.invalidParameter("addMembers: addMembers number more than maxSize : " + limits.batchAddMax());
    }

    /** The documented text names 60; it is generated with the configured size (SPEC G-2). */
    static Rejection removeBatchTooLarge(RoomLimits limits) {
        return Rejection.invalidParameter("kickMember: kickMembers number more than maxSize : " + limits.batchRemoveMax());
    }

    static Rejection blockBatchTooLarge(RoomLimits limits) {
        return Rejection.invalidParameter("userNames is more than max limit : " + limits.listBatchMax());
    }

    static Rejection unblockBatchTooLarge(RoomLimits limits) {
        return Rejection.invalidParameter("removeBlacklist: list size more than max limit : " + limits.listBatchMax());
    }

    static Rejection allowBatchTooLarge(RoomLimits limits) {
        return Rejection.invalidParameter("usernames size is more than max limit : " + limits.listBatchMax());
    }

    static Rejection disallowBatchTooLarge(RoomLimits limits) {
        return Rejection.invalidParameter("removeWhitelist size is more than max limit : " + limits.listBatchMax());
    }

    static Rejection muteBatchTooLarge(RoomLimits limits) {
        return Rejection.invalidParameter("userNames size is more than max limit : " + limits.muteBatchMax());
    }

    /** Two spaces before the number, as documented. */
    static Rejection unmuteBatchTooLarge(RoomLimits limits) {
        return Rejection.invalidParameter("removeMute member size more than max limit :  " + limits.muteBatchMax());
    }

    /** Per-user reason of a batch removal. */
    static String notInGroupReason(Username user, RoomId room) {
        return "user: " + user + " doesn't exist in group: " + room;
    }

    /** Per-user reason of a batch block or allow. */
    static String notInChatroomReason(Username user, RoomId room) {
        return "user: " + user + " doesn't exist in chatroom: " + room;
    }

    /** Ours. */
    static String notBlockedReason(Username user, RoomId room) {
        return "user: " + user + " is not in blacklist of chatroom: " + room;
    }

    /** Ours. */
    static String notAllowedReason(Username user, RoomId room) {
        return "user: " + user + " is not in whitelist of chatroom: " + room;
    }
}
