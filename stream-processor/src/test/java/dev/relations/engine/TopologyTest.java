package dev.relations.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * A test against the whole topology: a fresh {@link TopologyHarness} over its own state
 * directory for each test, closed after it. A test class needing other limits, retention,
 * deadline or held steps overrides {@link #harness}; its own {@code @BeforeEach} methods run
 * after the harness is up.
 */
abstract class TopologyTest {
    @TempDir
    Path stateDir;

    TopologyHarness relations;
    /** Chatroom steps over {@link #relations}. */
    RoomSteps rooms;

    /** The harness each test runs against; by default with the chatroom tests' limits. */
    TopologyHarness harness(Path stateDir) {
        return new TopologyHarness(stateDir, RoomSteps.LIMITS);
    }

    @BeforeEach
    final void startHarness() {
        relations = harness(stateDir);
        rooms = new RoomSteps(relations);
    }

    @AfterEach
    final void closeHarness() {
        relations.close();
    }
}
