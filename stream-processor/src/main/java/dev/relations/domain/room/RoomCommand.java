package dev.relations.domain.room;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Username;
import dev.relations.domain.seat.SeatRefusal;

import java.util.List;
import java.util.Optional;

/**
 * Commands at a chatroom. Single-user and multi-user variants are distinct commands because
 * Easemob answers them differently: a single call fails whole with an error, a multi-user
 * call answers per user. Joins span two aggregates: the room reserves, the user's seats
 * answer with {@link SeatGranted} or {@link SeatRefused}, and the room confirms or gives back.
 */
public sealed interface RoomCommand {

    /**
     * {@code maxUsers} empty: the app's default; {@code custom} is "" when not given. {@code members} exclude
     * the owner (the owner named among them, or a repeat, counts once). {@code room} is the id the API assigned.
     */
    record CreateRoom(RoomId room, String name, String description, Optional<Integer> maxUsers, Username owner,
                      List<Username> members, String custom) implements RoomCommand {
    }

    /** Only the supplied fields change. */
    record UpdateRoom(RoomId room, Optional<String> name, Optional<String> description, Optional<Integer> maxUsers)
            implements RoomCommand {
    }

    record TransferOwner(RoomId room, Username newOwner) implements RoomCommand {
    }

    record DeleteRoom(RoomId room) implements RoomCommand {
    }

    record AddMember(RoomId room, Username user) implements RoomCommand {
    }

    record AddMembers(RoomId room, List<Username> users) implements RoomCommand {
    }

    /** From the user's seats: the seat is held. */
    record SeatGranted(RoomId room, Username user) implements RoomCommand {
    }

    /** From the user's seats: no seat. */
    record SeatRefused(RoomId room, Username user, SeatRefusal reason) implements RoomCommand {
    }

    record RemoveMember(RoomId room, Username user) implements RoomCommand {
    }

    record RemoveMembers(RoomId room, List<Username> users) implements RoomCommand {
    }

    /** From a deleted user's seats: drop the user; a room the user owns is dissolved. */
    record DropMember(RoomId room, Username user) implements RoomCommand {
    }

    record AddAdmin(RoomId room, Username user) implements RoomCommand {
    }

    record RemoveAdmin(RoomId room, Username user) implements RoomCommand {
    }

    record BlockMember(RoomId room, Username user) implements RoomCommand {
    }

    record BlockMembers(RoomId room, List<Username> users) implements RoomCommand {
    }

    record UnblockMember(RoomId room, Username user) implements RoomCommand {
    }

    record UnblockMembers(RoomId room, List<Username> users) implements RoomCommand {
    }

    record AllowMember(RoomId room, Username user) implements RoomCommand {
    }

    record AllowMembers(RoomId room, List<Username> users) implements RoomCommand {
    }

    /** Easemob always answers an allowlist removal per user, even for one (SPEC G-18). */
    record DisallowMembers(RoomId room, List<Username> users) implements RoomCommand {
    }

    /** {@code durationMs}: -1 permanent, 0 lifts the mute, otherwise milliseconds from the request's time. */
    record MuteMembers(RoomId room, List<Username> users, long durationMs) implements RoomCommand {
    }

    record UnmuteMembers(RoomId room, List<Username> users) implements RoomCommand {
    }

    /** From the deadline sweep: a batch add or creation still waiting settles with the answers it has. */
    record ExpireJoins(RoomId room) implements RoomCommand {
    }

    /** From the wall-clock sweep: lift the timed mutes due at {@code now}. No request waits for it. */
    record ExpireMutes(RoomId room, long now) implements RoomCommand {
    }

    record SetMuteAll(RoomId room, boolean enabled) implements RoomCommand {
    }

    /**
     * From a user's seats: whether the user a single-user rule did not find in the room exists.
     * The rule is decided again with the answer (the room may have changed meanwhile).
     */
    record UserChecked(RoomId room, Username user, UserCheck check, boolean exists) implements RoomCommand {
    }

    /**
     * The single-user rules that answer E_USER404 for a user who does not exist, and their own
     * error for one who exists but is not where the rule needs them (SPEC D.3, D.4, D.5).
     */
    enum UserCheck { REMOVE_MEMBER, ADD_ADMIN, REMOVE_ADMIN, TRANSFER_OWNER, BLOCK_NON_MEMBER }
}
