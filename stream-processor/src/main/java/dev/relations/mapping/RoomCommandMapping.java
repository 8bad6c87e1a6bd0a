package dev.relations.mapping;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Username;
import dev.relations.domain.room.RoomCommand;
import dev.relations.domain.seat.SeatCommand;
import dev.relations.domain.seat.SeatRefusal;
import dev.relations.schemas.AddRoomAdmin;
import dev.relations.schemas.AddRoomMember;
import dev.relations.schemas.AddRoomMembers;
import dev.relations.schemas.AllowRoomMember;
import dev.relations.schemas.AllowRoomMembers;
import dev.relations.schemas.BlockRoomMember;
import dev.relations.schemas.BlockRoomMembers;
import dev.relations.schemas.CheckRoomUser;
import dev.relations.schemas.CreateRoom;
import dev.relations.schemas.DeleteRoom;
import dev.relations.schemas.DisallowRoomMembers;
import dev.relations.schemas.DropRoomMember;
import dev.relations.schemas.ExpireRoomBatch;
import dev.relations.schemas.ExpireRoomMutes;
import dev.relations.schemas.MuteRoomMembers;
import dev.relations.schemas.NoteRoomEntries;
import dev.relations.schemas.ReleaseSeat;
import dev.relations.schemas.RemoveRoomAdmin;
import dev.relations.schemas.RemoveRoomMember;
import dev.relations.schemas.RemoveRoomMembers;
import dev.relations.schemas.RoomUserChecked;
import dev.relations.schemas.SeatGranted;
import dev.relations.schemas.SeatRefused;
import dev.relations.schemas.SetRoomMuteAll;
import dev.relations.schemas.TakeSeat;
import dev.relations.schemas.TransferRoomOwner;
import dev.relations.schemas.UnblockRoomMember;
import dev.relations.schemas.UnblockRoomMembers;
import dev.relations.schemas.UnmuteRoomMembers;
import dev.relations.schemas.UpdateRoom;

import java.util.Optional;

import static dev.relations.mapping.CommandMapping.names;
import static dev.relations.mapping.CommandMapping.values;

/** Avro chatroom and seat command bodies to domain commands and back. */
public final class RoomCommandMapping {
    private RoomCommandMapping() {
    }

    public static CommandMapping.Routed toDomain(Object body) {
        return switch (body) {
            case TakeSeat t -> new CommandMapping.Routed.ToSeats(new SeatCommand.TakeSeat(user(t.getUser()), room(t.getRoom())));
            case ReleaseSeat r -> new CommandMapping.Routed.ToSeats(new SeatCommand.ReleaseSeat(user(r.getUser()), room(r.getRoom())));
            case NoteRoomEntries n -> new CommandMapping.Routed.ToSeats(new SeatCommand.NoteRoomEntries(user(n.getUser()), room(n.getRoom())));
            case CheckRoomUser c -> new CommandMapping.Routed.ToSeats(new SeatCommand.CheckUser(user(c.getUser()), room(c.getRoom()),
                    RoomCommand.UserCheck.valueOf(c.getCheck())));
            default -> new CommandMapping.Routed.ToRoom(roomCommand(body));
        };
    }

    private static RoomCommand roomCommand(Object body) {
        return switch (body) {
            case CreateRoom c -> new RoomCommand.CreateRoom(room(c.getRoom()), c.getName(), c.getDescription(),
                    Optional.ofNullable(c.getMaxusers()), user(c.getOwner()), names(c.getMembers()), c.getCustom());
            case UpdateRoom u -> new RoomCommand.UpdateRoom(room(u.getRoom()), Optional.ofNullable(u.getName()),
                    Optional.ofNullable(u.getDescription()), Optional.ofNullable(u.getMaxusers()));
            case TransferRoomOwner t -> new RoomCommand.TransferOwner(room(t.getRoom()), user(t.getNewOwner()));
            case DeleteRoom d -> new RoomCommand.DeleteRoom(room(d.getRoom()));
            case AddRoomMember a -> new RoomCommand.AddMember(room(a.getRoom()), user(a.getUser()));
            case AddRoomMembers a -> new RoomCommand.AddMembers(room(a.getRoom()), names(a.getUsers()));
            case SeatGranted g -> new RoomCommand.SeatGranted(room(g.getRoom()), user(g.getUser()));
            case SeatRefused r -> new RoomCommand.SeatRefused(room(r.getRoom()), user(r.getUser()),
                    SeatRefusal.valueOf(r.getReason()));
            case RemoveRoomMember r -> new RoomCommand.RemoveMember(room(r.getRoom()), user(r.getUser()));
            case RemoveRoomMembers r -> new RoomCommand.RemoveMembers(room(r.getRoom()), names(r.getUsers()));
            case DropRoomMember d -> new RoomCommand.DropMember(room(d.getRoom()), user(d.getUser()));
            case AddRoomAdmin a -> new RoomCommand.AddAdmin(room(a.getRoom()), user(a.getUser()));
            case RemoveRoomAdmin r -> new RoomCommand.RemoveAdmin(room(r.getRoom()), user(r.getUser()));
            case BlockRoomMember b -> new RoomCommand.BlockMember(room(b.getRoom()), user(b.getUser()));
            case BlockRoomMembers b -> new RoomCommand.BlockMembers(room(b.getRoom()), names(b.getUsers()));
            case UnblockRoomMember u -> new RoomCommand.UnblockMember(room(u.getRoom()), user(u.getUser()));
            case UnblockRoomMembers u -> new RoomCommand.UnblockMembers(room(u.getRoom()), names(u.getUsers()));
            case AllowRoomMember a -> new RoomCommand.AllowMember(room(a.getRoom()), user(a.getUser()));
            case AllowRoomMembers a -> new RoomCommand.AllowMembers(room(a.getRoom()), names(a.getUsers()));
            case DisallowRoomMembers d -> new RoomCommand.DisallowMembers(room(d.getRoom()), names(d.getUsers()));
            case MuteRoomMembers m -> new RoomCommand.MuteMembers(room(m.getRoom()), names(m.getUsers()), m.getDurationMs());
            case UnmuteRoomMembers u -> new RoomCommand.UnmuteMembers(room(u.getRoom()), names(u.getUsers()));
            case ExpireRoomMutes e -> new RoomCommand.ExpireMutes(room(e.getRoom()), e.getNow());
            case ExpireRoomBatch e -> new RoomCommand.ExpireJoins(room(e.getRoom()));
            case SetRoomMuteAll s -> new RoomCommand.SetMuteAll(room(s.getRoom()), s.getEnabled());
            case RoomUserChecked c -> new RoomCommand.UserChecked(room(c.getRoom()), user(c.getUser()),
                    RoomCommand.UserCheck.valueOf(c.getCheck()), c.getExists());
            default -> throw new IllegalArgumentException("unknown command " + body.getClass().getName());
        };
    }

    public static Object toAvro(RoomCommand command) {
        return switch (command) {
            case RoomCommand.CreateRoom c -> new CreateRoom(c.room().value(), c.name(), c.description(),
                    c.maxUsers().orElse(null), c.owner().value(), values(c.members()), c.custom());
            case RoomCommand.UpdateRoom u -> new UpdateRoom(u.room().value(), u.name().orElse(null),
                    u.description().orElse(null), u.maxUsers().orElse(null));
            case RoomCommand.TransferOwner t -> new TransferRoomOwner(t.room().value(), t.newOwner().value());
            case RoomCommand.DeleteRoom d -> new DeleteRoom(d.room().value());
            case RoomCommand.AddMember a -> new AddRoomMember(a.room().value(), a.user().value());
            case RoomCommand.AddMembers a -> new AddRoomMembers(a.room().value(), values(a.users()));
            case RoomCommand.SeatGranted g -> new SeatGranted(g.room().value(), g.user().value());
            case RoomCommand.SeatRefused r -> new SeatRefused(r.room().value(), r.user().value(), r.reason().name());
            case RoomCommand.RemoveMember r -> new RemoveRoomMember(r.room().value(), r.user().value());
            case RoomCommand.RemoveMembers r -> new RemoveRoomMembers(r.room().value(), values(r.users()));
            case RoomCommand.DropMember d -> new DropRoomMember(d.room().value(), d.user().value());
            case RoomCommand.AddAdmin a -> new AddRoomAdmin(a.room().value(), a.user().value());
            case RoomCommand.RemoveAdmin r -> new RemoveRoomAdmin(r.room().value(), r.user().value());
            case RoomCommand.BlockMember b -> new BlockRoomMember(b.room().value(), b.user().value());
            case RoomCommand.BlockMembers b -> new BlockRoomMembers(b.room().value(), values(b.users()));
            case RoomCommand.UnblockMember u -> new UnblockRoomMember(u.room().value(), u.user().value());
            case RoomCommand.UnblockMembers u -> new UnblockRoomMembers(u.room().value(), values(u.users()));
            case RoomCommand.AllowMember a -> new AllowRoomMember(a.room().value(), a.user().value());
            case RoomCommand.AllowMembers a -> new AllowRoomMembers(a.room().value(), values(a.users()));
            case RoomCommand.DisallowMembers d -> new DisallowRoomMembers(d.room().value(), values(d.users()));
            case RoomCommand.MuteMembers m -> new MuteRoomMembers(m.room().value(), values(m.users()), m.durationMs());
            case RoomCommand.UnmuteMembers u -> new UnmuteRoomMembers(u.room().value(), values(u.users()));
            case RoomCommand.ExpireMutes e -> new ExpireRoomMutes(e.room().value(), e.now());
            case RoomCommand.ExpireJoins e -> new ExpireRoomBatch(e.room().value());
            case RoomCommand.SetMuteAll s -> new SetRoomMuteAll(s.room().value(), s.enabled());
            case RoomCommand.UserChecked c -> new RoomUserChecked(c.room().value(), c.user().value(), c.check().name(), c.exists());
        };
    }

    /** DropSeats never leaves its aggregate: a user's deletion runs it in place. */
    public static Object toAvro(SeatCommand command) {
        return switch (command) {
            case SeatCommand.TakeSeat t -> new TakeSeat(t.user().value(), t.room().value());
            case SeatCommand.ReleaseSeat r -> new ReleaseSeat(r.user().value(), r.room().value());
            case SeatCommand.NoteRoomEntries n -> new NoteRoomEntries(n.user().value(), n.room().value());
            case SeatCommand.CheckUser c -> new CheckRoomUser(c.user().value(), c.room().value(), c.check().name());
            case SeatCommand.DropSeats d -> throw new IllegalArgumentException("DropSeats is local to its aggregate");
        };
    }

    private static RoomId room(String value) {
        return new RoomId(value);
    }

    private static Username user(String value) {
        return Username.of(value);
    }
}
