package dev.relations.benchmark;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * An add must cost the same at a room's 10,000th member as at its first. One room with
 * {@code maxusers = size} is filled one member per call (the owner is the first of its
 * {@code size} users) and the latencies of the first and the last {@value #WINDOW} adds
 * are compared. The measurement ends when the room is full, so {@code --duration} is only
 * an upper bound. Warm-up adds the same users to a second room: each user then holds two
 * rooms, far under the per-user joined-rooms limit. Under wrk the run measures throughput
 * and latency over all adds; the first-versus-last comparison needs the Java driver.
 */
final class RoomMembersScenario implements Scenario, WrkScenario {
    static final int WINDOW = 300;

    private final RelationsClient client;
    private final String owner;
    private final String members;
    private final int size;
    private final int adds;
    private final int window;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong warmupNext = new AtomicLong();
    private final LongAdder added = new LongAdder();
    private final Histogram early = new ConcurrentHistogram(3);
    private final Histogram late = new ConcurrentHistogram(3);
    private volatile String room;
    private volatile String warmupRoom;
    private volatile boolean measuring;
    private volatile boolean wrk;

    RoomMembersScenario(RelationsClient client, String runPrefix, int size) {
        this.client = client;
        this.owner = runPrefix + "-room-owner";
        this.members = runPrefix + "-room-m";
        this.size = size;
        this.adds = size - 1;
        this.window = Math.min(WINDOW, adds / 2);
    }

    @Override
    public String name() {
        return "room-members";
    }

    @Override
    public void prepare() throws Exception {
        System.out.printf("  registering %d users, creating 2 chatrooms of maxusers %d%n", size, size);
        Parallel.registerUsers(client, owner, 1);
        Parallel.registerUsers(client, members, adds);
        room = client.createRoom(owner + 0, size);
        warmupRoom = client.createRoom(owner + 0, size);
        System.out.printf("  chatroom %s (measured), %s (warm-up)%n", room, warmupRoom);
    }

    @Override
    public void measuring() {
        measuring = true;
    }

    @Override
    public OpResult execute(int c) throws Exception {
        if (!measuring) {
            long k = warmupNext.getAndIncrement();
            if (k >= adds) {
                // Warm-up room full: idle until measurement starts (warm-up is not recorded).
                Thread.sleep(5);
                return OpResult.OK;
            }
            var response = client.addRoomMember(warmupRoom, members + k);
            return response.ok() ? OpResult.OK : OpResult.error(response.errorLabel());
        }
        long k = next.getAndIncrement();
        if (k >= adds) {
            return OpResult.DONE;
        }
        long started = System.nanoTime();
        var response = client.addRoomMember(room, members + k);
        long micros = (System.nanoTime() - started) / 1_000;
        if (!response.ok()) {
            return OpResult.error(response.errorLabel());
        }
        added.increment();
        if (k < window) {
            early.recordValue(micros);
        } else if (k >= adds - window) {
            late.recordValue(micros);
        }
        return OpResult.OK;
    }

    @Override
    public WrkScript warmup() {
        wrk = true;
        return adds(warmupRoom);
    }

    @Override
    public WrkScript measured(long warmupNext) {
        return adds(room);
    }

    private WrkScript adds(String chatroom) {
        return WrkScript.post(name(), WrkScript.suffixed(client.appPath() + "/chatrooms/" + chatroom + "/users/", members),
                client.token()).until(adds);
    }

    @Override
    public List<String> notes() {
        var notes = new ArrayList<String>();
        if (wrk) {
            notes.add("room-members: first vs last adds are compared with --driver java only");
        } else if (early.getTotalCount() == 0 || late.getTotalCount() == 0) {
            notes.add("room-members: no complete sample (the room did not fill: longer --duration or smaller --room-size)");
        } else {
            double earlyP50 = early.getValueAtPercentile(50) / 1000.0;
            double earlyP99 = early.getValueAtPercentile(99) / 1000.0;
            double lateP50 = late.getValueAtPercentile(50) / 1000.0;
            double lateP99 = late.getValueAtPercentile(99) / 1000.0;
            notes.add(String.format(Locale.ROOT,
                    "room-members: add p50/p99 of adds 1–%d: %.1f/%.1f ms (%d ok); of adds %d–%d: %.1f/%.1f ms (%d ok); "
                            + "ratio p50 %.2f, p99 %.2f (target ≤ 1.5)",
                    window, earlyP50, earlyP99, early.getTotalCount(), adds - window + 1, adds, lateP50, lateP99,
                    late.getTotalCount(), lateP50 / earlyP50, lateP99 / earlyP99));
        }
        notes.add("room-members: " + (wrk ? "" : added.sum() + " of " + adds + " adds succeeded; ") + "chatroom " + room + " reports "
                + reportedSize() + " users (owner included), maxusers " + size);
        return notes;
    }

    private String reportedSize() {
        if (room == null) {
            return "no";
        }
        try {
            int reported = client.roomSize(room);
            return reported < 0 ? "no count of" : Integer.toString(reported);
        } catch (Exception e) {
            return "(detail failed: " + e.getClass().getSimpleName() + ")";
        }
    }
}
