package dev.relations.domain.app;

import dev.relations.domain.common.Username;

/** An app's own aggregate as its rules see it: a counter and point lookups. Over the state store in the topology, over maps in tests. */
public interface AppState {

    /** Registered users counted so far, places granted under a quota included. */
    long registeredUsers();

    void countRegistered(long delta);

    boolean superAdmin(Username user);

    /** Appends the user to the super admins' listing order. */
    void putSuperAdmin(Username user);

    void removeSuperAdmin(Username user);
}
