package dev.relations.domain.room;

import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Samples;
import dev.relations.domain.common.Then;
import dev.relations.domain.common.Username;
import dev.relations.domain.room.RoomEvent.AdminsAdded;
import dev.relations.domain.room.RoomEvent.BlocklistAdded;
import dev.relations.domain.room.RoomEvent.JoinReason;
import dev.relations.domain.room.RoomEvent.MembersJoined;
import dev.relations.domain.room.RoomEvent.MembersReserved;
import dev.relations.domain.room.RoomEvent.MutesAdded;
import dev.relations.domain.room.RoomEvent.RoomCreated;
import dev.relations.domain.room.RoomCommand.UserCheck;
import dev.relations.domain.seat.SeatCommand;
import dev.relations.domain.seat.SeatCommand.CheckUser;
import dev.relations.domain.seat.SeatCommand.NoteRoomEntries;
import dev.relations.domain.seat.SeatCommand.ReleaseSeat;
import dev.relations.domain.seat.SeatCommand.TakeSeat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static dev.relations.domain.common.Samples.NOW;

/** Given a room and its history, when a command is decided, then its decision (folded into the room). */
final class RoomScenario {
    static final RoomId ROOM = new RoomId("66000033");
    static final int DEFAULT_MAX_USERS = 200;

    private final InMemoryRoom room = new InMemoryRoom();
    private RoomLimits limits = RoomLimits.defaults();
    private String requestId = "req-1";

    private RoomScenario() {
    }

    static RoomScenario given(RoomEvent... history) {
        return new RoomScenario().and(history);
    }

    static RoomScenario given(RoomEvent[] history, RoomEvent... more) {
        return new RoomScenario().and(history).and(more);
    }

    /** A room that was never created (or was deleted). */
    static RoomScenario noRoom() {
        return new RoomScenario();
    }

    RoomScenario and(RoomEvent... history) {
        for (var event : history) {
            RoomDecider.evolve(room, event);
        }
        return this;
    }

    RoomScenario withLimits(RoomLimits newLimits) {
        limits = newLimits;
        return this;
    }

    /** The request the command belongs to; every step of one chain carries the same id. */
    RoomScenario inRequest(String id) {
        requestId = id;
        return this;
    }

    Then<RoomEvent, SeatCommand> when(RoomCommand command) {
        var decision = RoomDecider.decide(command, Samples.request(requestId), room, limits);
        decision.events().forEach(event -> RoomDecider.evolve(room, event));
        return new Then<>(decision);
    }

    InMemoryRoom room() {
        return room;
    }

    static RoomInfo info(Username owner, int maxUsers) {
        return new RoomInfo(ROOM, "lobby", "a room", maxUsers, owner, "", NOW - 1_000, false);
    }

    /** A live room owned by {@code owner} with {@code members} joined after it. */
    static RoomEvent[] created(Username owner, Username... members) {
        return createdWithMax(DEFAULT_MAX_USERS, owner, members);
    }

    static RoomEvent[] createdWithMax(int maxUsers, Username owner, Username... members) {
        var history = new ArrayList<RoomEvent>();
        history.add(new RoomCreated(ROOM, info(owner, maxUsers)));
        if (members.length > 0) {
            history.add(joined(members));
        }
        return history.toArray(RoomEvent[]::new);
    }

    static RoomEvent joined(Username... users) {
        return new MembersJoined(ROOM, List.of(users), JoinReason.DIRECT, NOW - 500);
    }

    static RoomEvent reserved(String requestId, Username... users) {
        return new MembersReserved(ROOM, requestId, List.of(users), NOW - 100);
    }

    static RoomEvent promoted(Username... users) {
        return new AdminsAdded(ROOM, List.of(users));
    }

    static RoomEvent blocklisted(Username... users) {
        return new BlocklistAdded(ROOM, List.of(users));
    }

    static RoomEvent muted(long expireAt, Username... users) {
        return new MutesAdded(ROOM, List.of(users), expireAt);
    }

    /** {@code count} members outside the test's cast. */
    static Username[] others(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> Username.of("other" + i)).toArray(Username[]::new);
    }

    static FollowUp<SeatCommand> take(Username user) {
        return new FollowUp<>(user, new TakeSeat(user, ROOM));
    }

    /** The room asks the user's side whether {@code user} exists before answering {@code check}'s error. */
    static FollowUp<SeatCommand> check(Username user, UserCheck check) {
        return new FollowUp<>(user, new CheckUser(user, ROOM, check));
    }

    static FollowUp<SeatCommand> release(Username user) {
        return new FollowUp<>(user, new ReleaseSeat(user, ROOM));
    }

    /** The room tells the user's side it holds an entry on the user, for the deletion cascade (SPEC B.3). */
    static FollowUp<SeatCommand> note(Username user) {
        return new FollowUp<>(user, new NoteRoomEntries(user, ROOM));
    }

    static RoomLimits limits(int maxAdmins, int forbiddenOpStatus) {
        var d = RoomLimits.defaults();
        return new RoomLimits(d.maxUsersCeiling(), d.defaultMaxUsers(), maxAdmins, d.batchAddMax(), d.batchRemoveMax(),
                d.listBatchMax(), d.muteBatchMax(), d.maxNameLength(), d.maxDescriptionLength(), d.maxCustomLength(),
                forbiddenOpStatus, d.permanentMuteExpire(), false);
    }
}
