package dev.relations.domain.block;

import dev.relations.domain.block.BlockEvent.BlocksReserved;
import dev.relations.domain.block.BlockEvent.UsersBlocked;
import dev.relations.domain.common.Samples;
import dev.relations.domain.common.Then;
import dev.relations.domain.common.Username;
import dev.relations.domain.contact.RosterLimits;

import java.util.List;
import java.util.stream.IntStream;

import static dev.relations.domain.common.Samples.NOW;

/** Given a blocklist and its history, when a command is decided, then its decision (folded into the blocklist). */
final class BlockScenario {
    static final int DEFAULT_LIMIT = 500;

    private final InMemoryBlocklist list;
    private RosterLimits limits = new RosterLimits(100, DEFAULT_LIMIT);
    private String requestId = "req-1";

    private BlockScenario(InMemoryBlocklist list) {
        this.list = list;
    }

    static BlockScenario given(InMemoryBlocklist list, BlockEvent... history) {
        return new BlockScenario(list).and(history);
    }

    BlockScenario and(BlockEvent... history) {
        for (var event : history) {
            BlockDecider.evolve(list, event);
        }
        return this;
    }

    BlockScenario withLimit(int maxBlocked) {
        limits = new RosterLimits(100, maxBlocked);
        return this;
    }

    /** The request the command belongs to; every step of one chain carries the same id. */
    BlockScenario inRequest(String requestId) {
        this.requestId = requestId;
        return this;
    }

    Then<BlockEvent, BlockCommand> when(BlockCommand command) {
        var decision = BlockDecider.decide(command, Samples.request(requestId), list, limits);
        decision.events().forEach(event -> BlockDecider.evolve(list, event));
        return new Then<>(decision);
    }

    InMemoryBlocklist list() {
        return list;
    }

    /** The history of a batch that reserved {@code targets} (all new) and still waits for every answer. */
    static BlockEvent reserving(Username owner, String requestId, Username... targets) {
        return new BlocksReserved(owner, requestId, List.of(targets), List.of(targets), NOW);
    }

    /** The history of a batch of new {@code targets} that completed: the targets are blocked. */
    static BlockEvent[] blocked(Username owner, String requestId, Username... targets) {
        return new BlockEvent[]{
                reserving(owner, requestId, targets),
                new UsersBlocked(owner, requestId, List.of(targets), List.of(targets))};
    }

    /** Confirmed blocks of {@code count} users outside the test's cast. */
    static BlockEvent[] blockingOthers(Username owner, int count) {
        var others = IntStream.rangeClosed(1, count).mapToObj(i -> Username.of("other" + i)).toArray(Username[]::new);
        return blocked(owner, "req-others", others);
    }
}
