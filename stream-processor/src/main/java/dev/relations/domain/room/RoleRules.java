package dev.relations.domain.room;

import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Reply;
import dev.relations.domain.room.RoomCommand.AddAdmin;
import dev.relations.domain.room.RoomCommand.RemoveAdmin;
import dev.relations.domain.room.RoomCommand.TransferOwner;
import dev.relations.domain.room.RoomCommand.UserCheck;
import dev.relations.domain.room.RoomEvent.AdminsAdded;
import dev.relations.domain.room.RoomEvent.AdminsRemoved;
import dev.relations.domain.room.RoomEvent.MutesRemoved;
import dev.relations.domain.room.RoomEvent.OwnerChanged;
import dev.relations.domain.room.RoomEvent.UnmuteReason;
import dev.relations.domain.seat.SeatCommand;

import java.util.ArrayList;
import java.util.List;

import static dev.relations.domain.room.RoomDecisions.accept;
import static dev.relations.domain.room.RoomDecisions.confirmedMember;
import static dev.relations.domain.room.RoomDecisions.refuseExisting;
import static dev.relations.domain.room.RoomDecisions.reject;

/** Roles. Invariants: exactly one owner, who is never an admin; admins are members; at most {@code maxAdmins}. */
final class RoleRules {
    private RoleRules() {
    }

    /** {@code userExists} here and below: the user's side already said so; otherwise a non-member is looked up there first. */
    static Decision<RoomEvent, SeatCommand> addAdmin(AddAdmin add, Room room, RoomLimits limits, boolean userExists) {
        var info = room.info();
        if (info.isEmpty()) {
            return reject(RoomErrors.roomNotFound(add.room()));
        }
        if (info.get().owner().equals(add.user())) {
            return reject(RoomErrors.ownerOp());
        }
        var member = confirmedMember(room, add.user());
        if (member.isEmpty()) {
            return refuseExisting(userExists, add.room(), add.user(), UserCheck.ADD_ADMIN,
                    RoomErrors.notMembers(List.of(add.user()), limits));
        }
        var reply = new Reply.AdminReply(add.user(), true);
        if (member.get().role() == Role.ADMIN) {
            return accept(List.of(), reply);
        }
        if (room.adminCount() >= limits.maxAdmins()) {
            return reject(RoomErrors.tooManyAdmins(limits));
        }
        return accept(List.of(new AdminsAdded(add.room(), List.of(add.user()))), reply);
    }

    static Decision<RoomEvent, SeatCommand> removeAdmin(RemoveAdmin remove, Room room, boolean userExists) {
        if (room.info().isEmpty()) {
            return reject(RoomErrors.roomNotFound(remove.room()));
        }
        var member = confirmedMember(room, remove.user());
        if (member.filter(m -> m.role() == Role.ADMIN).isEmpty()) {
            // A member exists; anyone else may not.
            return refuseExisting(userExists || member.isPresent(), remove.room(), remove.user(), UserCheck.REMOVE_ADMIN,
                    RoomErrors.notAdmin(remove.user(), remove.room()));
        }
        return accept(List.of(new AdminsRemoved(remove.room(), List.of(remove.user()))),
                new Reply.AdminReply(remove.user(), false));
    }

    /** The old owner stays as an ordinary member; the new one sheds its admin role and any mute (SPEC D.3). */
    static Decision<RoomEvent, SeatCommand> transfer(TransferOwner transfer, Room room, boolean userExists) {
        var info = room.info();
        if (info.isEmpty()) {
            return reject(RoomErrors.roomNotFound(transfer.room()));
        }
        var oldOwner = info.get().owner();
        if (oldOwner.equals(transfer.newOwner())) {
            return reject(RoomErrors.sameOwner());
        }
        var member = confirmedMember(room, transfer.newOwner());
        if (member.isEmpty()) {
            return refuseExisting(userExists, transfer.room(), transfer.newOwner(), UserCheck.TRANSFER_OWNER,
                    RoomErrors.notInGroup(transfer.newOwner(), transfer.room()));
        }
        var events = new ArrayList<RoomEvent>();
        if (member.get().role() == Role.ADMIN) {
            events.add(new AdminsRemoved(transfer.room(), List.of(transfer.newOwner())));
        }
        if (room.mute(transfer.newOwner()).isPresent()) {
            events.add(new MutesRemoved(transfer.room(), List.of(transfer.newOwner()), UnmuteReason.API));
        }
        events.add(new OwnerChanged(transfer.room(), oldOwner, transfer.newOwner()));
        return accept(events, new Reply.OwnerTransferredReply(transfer.newOwner()));
    }
}
