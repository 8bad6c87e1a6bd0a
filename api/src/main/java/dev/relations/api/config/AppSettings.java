package dev.relations.api.config;

import dev.relations.domain.room.RoomLimits;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/**
 * One configured Easemob app ({@code relations.apps.<name>.*}): its credentials and plan
 * limits. Limits are data: a larger plan is a larger number here, nothing else.
 */
@EachProperty("relations.apps")
public class AppSettings {
    private final String name;
    private String org;
    private String app;
    private String clientId;
    private String clientSecret;
    private int maxContacts = 100;
    private int maxBlocked = 500;
    private int maxJoinedRooms = 100;
    private int maxUsers;
    private int maxRooms;
    private boolean openRegistration;
    private int roomsMaxUsersCeiling = RoomLimits.defaults().maxUsersCeiling();
    private int roomsDefaultMaxUsers = RoomLimits.defaults().defaultMaxUsers();
    private int roomsBatchRemoveMax = RoomLimits.defaults().batchRemoveMax();
    private int roomsMaxCustomLength = RoomLimits.defaults().maxCustomLength();
    private int forbiddenOpStatus = RoomLimits.defaults().forbiddenOpStatus();
    private long permanentMuteExpire = RoomLimits.defaults().permanentMuteExpire();
    private boolean allowBlockNonMember = RoomLimits.defaults().allowBlockNonMember();

    public AppSettings(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getOrg() {
        return org;
    }

    public void setOrg(String org) {
        this.org = org;
    }

    public String getApp() {
        return app;
    }

    public void setApp(String app) {
        this.app = app;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public int getMaxContacts() {
        return maxContacts;
    }

    public void setMaxContacts(int maxContacts) {
        this.maxContacts = maxContacts;
    }

    public int getMaxBlocked() {
        return maxBlocked;
    }

    public void setMaxBlocked(int maxBlocked) {
        this.maxBlocked = maxBlocked;
    }

    public int getMaxJoinedRooms() {
        return maxJoinedRooms;
    }

    public void setMaxJoinedRooms(int maxJoinedRooms) {
        this.maxJoinedRooms = maxJoinedRooms;
    }

    /** Registered users the app may have at once; 0 (the default): no quota. */
    public int getMaxUsers() {
        return maxUsers;
    }

    public void setMaxUsers(int maxUsers) {
        this.maxUsers = maxUsers;
    }

    /** Chatrooms the app may have at once; 0 (the default): no quota. */
    public int getMaxRooms() {
        return maxRooms;
    }

    public void setMaxRooms(int maxRooms) {
        this.maxRooms = maxRooms;
    }

    public boolean isOpenRegistration() {
        return openRegistration;
    }

    public void setOpenRegistration(boolean openRegistration) {
        this.openRegistration = openRegistration;
    }

    /** Highest {@code maxusers} a room may have (SPEC G-12: 10 000, raisable by plan). */
    public int getRoomsMaxUsersCeiling() {
        return roomsMaxUsersCeiling;
    }

    public void setRoomsMaxUsersCeiling(int roomsMaxUsersCeiling) {
        this.roomsMaxUsersCeiling = roomsMaxUsersCeiling;
    }

    /** {@code maxusers} of a room created without one; never above the ceiling. */
    public int getRoomsDefaultMaxUsers() {
        return roomsDefaultMaxUsers;
    }

    public void setRoomsDefaultMaxUsers(int roomsDefaultMaxUsers) {
        this.roomsDefaultMaxUsers = roomsDefaultMaxUsers;
    }

    /** Users per batch member removal (SPEC G-2: 100; the other room batches stay at 60). */
    public int getRoomsBatchRemoveMax() {
        return roomsBatchRemoveMax;
    }

    public void setRoomsBatchRemoveMax(int roomsBatchRemoveMax) {
        this.roomsBatchRemoveMax = roomsBatchRemoveMax;
    }

    /** Characters of a room's {@code custom} (SPEC G-12: 8 KB, a superset of the older 1024). */
    public int getRoomsMaxCustomLength() {
        return roomsMaxCustomLength;
    }

    public void setRoomsMaxCustomLength(int roomsMaxCustomLength) {
        this.roomsMaxCustomLength = roomsMaxCustomLength;
    }

    /** Status of a chatroom {@code forbidden_op} for "not a member" / "already a member" (SPEC G-4/G-5: 400, or 403). */
    public int getForbiddenOpStatus() {
        return forbiddenOpStatus;
    }

    public void setForbiddenOpStatus(int forbiddenOpStatus) {
        this.forbiddenOpStatus = forbiddenOpStatus;
    }

    /** The {@code expire} a permanent mute is answered with (SPEC G-21: -1, or Easemob's 4638873600000). */
    public long getPermanentMuteExpire() {
        return permanentMuteExpire;
    }

    public void setPermanentMuteExpire(long permanentMuteExpire) {
        this.permanentMuteExpire = permanentMuteExpire;
    }

    /** SPEC G-19's opt-in extension: a registered non-member may be put on a room's blocklist. */
    public boolean isAllowBlockNonMember() {
        return allowBlockNonMember;
    }

    public void setAllowBlockNonMember(boolean allowBlockNonMember) {
        this.allowBlockNonMember = allowBlockNonMember;
    }

    /** The app's chatroom limits; throws on an inconsistent configuration, so it fails at start. */
    public RoomLimits roomLimits() {
        var d = RoomLimits.defaults();
        return new RoomLimits(roomsMaxUsersCeiling, Math.min(roomsDefaultMaxUsers, roomsMaxUsersCeiling), d.maxAdmins(), d.batchAddMax(), roomsBatchRemoveMax,
                d.listBatchMax(), d.muteBatchMax(), d.maxNameLength(), d.maxDescriptionLength(), roomsMaxCustomLength,
                forbiddenOpStatus, permanentMuteExpire, allowBlockNonMember);
    }
}
