package dev.relations.domain.room;

import dev.relations.domain.common.AggregateRef;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Samples;
import dev.relations.domain.common.Username;
import dev.relations.domain.common.Verdict;
import dev.relations.domain.room.RoomCommand.AddMember;
import dev.relations.domain.room.RoomCommand.AddMembers;
import dev.relations.domain.room.RoomCommand.BlockMember;
import dev.relations.domain.room.RoomCommand.CreateRoom;
import dev.relations.domain.room.RoomCommand.DeleteRoom;
import dev.relations.domain.room.RoomCommand.RemoveMember;
import dev.relations.domain.room.RoomCommand.TransferOwner;
import dev.relations.domain.room.RoomCommand.UnblockMember;
import dev.relations.domain.room.RoomEvent.RoomCreated;
import dev.relations.domain.seat.InMemorySeats;
import dev.relations.domain.seat.SeatCommand;
import dev.relations.domain.seat.SeatCommand.DropSeats;
import dev.relations.domain.seat.SeatDecider;
import dev.relations.domain.seat.SeatEvent.SeatTaken;
import dev.relations.domain.seat.SeatLimits;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.common.Samples.DAVE;
import static dev.relations.domain.common.Samples.NOW;
import static dev.relations.domain.common.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole join, leave and deletion chains between rooms and users' seats, each step delivered
 * in any order Kafka allows: steps from one aggregate to another stay in order (one
 * partition), everything else interleaves. Users may be deleted mid-flight, and a batch's
 * deadline may pass at any moment after its first step: the sweep then sends the batch's expiry
 * if the request is still unanswered, and the users' answers still on their way arrive late.
 */
class RoomSeatNetworkPropertyTest {
    private static final List<RoomId> ROOMS = List.of(new RoomId("101"), new RoomId("102"));
    private static final List<Username> REGISTERED = List.of(ALICE, BOB, CAROL);
    private static final List<Username> CAST = List.of(ALICE, BOB, CAROL, DAVE);

    /** The registry deleting a user: its seats drop in the same step. */
    record DeleteUser(Username user) {
    }

    record Request(AggregateRef target, Object command) {
    }

    /** A batch's deadline fell due: the sweep sends {@code settle} unless the request is answered by then. */
    record DeadlineDue(RoomCommand settle) {
    }

    record Plan(int seatLimit, List<Request> requests, List<Integer> schedule) {
    }

    @Property(tries = 300)
    void however_steps_interleave_limits_hold_at_every_step(@ForAll("plans") Plan plan) {
        new Network(plan).deliverAll(plan.schedule(), network -> {
            network.seats.values().forEach(s -> assertThat(s.joinedCount()).isLessThanOrEqualTo(plan.seatLimit()));
            network.rooms.values().forEach(r -> r.info().ifPresent(
                    info -> assertThat(r.memberCount()).isLessThanOrEqualTo(info.maxUsers())));
        });
    }

    @Property(tries = 300)
    void once_every_step_is_delivered_seats_match_memberships_and_every_request_is_answered_once(
            @ForAll("plans") Plan plan) {
        var network = new Network(plan);
        network.deliverAll(plan.schedule(), ignored -> {
        });

        for (var entry : network.rooms.entrySet()) {
            var room = entry.getValue();
            assertThat(room.pendingMembers()).as("places left pending in %s", entry.getKey()).isEmpty();
            assertThat(room.batchCount()).as("joins left waiting in %s", entry.getKey()).isZero();
            room.info().ifPresent(info -> assertThat(network.seats.get(info.owner()).owner())
                    .as("owner of live %s is registered", entry.getKey()).isPresent());
            for (var user : CAST) {
                boolean member = room.info().isPresent() && room.member(user).filter(Member::confirmed).isPresent();
                assertThat(network.seats.get(user).seat(entry.getKey()).isPresent())
                        .as("%s holds a seat in %s iff it is a member", user, entry.getKey())
                        .isEqualTo(member);
                if (network.seats.get(user).owner().isEmpty()) {
                    assertThat(member).as("deleted %s is not in %s", user, entry.getKey()).isFalse();
                }
            }
        }
        long answered = plan.requests().stream().filter(r -> !(r.command() instanceof DeleteUser)).count();
        assertThat(network.verdicts).as("verdicts per request").hasSize((int) answered)
                .allSatisfy((request, verdicts) -> assertThat(verdicts).as(request).hasSize(1));
        long accepted = network.verdicts.values().stream().filter(v -> v.getFirst() instanceof Verdict.Accepted).count();
        Statistics.label("three or more requests accepted").collect(accepted >= 3);
        Statistics.label("three or more requests accepted").coverage(c -> c.check(true).percentage(p -> p > 25));
        Statistics.label("a batch settled at its deadline").collect(network.settledAtDeadline > 0);
        Statistics.label("a batch settled at its deadline").coverage(c -> c.check(true).percentage(p -> p > 10));
    }

    @Provide
    Arbitrary<Plan> plans() {
        var room = Arbitraries.of(ROOMS);
        var user = Arbitraries.of(CAST);
        var someUsers = user.list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Request> request = Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(room, Arbitraries.of(REGISTERED), user.list().ofMaxSize(2),
                                Arbitraries.integers().between(2, 4))
                        .as((r, owner, members, max) -> toRoom(r,
                                new CreateRoom(r, "lobby", "a room", Optional.of(max), owner, members, "")))),
                Tuple.of(6, Combinators.combine(room, user).as((r, u) -> toRoom(r, new AddMember(r, u)))),
                Tuple.of(3, Combinators.combine(room, someUsers).as((r, us) -> toRoom(r, new AddMembers(r, us)))),
                Tuple.of(2, Combinators.combine(room, user).as((r, u) -> toRoom(r, new RemoveMember(r, u)))),
                Tuple.of(2, Combinators.combine(room, user).as((r, u) -> toRoom(r, new BlockMember(r, u)))),
                Tuple.of(1, Combinators.combine(room, user).as((r, u) -> toRoom(r, new UnblockMember(r, u)))),
                Tuple.of(1, Combinators.combine(room, user).as((r, u) -> toRoom(r, new TransferOwner(r, u)))),
                Tuple.of(1, room.map(r -> toRoom(r, new DeleteRoom(r)))),
                Tuple.of(1, Arbitraries.of(REGISTERED).map(u -> new Request(AggregateRef.user(u), new DeleteUser(u)))));
        return Combinators.combine(
                        Arbitraries.integers().between(1, 2),
                        request.list().ofMinSize(6).ofMaxSize(20),
                        Arbitraries.integers().between(0, 1_000).list().ofMinSize(20).ofMaxSize(200))
                .as(Plan::new);
    }

    private static Request toRoom(RoomId room, RoomCommand command) {
        return new Request(AggregateRef.room(room), command);
    }

    /** The aggregates, the in-flight steps per (sender, receiver) channel, and the verdicts answered so far. */
    private static final class Network {
        record Step(Object command, String requestId) {
        }

        record Channel(String from, AggregateRef to) {
        }

        final Map<RoomId, InMemoryRoom> rooms = new LinkedHashMap<>();
        final Map<Username, InMemorySeats> seats = new LinkedHashMap<>();
        final Map<Channel, Deque<Step>> channels = new LinkedHashMap<>();
        final Map<String, List<Verdict>> verdicts = new LinkedHashMap<>();
        private final SeatLimits seatLimits;
        private final RoomLimits roomLimits = RoomLimits.defaults();
        private int delivered;
        int settledAtDeadline;

        Network(Plan plan) {
            seatLimits = new SeatLimits(plan.seatLimit());
            ROOMS.forEach(r -> rooms.put(r, new InMemoryRoom()));
            REGISTERED.forEach(u -> seats.put(u, InMemorySeats.of(user(u))));
            seats.put(DAVE, InMemorySeats.unregistered());
            // The rooms start live, so early requests find something to change.
            for (int i = 0; i < ROOMS.size(); i++) {
                var room = ROOMS.get(i);
                var owner = REGISTERED.get(i);
                RoomDecider.evolve(rooms.get(room), new RoomCreated(room,
                        new RoomInfo(room, "lobby", "a room", 3, owner, "", NOW, false)));
                SeatDecider.evolve(seats.get(owner), new SeatTaken(owner, room, NOW));
            }
            for (int i = 0; i < plan.requests().size(); i++) {
                var request = plan.requests().get(i);
                var requestId = "req-" + i;
                // Each API request is its own producer as far as ordering goes.
                send(new Channel("api-" + requestId, request.target()), new Step(request.command(), requestId));
            }
        }

        void deliverAll(List<Integer> schedule, Consumer<Network> check) {
            while (deliverOne(schedule)) {
                check.accept(this);
            }
        }

        private boolean deliverOne(List<Integer> schedule) {
            var busy = new ArrayList<Channel>();
            channels.forEach((channel, steps) -> {
                if (!steps.isEmpty()) {
                    busy.add(channel);
                }
            });
            if (busy.isEmpty()) {
                return false;
            }
            int choice = delivered < schedule.size() ? schedule.get(delivered) % busy.size() : 0;
            delivered++;
            var channel = busy.get(choice);
            var step = channels.get(channel).poll();
            var ctx = Samples.request(step.requestId());
            switch (channel.to()) {
                case AggregateRef.RoomRef ref -> {
                    if (step.command() instanceof DeadlineDue due) {
                        if (!verdicts.containsKey(step.requestId())) {
                            send(new Channel("sweep", ref), new Step(due.settle(), step.requestId()));
                        }
                        return true;
                    }
                    var room = rooms.get(ref.id());
                    var command = (RoomCommand) step.command();
                    var decision = RoomDecider.decide(command, ctx, room, roomLimits);
                    // Only batches: a single add's deadline is the compensation of a failed seat step (not modelled here).
                    boolean batch = command instanceof AddMembers || command instanceof CreateRoom;
                    if (batch && channel.from().startsWith("api-") && decision.verdict().isEmpty()) {
                        send(new Channel("deadline-" + step.requestId(), ref),
                                new Step(new DeadlineDue(RoomDecider.atDeadline(command).orElseThrow()), step.requestId()));
                    }
                    decision.events().forEach(event -> RoomDecider.evolve(room, event));
                    decision.followUps().forEach(next -> send(new Channel("room-" + ref.id(), next.target()),
                            new Step(next.command(), step.requestId())));
                    decision.verdict().ifPresent(v -> verdicts.computeIfAbsent(step.requestId(), id -> new ArrayList<>()).add(v));
                    if (command instanceof RoomCommand.ExpireJoins && decision.verdict().isPresent()) {
                        settledAtDeadline++;
                    }
                }
                case AggregateRef.UserRef ref -> {
                    var userSeats = seats.get(ref.name());
                    SeatCommand command;
                    if (step.command() instanceof DeleteUser) {
                        userSeats.unregister();
                        command = new DropSeats(ref.name());
                    } else {
                        command = (SeatCommand) step.command();
                    }
                    var decision = SeatDecider.decide(command, ctx, userSeats, seatLimits);
                    decision.events().forEach(event -> SeatDecider.evolve(userSeats, event));
                    decision.followUps().forEach(next -> send(new Channel("user-" + ref.name(), next.target()),
                            new Step(next.command(), step.requestId())));
                    assertThat(decision.verdict()).as("seats never answer the API").isEmpty();
                }
                case AggregateRef.AppRef ignored -> throw new AssertionError("rooms and seats send nothing to the app");
                case AggregateRef.IdempotencyKeyRef ignored -> throw new AssertionError("only the API claims keys");
            }
            return true;
        }

        private void send(Channel channel, Step step) {
            channels.computeIfAbsent(channel, c -> new ArrayDeque<>()).add(step);
        }
    }
}
