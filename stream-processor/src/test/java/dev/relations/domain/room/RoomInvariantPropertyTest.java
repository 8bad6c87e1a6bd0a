package dev.relations.domain.room;

import dev.relations.domain.common.Samples;
import dev.relations.domain.common.Username;
import dev.relations.domain.room.RoomCommand.AddAdmin;
import dev.relations.domain.room.RoomCommand.AddMember;
import dev.relations.domain.room.RoomCommand.AddMembers;
import dev.relations.domain.room.RoomCommand.AllowMember;
import dev.relations.domain.room.RoomCommand.BlockMember;
import dev.relations.domain.room.RoomCommand.BlockMembers;
import dev.relations.domain.room.RoomCommand.CreateRoom;
import dev.relations.domain.room.RoomCommand.DeleteRoom;
import dev.relations.domain.room.RoomCommand.DropMember;
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
import dev.relations.domain.room.RoomCommand.UnmuteMembers;
import dev.relations.domain.room.RoomCommand.UpdateRoom;
import dev.relations.domain.seat.SeatCommand.TakeSeat;
import dev.relations.domain.seat.SeatRefusal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.common.Samples.DAVE;
import static dev.relations.domain.common.Samples.NOW;
import static dev.relations.domain.room.RoomScenario.ROOM;
import static dev.relations.domain.room.RoomScenario.createdWithMax;
import static dev.relations.domain.room.RoomScenario.limits;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariants of {@link RoomDecider} over any sequence of commands on one room. Seats
 * the room asked for are answered in any order, granted or refused; stray answers under
 * any request id are mixed in too: a superset of what the topology can deliver.
 */
class RoomInvariantPropertyTest {
    private static final List<Username> CAST = List.of(ALICE, BOB, CAROL, DAVE, Username.of("erin"), Username.of("frank"));
    private static final int MAX_ADMINS = 1;

    sealed interface Step {
    }

    /** A command from the API, in its own request. */
    record Call(RoomCommand command) implements Step {
    }

    /** The user's side answers one of the seats the room is waiting for. */
    record Answer(int pick, Optional<SeatRefusal> refusal) implements Step {
    }

    /** An answer nobody asked for, under any request id. */
    record Stray(RoomCommand command, String requestId) implements Step {
    }

    record Asked(TakeSeat take, String requestId) {
    }

    @Property(tries = 400)
    void no_command_sequence_breaks_the_room_invariants(@ForAll @IntRange(min = 3, max = 6) int maxUsers,
                                                        @ForAll("steps") List<Step> steps) {
        var room = new InMemoryRoom();
        for (var event : createdWithMax(maxUsers, ALICE)) {
            RoomDecider.evolve(room, event);
        }
        var limits = limits(MAX_ADMINS, 400);
        var asked = new ArrayList<Asked>();
        boolean fullAdmins = false;
        boolean fullRoom = false;
        boolean blockedWhileLive = false;
        int call = 0;
        for (var step : steps) {
            RoomCommand command;
            String requestId;
            switch (step) {
                case Call c -> {
                    command = c.command();
                    requestId = "req-" + call++;
                }
                case Answer a -> {
                    if (asked.isEmpty()) {
                        continue;
                    }
                    var seat = asked.remove(a.pick() % asked.size());
                    command = a.refusal().<RoomCommand>map(r -> new SeatRefused(ROOM, seat.take().user(), r))
                            .orElseGet(() -> new SeatGranted(ROOM, seat.take().user()));
                    requestId = seat.requestId();
                }
                case Stray s -> {
                    command = s.command();
                    requestId = s.requestId();
                }
            }
            var decision = RoomDecider.decide(command, Samples.request(requestId), room, limits);
            decision.events().forEach(event -> RoomDecider.evolve(room, event));
            decision.followUps().stream()
                    .filter(f -> f.command() instanceof TakeSeat)
                    .forEach(f -> asked.add(new Asked((TakeSeat) f.command(), requestId)));

            holdsInvariants(room, command);
            fullAdmins |= room.adminCount() == MAX_ADMINS;
            fullRoom |= room.info().filter(i -> room.memberCount() == i.maxUsers() && room.pendingMembers().isEmpty()).isPresent();
            blockedWhileLive |= room.info().isPresent() && !room.blocks().isEmpty();
        }
        Statistics.label("admins at the limit").collect(fullAdmins);
        Statistics.label("room full of confirmed members").collect(fullRoom);
        Statistics.label("a blocked user in a live room").collect(blockedWhileLive);
        Statistics.label("admins at the limit").coverage(c -> c.check(true).percentage(p -> p > 10));
        Statistics.label("room full of confirmed members").coverage(c -> c.check(true).percentage(p -> p > 20));
        Statistics.label("a blocked user in a live room").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    private static void holdsInvariants(InMemoryRoom room, RoomCommand after) {
        var members = room.members();
        assertThat(room.memberCount()).as("member count after %s", after).isEqualTo(members.size());
        assertThat(room.adminCount()).as("admin count after %s", after)
                .isEqualTo(members.stream().filter(m -> m.role() == Role.ADMIN).count())
                .isLessThanOrEqualTo(MAX_ADMINS);
        assertThat(members).as("admins and the owner are confirmed members after %s", after)
                .allMatch(m -> m.role() == Role.MEMBER || m.confirmed());
        assertThat(room.blocks()).as("blocked users are not members after %s", after)
                .allMatch(u -> room.member(u).isEmpty());
        var info = room.info();
        if (info.isEmpty()) {
            assertThat(members).as("a room that does not exist has only pending places after %s", after)
                    .allMatch(Member::pending);
            return;
        }
        assertThat(room.withRole(Role.OWNER)).as("exactly one owner after %s", after).containsExactly(info.get().owner());
        assertThat(room.memberCount()).as("size within maxusers after %s", after).isLessThanOrEqualTo(info.get().maxUsers());
        assertThat(room.mute(info.get().owner())).as("the owner is never muted after %s", after).isEmpty();
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Username> user = Arbitraries.of(CAST);
        Arbitrary<List<Username>> users = user.list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<RoomCommand> command = Arbitraries.frequencyOf(
                Tuple.of(18, user.map(u -> new AddMember(ROOM, u))),
                Tuple.of(9, users.map(us -> new AddMembers(ROOM, us))),
                Tuple.of(3, user.map(u -> new RemoveMember(ROOM, u))),
                Tuple.of(2, users.map(us -> new RemoveMembers(ROOM, us))),
                Tuple.of(2, user.map(u -> new DropMember(ROOM, u))),
                Tuple.of(12, user.map(u -> new AddAdmin(ROOM, u))),
                Tuple.of(2, user.map(u -> new RemoveAdmin(ROOM, u))),
                Tuple.of(4, user.map(u -> new TransferOwner(ROOM, u))),
                Tuple.of(4, user.map(u -> new BlockMember(ROOM, u))),
                Tuple.of(2, users.map(us -> new BlockMembers(ROOM, us))),
                Tuple.of(6, user.map(u -> new UnblockMember(ROOM, u))),
                Tuple.of(3, user.map(u -> new AllowMember(ROOM, u))),
                Tuple.of(6, Combinators.combine(users, Arbitraries.of(-1L, 0L, 1_000L, 60_000L))
                        .as((us, d) -> new MuteMembers(ROOM, us, d))),
                Tuple.of(3, users.map(us -> new UnmuteMembers(ROOM, us))),
                Tuple.of(3, Arbitraries.longs().between(0, 120_000).map(d -> new ExpireMutes(ROOM, NOW + d))),
                Tuple.of(3, Arbitraries.of(true, false).map(on -> new SetMuteAll(ROOM, on))),
                Tuple.of(4, Arbitraries.integers().between(1, 6)
                        .map(max -> new UpdateRoom(ROOM, Optional.empty(), Optional.empty(), Optional.of(max)))),
                Tuple.of(1, Arbitraries.just(new DeleteRoom(ROOM))),
                Tuple.of(2, Combinators.combine(user, users, Arbitraries.integers().between(1, 5))
                        .as((owner, us, max) -> new CreateRoom(ROOM, "lobby", "a room", Optional.of(max), owner, us, ""))));
        Arbitrary<RoomCommand> strayAnswer = Arbitraries.oneOf(
                user.map(u -> new SeatGranted(ROOM, u)),
                Combinators.combine(user, Arbitraries.of(SeatRefusal.class)).as((u, r) -> new SeatRefused(ROOM, u, r)));
        Arbitrary<Optional<SeatRefusal>> refusal = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(Optional.empty())),
                Tuple.of(1, Arbitraries.of(SeatRefusal.class).map(Optional::of)));
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(10, command.map(Call::new)),
                Tuple.of(8, Combinators.combine(Arbitraries.integers().between(0, 100), refusal).as(Answer::new)),
                Tuple.of(1, Combinators.combine(strayAnswer, Arbitraries.of("req-0", "req-1", "req-2", "req-3"))
                        .as(Stray::new)));
        return step.list().ofMinSize(60).ofMaxSize(150);
    }
}
