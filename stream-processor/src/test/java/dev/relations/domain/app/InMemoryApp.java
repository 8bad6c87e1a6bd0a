package dev.relations.domain.app;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Username;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/** An app's own aggregate over plain collections, for decider tests. */
final class InMemoryApp implements AppState {
    private long registered;
    private long rooms;
    private final Map<RoomId, Long> roomReservations = new LinkedHashMap<>();
    private final List<Username> superAdmins = new ArrayList<>();

    @Override
    public long rooms() {
        return rooms;
    }

    @Override
    public void countRooms(long delta) {
        rooms += delta;
    }

    @Override
    public Map<RoomId, Long> roomReservations() {
        return Map.copyOf(roomReservations);
    }

    @Override
    public void putRoomReservation(RoomId room, long until) {
        roomReservations.put(room, until);
    }

    @Override
    public boolean dropRoomReservation(RoomId room) {
        return roomReservations.remove(room) != null;
    }

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
