package dev.relations.mapping;

import dev.relations.domain.room.Mute;
import dev.relations.domain.room.Room;
import dev.relations.domain.room.RoomEvent;
import dev.relations.schemas.RoomAdminsAdded;
import dev.relations.schemas.RoomAdminsRemoved;
import dev.relations.schemas.RoomAllowlistAdded;
import dev.relations.schemas.RoomAllowlistRemoved;
import dev.relations.schemas.RoomBlocklistAdded;
import dev.relations.schemas.RoomBlocklistRemoved;
import dev.relations.schemas.RoomCreated;
import dev.relations.schemas.RoomDeleted;
import dev.relations.schemas.RoomMembersJoined;
import dev.relations.schemas.RoomMembersLeft;
import dev.relations.schemas.RoomMuteAllSet;
import dev.relations.schemas.RoomMutesAdded;
import dev.relations.schemas.RoomMutesRemoved;
import dev.relations.schemas.RoomOwnerChanged;
import dev.relations.schemas.RoomUpdated;

import java.util.List;

import static dev.relations.mapping.CommandMapping.values;

/** Chatroom events to the published payloads and their type names (SPEC E.5). */
public final class RoomEventMapping {
    private RoomEventMapping() {
    }

    /** Null for internal events that consumers never see. */
    public static EventMapping.Published of(RoomEvent event, Room room) {
        return switch (event) {
            case RoomEvent.MembersReserved ignored -> null;
            case RoomEvent.MembersReleased ignored -> null;
            case RoomEvent.BatchStarted ignored -> null;
            case RoomEvent.SeatAnswered ignored -> null;
            case RoomEvent.BatchQueued ignored -> null;
            case RoomEvent.BatchExpired ignored -> null;
            case RoomEvent.BatchFinished ignored -> null;
            case RoomEvent.RoomCreated c -> published("room.created", new RoomCreated(c.room().value(), c.info().name(),
                    c.info().description(), c.info().maxUsers(), c.info().owner().value(), c.info().custom(), c.info().created(),
                    values(c.members()), List.of()));
            case RoomEvent.RoomUpdated u -> published("room.updated", new RoomUpdated(u.room().value(), u.name().orElse(null),
                    u.description().orElse(null), u.maxUsers().orElse(null)));
            case RoomEvent.OwnerChanged o -> published("room.owner_changed",
                    new RoomOwnerChanged(o.room().value(), o.oldOwner().value(), o.newOwner().value()));
            case RoomEvent.RoomDeleted d -> published("room.deleted", new RoomDeleted(d.room().value()));
            case RoomEvent.MembersJoined j -> published("room.members.joined",
                    new RoomMembersJoined(j.room().value(), values(j.members()), j.reason().name(), room.memberCount()));
            case RoomEvent.MembersLeft l -> published("room.members.left",
                    new RoomMembersLeft(l.room().value(), values(l.members()), l.reason().name()));
            case RoomEvent.AdminsAdded a -> published("room.admins.added", new RoomAdminsAdded(a.room().value(), values(a.admins())));
            case RoomEvent.AdminsRemoved r -> published("room.admins.removed",
                    new RoomAdminsRemoved(r.room().value(), values(r.admins())));
            case RoomEvent.BlocklistAdded b -> published("room.blocklist.added",
                    new RoomBlocklistAdded(b.room().value(), values(b.users())));
            case RoomEvent.BlocklistRemoved b -> published("room.blocklist.removed",
                    new RoomBlocklistRemoved(b.room().value(), values(b.users()), b.reason().name()));
            case RoomEvent.AllowlistAdded a -> published("room.allowlist.added",
                    new RoomAllowlistAdded(a.room().value(), values(a.users())));
            case RoomEvent.AllowlistRemoved a -> published("room.allowlist.removed",
                    new RoomAllowlistRemoved(a.room().value(), values(a.users()), a.reason().name()));
            case RoomEvent.MutesAdded m -> published("room.mutes.added",
                    new RoomMutesAdded(m.room().value(), values(m.users()),
                            m.expireAt() == Mute.PERMANENT ? null : m.expireAt()));
            case RoomEvent.MutesRemoved m -> published("room.mutes.removed",
                    new RoomMutesRemoved(m.room().value(), values(m.users()), m.reason().name()));
            case RoomEvent.MuteAllSet s -> published("room.mute_all.set", new RoomMuteAllSet(s.room().value(), s.enabled()));
        };
    }

    private static EventMapping.Published published(String type, Object payload) {
        return new EventMapping.Published(type, payload);
    }
}
