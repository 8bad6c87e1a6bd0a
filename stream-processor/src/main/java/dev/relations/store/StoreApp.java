package dev.relations.store;

import dev.relations.domain.app.AppState;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;

import java.util.LinkedHashMap;
import java.util.Map;

/** An app's own aggregate over the state stores: its counters, and its super admins with their listing order, kept in step. */
public final class StoreApp implements AppState {
    /** Counter names in {@link StoreNames#APP_COUNTERS}, read by the query side too. */
    public static final String REGISTERED_USERS = "registered-users";
    /** Chatrooms created (and not deleted) since counting began. */
    public static final String ROOMS = "rooms";
    static final String SUPER_ADMIN_SEQ = "super-admin-seq";

    private final Tenant tenant;
    private final UserStores stores;

    public StoreApp(Tenant tenant, UserStores stores) {
        this.tenant = tenant;
        this.stores = stores;
    }

    @Override
    public long registeredUsers() {
        return stores.appCounter(tenant, REGISTERED_USERS);
    }

    @Override
    public void countRegistered(long delta) {
        stores.addToAppCounter(tenant, REGISTERED_USERS, delta);
    }

    @Override
    public long rooms() {
        return stores.appCounter(tenant, ROOMS);
    }

    @Override
    public void countRooms(long delta) {
        stores.addToAppCounter(tenant, ROOMS, delta);
    }

    /** Held places are few: one per creation in flight. */
    @Override
    public Map<RoomId, Long> roomReservations() {
        var held = new LinkedHashMap<RoomId, Long>();
        stores.roomReservations.scan(Keys.appPrefix(tenant), (room, until) -> held.put(new RoomId(room), until));
        return held;
    }

    @Override
    public void putRoomReservation(RoomId room, long until) {
        stores.roomReservations.put(Keys.roomReservation(tenant, room), until);
    }

    @Override
    public boolean dropRoomReservation(RoomId room) {
        return stores.roomReservations.delete(Keys.roomReservation(tenant, room)) != null;
    }

    @Override
    public boolean superAdmin(Username user) {
        return stores.superAdmins.get(Keys.superAdmin(tenant, user)) != null;
    }

    @Override
    public void putSuperAdmin(Username user) {
        removeSuperAdmin(user);
        long seq = stores.nextAppSeq(tenant, SUPER_ADMIN_SEQ);
        stores.superAdmins.put(Keys.superAdmin(tenant, user), seq);
        stores.superAdminOrder.put(Keys.superAdminOrder(tenant, seq), user.value());
    }

    @Override
    public void removeSuperAdmin(Username user) {
        var seq = stores.superAdmins.delete(Keys.superAdmin(tenant, user));
        if (seq != null) {
            stores.superAdminOrder.delete(Keys.superAdminOrder(tenant, seq));
        }
    }
}
