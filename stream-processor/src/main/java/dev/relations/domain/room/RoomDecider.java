package dev.relations.domain.room;

import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.Gather;
import dev.relations.domain.common.RequestContext;
import dev.relations.domain.room.RoomCommand.AddAdmin;
import dev.relations.domain.room.RoomCommand.AddMember;
import dev.relations.domain.room.RoomCommand.AddMembers;
import dev.relations.domain.room.RoomCommand.AllowMember;
import dev.relations.domain.room.RoomCommand.AllowMembers;
import dev.relations.domain.room.RoomCommand.BlockMember;
import dev.relations.domain.room.RoomCommand.BlockMembers;
import dev.relations.domain.room.RoomCommand.CreateRoom;
import dev.relations.domain.room.RoomCommand.DeleteRoom;
import dev.relations.domain.room.RoomCommand.DisallowMembers;
import dev.relations.domain.room.RoomCommand.DropMember;
import dev.relations.domain.room.RoomCommand.ExpireJoins;
import dev.relations.domain.room.RoomCommand.ExpireMutes;
import dev.relations.domain.room.RoomCommand.MuteMembers;
import dev.relations.domain.room.RoomCommand.RemoveAdmin;
import dev.relations.domain.room.RoomCommand.RemoveMember;
import dev.relations.domain.room.RoomCommand.RemoveMembers;
import dev.relations.domain.room.RoomCommand.SeatGranted;
import dev.relations.domain.room.RoomCommand.SeatRefused;
import dev.relations.domain.room.RoomCommand.SetMuteAll;
import dev.relations.domain.room.RoomCommand.TransferOwner;
import dev.relations.domain.room.RoomCommand.UnblockMember;
import dev.relations.domain.room.RoomCommand.UnblockMembers;
import dev.relations.domain.room.RoomCommand.UnmuteMembers;
import dev.relations.domain.room.RoomCommand.UpdateRoom;
import dev.relations.domain.room.RoomCommand.UserChecked;
import dev.relations.domain.room.RoomEvent.AdminsAdded;
import dev.relations.domain.room.RoomEvent.AdminsRemoved;
import dev.relations.domain.room.RoomEvent.AllowlistAdded;
import dev.relations.domain.room.RoomEvent.AllowlistRemoved;
import dev.relations.domain.room.RoomEvent.BatchExpired;
import dev.relations.domain.room.RoomEvent.BatchFinished;
import dev.relations.domain.room.RoomEvent.BatchQueued;
import dev.relations.domain.room.RoomEvent.BatchStarted;
import dev.relations.domain.room.RoomEvent.BlocklistAdded;
import dev.relations.domain.room.RoomEvent.BlocklistRemoved;
import dev.relations.domain.room.RoomEvent.MembersJoined;
import dev.relations.domain.room.RoomEvent.MembersLeft;
import dev.relations.domain.room.RoomEvent.MembersReleased;
import dev.relations.domain.room.RoomEvent.MembersReserved;
import dev.relations.domain.room.RoomEvent.MuteAllSet;
import dev.relations.domain.room.RoomEvent.MutesAdded;
import dev.relations.domain.room.RoomEvent.MutesRemoved;
import dev.relations.domain.room.RoomEvent.OwnerChanged;
import dev.relations.domain.room.RoomEvent.RoomCreated;
import dev.relations.domain.room.RoomEvent.RoomDeleted;
import dev.relations.domain.room.RoomEvent.RoomUpdated;
import dev.relations.domain.room.RoomEvent.SeatAnswered;
import dev.relations.domain.seat.SeatCommand;
import dev.relations.domain.seat.SeatRefusal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chatroom. Invariants: exactly one owner, never an admin; admins are members and at most
 * {@link RoomLimits#maxAdmins()}; no blocked user is a member; member entries (pending ones
 * included) never exceed {@code maxusers}. Every decision reads O(1) entries except a
 * room's deletion and a deleted owner's cascade. REST calls act as the app admin, so no
 * operator role is checked here (SPEC D.11).
 */
public final class RoomDecider {
    private RoomDecider() {
    }

    public static Decision<RoomEvent, SeatCommand> decide(RoomCommand command, RequestContext ctx, Room room,
                                                          RoomLimits limits) {
        return switch (command) {
            case CreateRoom create -> JoinRules.create(create, ctx, room, limits);
            case UpdateRoom update -> InfoRules.update(update, room, limits);
            case TransferOwner transfer -> RoleRules.transfer(transfer, room, false);
            case DeleteRoom delete -> LeaveRules.delete(delete, room);
            case AddMember add -> JoinRules.add(add, ctx, room, limits);
            case AddMembers add -> JoinRules.addAll(add, ctx, room, limits);
            case SeatGranted granted -> JoinRules.granted(granted, ctx, room, limits);
            case SeatRefused refused -> JoinRules.refused(refused, ctx, room);
            case ExpireJoins expire -> JoinRules.expire(expire, ctx, room);
            case RemoveMember remove -> LeaveRules.remove(remove, room, limits, false);
            case RemoveMembers remove -> LeaveRules.removeAll(remove, room, limits);
            case DropMember drop -> LeaveRules.drop(drop, room);
            case AddAdmin add -> RoleRules.addAdmin(add, room, limits, false);
            case RemoveAdmin remove -> RoleRules.removeAdmin(remove, room, false);
            case BlockMember block -> ListRules.block(block, room, limits, false);
            case BlockMembers block -> ListRules.blockAll(block, room, limits);
            case UnblockMember unblock -> ListRules.unblock(unblock, room, limits);
            case UnblockMembers unblock -> ListRules.unblockAll(unblock, room, limits);
            case AllowMember allow -> ListRules.allow(allow, room, limits);
            case AllowMembers allow -> ListRules.allowAll(allow, room, limits);
            case DisallowMembers disallow -> ListRules.disallowAll(disallow, room, limits);
            case MuteMembers mute -> MuteRules.mute(mute, ctx, room, limits);
            case UnmuteMembers unmute -> MuteRules.unmute(unmute, ctx, room, limits);
            case ExpireMutes expire -> MuteRules.expire(expire, room);
            case SetMuteAll set -> MuteRules.muteAll(set, room);
            case UserChecked checked -> checked(checked, room, limits);
        };
    }

    /** The user's side answered: an unknown user is E_USER404; a known one has the rule decided again. */
    private static Decision<RoomEvent, SeatCommand> checked(UserChecked checked, Room room, RoomLimits limits) {
        if (!checked.exists()) {
            return Decision.reject(RoomErrors.userNotFound(checked.user()));
        }
        var id = checked.room();
        var user = checked.user();
        return switch (checked.check()) {
            case REMOVE_MEMBER -> LeaveRules.remove(new RemoveMember(id, user), room, limits, true);
            case ADD_ADMIN -> RoleRules.addAdmin(new AddAdmin(id, user), room, limits, true);
            case REMOVE_ADMIN -> RoleRules.removeAdmin(new RemoveAdmin(id, user), room, true);
            case TRANSFER_OWNER -> RoleRules.transfer(new TransferOwner(id, user), room, true);
            case BLOCK_NON_MEMBER -> ListRules.block(new BlockMember(id, user), room, limits, true);
        };
    }

    /**
     * What the engine sends when a room step failed and changed nothing. A failed confirm of a
     * join is answered to the room itself as a refused seat, so the pending place is given back,
     * the user's seat released and the request answered; the room's other commands are either
     * first steps (nothing reserved yet) or take nothing from another step.
     */
    public static List<FollowUp<RoomCommand>> compensate(RoomCommand failed) {
        return switch (failed) {
            case SeatGranted granted -> List.of(new FollowUp<>(granted.room(),
                    new SeatRefused(granted.room(), granted.user(), SeatRefusal.FAILED)));
            case CreateRoom ignored -> List.of();
            case UpdateRoom ignored -> List.of();
            case TransferOwner ignored -> List.of();
            case DeleteRoom ignored -> List.of();
            case AddMember ignored -> List.of();
            case AddMembers ignored -> List.of();
            case SeatRefused ignored -> List.of();
            case ExpireJoins ignored -> List.of();
            case RemoveMember ignored -> List.of();
            case RemoveMembers ignored -> List.of();
            case DropMember ignored -> List.of();
            case AddAdmin ignored -> List.of();
            case RemoveAdmin ignored -> List.of();
            case BlockMember ignored -> List.of();
            case BlockMembers ignored -> List.of();
            case UnblockMember ignored -> List.of();
            case UnblockMembers ignored -> List.of();
            case AllowMember ignored -> List.of();
            case AllowMembers ignored -> List.of();
            case DisallowMembers ignored -> List.of();
            case MuteMembers ignored -> List.of();
            case UnmuteMembers ignored -> List.of();
            case ExpireMutes ignored -> List.of();
            case SetMuteAll ignored -> List.of();
            // The answer of the user's partition reserved nothing: the rule is simply decided again.
            case UserChecked ignored -> List.of();
        };
    }

    /**
     * What settles a first step still unanswered at its deadline, sent to this room: a single add
     * gives its place back as when the user's step fails; a batch add or creation settles.
     */
    public static Optional<RoomCommand> atDeadline(RoomCommand first) {
        return switch (first) {
            case AddMember add -> Optional.of(new SeatRefused(add.room(), add.user(), SeatRefusal.FAILED));
            case AddMembers add -> Optional.of(new ExpireJoins(add.room()));
            case CreateRoom create -> Optional.of(new ExpireJoins(create.room()));
            case SeatGranted ignored -> Optional.empty();
            case UpdateRoom ignored -> Optional.empty();
            case TransferOwner ignored -> Optional.empty();
            case DeleteRoom ignored -> Optional.empty();
            case SeatRefused ignored -> Optional.empty();
            case ExpireJoins ignored -> Optional.empty();
            case RemoveMember ignored -> Optional.empty();
            case RemoveMembers ignored -> Optional.empty();
            case DropMember ignored -> Optional.empty();
            case AddAdmin ignored -> Optional.empty();
            case RemoveAdmin ignored -> Optional.empty();
            case BlockMember ignored -> Optional.empty();
            case BlockMembers ignored -> Optional.empty();
            case UnblockMember ignored -> Optional.empty();
            case UnblockMembers ignored -> Optional.empty();
            case AllowMember ignored -> Optional.empty();
            case AllowMembers ignored -> Optional.empty();
            case DisallowMembers ignored -> Optional.empty();
            case MuteMembers ignored -> Optional.empty();
            case UnmuteMembers ignored -> Optional.empty();
            case ExpireMutes ignored -> Optional.empty();
            case SetMuteAll ignored -> Optional.empty();
            case UserChecked ignored -> Optional.empty();
        };
    }

    /** Folds one event into the room; each touches O(1) entries per named user, except a deletion. */
    public static void evolve(Room room, RoomEvent event) {
        switch (event) {
            case MembersReserved reserved -> reserved.users().forEach(u -> room.putMember(
                    new Member(u, Role.MEMBER, 0L, reserved.at(), true, Optional.of(reserved.requestId()))));
            case MembersReleased released -> released.users().forEach(u -> room.member(u)
                    .filter(Member::pending)
                    .ifPresent(m -> room.removeMember(u)));
            case BatchStarted started -> room.putBatch(new RoomBatch(
                    Gather.start(started.requestId(), started.asked(), Map.of(), List.of()), started.creation()));
            case SeatAnswered answered -> room.batch(answered.requestId()).ifPresent(b -> b
                    .afterAnswer(answered.user(), answered.refusal())
                    .ifPresentOrElse(room::putBatch, () -> room.removeBatch(b.requestId())));
            case BatchQueued queued -> room.batch(queued.requestId())
                    .ifPresent(b -> room.putBatch(b.requeued(queued.asked(), queued.queued())));
            case BatchExpired expired -> room.batch(expired.requestId())
                    .ifPresent(b -> room.putBatch(b.with(b.gather().expire(JoinRules.UNANSWERED))));
            // A batch settled at its deadline is kept until its late answers are in, so that they change nothing.
            case BatchFinished finished -> room.batch(finished.requestId())
                    .filter(b -> !b.gather().expired())
                    .ifPresent(b -> room.removeBatch(b.requestId()));
            case RoomCreated created -> {
                room.putInfo(created.info());
                room.putMember(new Member(created.info().owner(), Role.OWNER, room.nextSeq(), created.info().created(),
                        false, Optional.empty()));
            }
            case RoomUpdated updated -> room.info().ifPresent(info -> {
                var changed = info;
                changed = updated.name().map(changed::withName).orElse(changed);
                changed = updated.description().map(changed::withDescription).orElse(changed);
                changed = updated.maxUsers().map(changed::withMaxUsers).orElse(changed);
                room.putInfo(changed);
            });
            case OwnerChanged changed -> {
                room.member(changed.oldOwner()).ifPresent(m -> room.putMember(m.withRole(Role.MEMBER)));
                room.member(changed.newOwner()).ifPresent(m -> room.putMember(m.withRole(Role.OWNER)));
                room.info().ifPresent(info -> room.putInfo(info.withOwner(changed.newOwner())));
            }
            case RoomDeleted ignored -> {
                room.members().forEach(m -> room.removeMember(m.user()));
                room.blocks().forEach(room::removeBlock);
                room.allows().forEach(room::removeAllow);
                room.mutes().forEach(m -> room.removeMute(m.user()));
                room.removeInfo();
            }
            case MembersJoined joined -> joined.members().forEach(u -> room.putMember(
                    new Member(u, Role.MEMBER, room.nextSeq(), joined.at(), false, Optional.empty())));
            case MembersLeft left -> left.members().forEach(room::removeMember);
            case AdminsAdded added -> added.admins().forEach(u -> room.member(u)
                    .filter(m -> m.role() == Role.MEMBER)
                    .ifPresent(m -> room.putMember(m.withRole(Role.ADMIN))));
            case AdminsRemoved removed -> removed.admins().forEach(u -> room.member(u)
                    .filter(m -> m.role() == Role.ADMIN)
                    .ifPresent(m -> room.putMember(m.withRole(Role.MEMBER))));
            case BlocklistAdded added -> added.users().forEach(room::putBlock);
            case BlocklistRemoved removed -> removed.users().forEach(room::removeBlock);
            case AllowlistAdded added -> added.users().forEach(room::putAllow);
            case AllowlistRemoved removed -> removed.users().forEach(room::removeAllow);
            case MutesAdded added -> added.users().forEach(u -> room.putMute(new Mute(u, added.expireAt())));
            case MutesRemoved removed -> removed.users().forEach(room::removeMute);
            case MuteAllSet set -> room.info().ifPresent(info -> room.putInfo(info.withMuteAll(set.enabled())));
        }
    }
}
