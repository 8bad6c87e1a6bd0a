package dev.relations.store;

import dev.relations.mapping.CommandMapping;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Username;
import dev.relations.domain.room.Member;
import dev.relations.domain.room.Role;
import dev.relations.domain.room.RoomBatch;
import dev.relations.domain.room.RoomInfo;
import dev.relations.domain.seat.SeatRefusal;
import dev.relations.schemas.StoredMember;
import dev.relations.schemas.StoredRoom;
import dev.relations.schemas.StoredRoomBatch;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Optional;

/** Stored chatroom records to the domain's room views and back. */
public final class RoomMapping {
    private RoomMapping() {
    }

    public static RoomInfo info(RoomId id, StoredRoom r) {
        return new RoomInfo(id, r.getName(), r.getDescription(), r.getMaxusers(), Username.of(r.getOwner()), r.getCustom(),
                r.getCreated(), r.getMuteAll());
    }

    static StoredRoom stored(RoomInfo info) {
        return new StoredRoom(info.name(), info.description(), info.maxUsers(), info.owner().value(), info.custom(),
                info.created(), info.muteAll());
    }

    public static Member member(Username user, StoredMember m) {
        return new Member(user, Role.valueOf(m.getRole()), m.getSeq(), m.getJoined(), m.getPending(),
                Optional.ofNullable(m.getReservation()));
    }

    static StoredMember stored(Member m) {
        return new StoredMember(m.role().name(), m.seq(), m.joined(), m.pending(), m.reservation().orElse(null));
    }

    static RoomBatch batch(String requestId, StoredRoomBatch b, RoomId id) {
        var refused = new HashMap<Username, SeatRefusal>();
        b.getRefused().forEach((user, reason) -> refused.put(Username.of(user), SeatRefusal.valueOf(reason)));
        return new RoomBatch(requestId, CommandMapping.names(b.getAsked()),
                new LinkedHashSet<>(CommandMapping.names(b.getAwaiting())), refused,
                Optional.ofNullable(b.getCreation()).map(r -> info(id, r)), CommandMapping.names(b.getQueued()));
    }

    static StoredRoomBatch stored(RoomBatch b) {
        var refused = new LinkedHashMap<String, String>();
        b.refused().forEach((user, reason) -> refused.put(user.value(), reason.name()));
        return new StoredRoomBatch(CommandMapping.values(b.asked()), CommandMapping.values(b.awaiting().stream().toList()),
                refused, b.creation().map(RoomMapping::stored).orElse(null), CommandMapping.values(b.queued()));
    }
}
