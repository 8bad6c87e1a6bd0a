package dev.relations.domain.app;

import dev.relations.domain.common.Username;

import java.util.ArrayList;
import java.util.List;

/** An app's own aggregate over plain collections, for decider tests. */
final class InMemoryApp implements AppState {
    private long registered;
    private final List<Username> superAdmins = new ArrayList<>();

    @Override
    public long registeredUsers() {
        return registered;
    }

    @Override
    public void countRegistered(long delta) {
        registered += delta;
    }

    @Override
    public boolean superAdmin(Username user) {
        return superAdmins.contains(user);
    }

    @Override
    public void putSuperAdmin(Username user) {
        superAdmins.remove(user);
        superAdmins.add(user);
    }

    @Override
    public void removeSuperAdmin(Username user) {
        superAdmins.remove(user);
    }

    List<Username> superAdmins() {
        return List.copyOf(superAdmins);
    }
}
