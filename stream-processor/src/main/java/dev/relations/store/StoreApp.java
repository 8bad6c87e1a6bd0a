package dev.relations.store;

import dev.relations.domain.app.AppState;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;

/** An app's own aggregate over the state stores: its counters, and its super admins with their listing order, kept in step. */
public final class StoreApp implements AppState {
    /** Counter names in {@link StoreNames#APP_COUNTERS}, read by the query side too. */
    public static final String REGISTERED_USERS = "registered-users";
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
