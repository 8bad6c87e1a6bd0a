package dev.relations.domain.room;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Username;

/** A live room's own fields; {@code maxUsers} includes the owner. */
public record RoomInfo(RoomId id, String name, String description, int maxUsers, Username owner, String custom,
                       long created, boolean muteAll) {

    RoomInfo withName(String newName) {
        return new RoomInfo(id, newName, description, maxUsers, owner, custom, created, muteAll);
    }

    RoomInfo withDescription(String newDescription) {
        return new RoomInfo(id, name, newDescription, maxUsers, owner, custom, created, muteAll);
    }

    RoomInfo withMaxUsers(int newMaxUsers) {
        return new RoomInfo(id, name, description, newMaxUsers, owner, custom, created, muteAll);
    }

    RoomInfo withOwner(Username newOwner) {
        return new RoomInfo(id, name, description, maxUsers, newOwner, custom, created, muteAll);
    }

    RoomInfo withMuteAll(boolean enabled) {
        return new RoomInfo(id, name, description, maxUsers, owner, custom, created, enabled);
    }
}
