package dev.relations.domain.room;

/**
 * Per-app chatroom limits and compatibility switches (data, never constants in the rules).
 *
 * @param maxUsersCeiling   highest {@code maxusers} a room may have
 * @param defaultMaxUsers   {@code maxusers} of a room created without one
 * @param maxAdmins         admins per room (the owner is not one)
 * @param batchAddMax       users per batch add
 * @param batchRemoveMax    users per batch removal (SPEC G-2: 100, the documented contract)
 * @param listBatchMax      users per blocklist or allowlist call
 * @param muteBatchMax      users per mute or unmute call
 * @param forbiddenOpStatus HTTP status of "not a member" and "already a member" (SPEC G-4/G-5: 400, or 403)
 * @param permanentMuteExpire the {@code expire} a permanent mute is answered with (SPEC G-21: -1, or
 *                          Easemob's 4638873600000); stored as {@link Mute#PERMANENT} whatever it is
 * @param allowBlockNonMember SPEC G-19's opt-in extension: a registered user who is not a member
 *                          may be put on a room's blocklist (off: only members, as Easemob documents)
 */
public record RoomLimits(int maxUsersCeiling, int defaultMaxUsers, int maxAdmins, int batchAddMax, int batchRemoveMax,
                         int listBatchMax, int muteBatchMax, int maxNameLength, int maxDescriptionLength,
                         int maxCustomLength, int forbiddenOpStatus, long permanentMuteExpire,
                         boolean allowBlockNonMember) {

    public RoomLimits {
        if (maxUsersCeiling < 1 || defaultMaxUsers < 1 || defaultMaxUsers > maxUsersCeiling || maxAdmins < 0
                || batchAddMax < 1 || batchRemoveMax < 1 || listBatchMax < 1 || muteBatchMax < 1
                || maxNameLength < 1 || maxDescriptionLength < 1 || maxCustomLength < 0) {
            throw new IllegalArgumentException("room limits must be positive and defaultMaxUsers within the ceiling");
        }
        if (forbiddenOpStatus != 400 && forbiddenOpStatus != 403) {
            throw new IllegalArgumentException("forbiddenOpStatus must be 400 or 403");
        }
        if (permanentMuteExpire != Mute.PERMANENT && permanentMuteExpire <= 0) {
            throw new IllegalArgumentException("permanentMuteExpire must be -1 or a time");
        }
    }

    /** Easemob's documented values (SPEC D.1-D.10, G-2, G-4, G-12, G-21). */
    public static RoomLimits defaults() {
        return new RoomLimits(10_000, 1_000, 99, 60, 100, 60, 60, 128, 512, 8_192, 400, Mute.PERMANENT, false);
    }

    public RoomLimits withAllowBlockNonMember(boolean allow) {
        return new RoomLimits(maxUsersCeiling, defaultMaxUsers, maxAdmins, batchAddMax, batchRemoveMax, listBatchMax,
                muteBatchMax, maxNameLength, maxDescriptionLength, maxCustomLength, forbiddenOpStatus, permanentMuteExpire,
                allow);
    }

    /** A stored expiry as answered: a permanent mute as this app shows it. */
    public long answeredExpiry(long expireAt) {
        return expireAt == Mute.PERMANENT ? permanentMuteExpire : expireAt;
    }
}
