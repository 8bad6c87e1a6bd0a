package dev.relations.domain.app;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Username;

import java.util.Map;

/** An app's own aggregate as its rules see it: a counter and point lookups. Over the state store in the topology, over maps in tests. */
public interface AppState {

    /** Registered users counted so far, places granted under a quota included. */
    long registeredUsers();

    void countRegistered(long delta);

    /** Chatrooms counted so far (created and not deleted since counting began). */
    long rooms();

    void countRooms(long delta);

    /** The places held for rooms being created, with the time each hold runs out (ms). */
    Map<RoomId, Long> roomReservations();

    void putRoomReservation(RoomId room, long until);

    /** Drops a held place; false if none was held for the room. */
    boolean dropRoomReservation(RoomId room);

    boolean superAdmin(Username user);

    /** Appends the user to the super admins' listing order. */
    void putSuperAdmin(Username user);

    void removeSuperAdmin(Username user);
}
