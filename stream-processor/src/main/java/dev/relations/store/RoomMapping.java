package dev.relations.store;

import dev.relations.mapping.CommandMapping;
import dev.relations.domain.common.Gather;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
        var asked = CommandMapping.names(b.getAsked());
        var awaiting = new HashSet<>(CommandMapping.names(b.getAwaiting()));
        var queued = CommandMapping.names(b.getQueued());
        var answers = new HashMap<Username, Optional<SeatRefusal>>();
        for (var user : asked) {
            if (!awaiting.contains(user)) {
                answers.put(user, Optional.ofNullable(b.getRefused().get(user.value())).map(SeatRefusal::valueOf));
            }
        }
        var targets = new ArrayList<>(asked);
        targets.addAll(queued);
        return new RoomBatch(new Gather<>(requestId, targets, answers, queued,
                new HashSet<>(CommandMapping.names(b.getOverdue()))),
                Optional.ofNullable(b.getCreation()).map(r -> info(id, r)));
    }

    static StoredRoomBatch stored(RoomBatch b) {
        var gather = b.gather();
        var refused = new LinkedHashMap<String, String>();
        gather.answered(Optional::isPresent).forEach(user -> refused.put(user.value(), gather.answerOf(user).orElseThrow()
                .orElseThrow().name()));
        return new StoredRoomBatch(CommandMapping.values(gather.asked()), CommandMapping.values(gather.awaiting()),
                refused, b.creation().map(RoomMapping::stored).orElse(null), CommandMapping.values(gather.queued()),
                CommandMapping.values(List.copyOf(gather.overdue())));
    }
}
