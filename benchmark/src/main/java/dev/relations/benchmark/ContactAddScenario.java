package dev.relations.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Mutual contact adds, every one a pair never added before ({@link Pairs}). Users come
 * from a pool registered up front, sized so that {@value #ROUNDS} rounds of pairs (90
 * contacts each, safely under the default limit of 100) outlast warm-up and measurement
 * at {@code maxAddRate}. The wrk driver's measured run continues where its warm-up run stopped.
 */
final class ContactAddScenario implements Scenario, WrkScenario {
    static final int ROUNDS = 45;

    private final RelationsClient client;
    private final Pairs pairs;
    private final long capacity;
    private final AtomicLong next = new AtomicLong();
    private final LongAdder exhausted = new LongAdder();

    ContactAddScenario(RelationsClient client, String runPrefix, Duration warmup, Duration duration, int maxAddRate) {
        this.client = client;
        double seconds = (warmup.toMillis() + duration.toMillis()) / 1000.0;
        // Distinct pairs need M > 2 * ROUNDS.
        int poolSize = (int) Math.max(2 * ROUNDS + 10, Math.ceil(seconds * maxAddRate / ROUNDS));
        this.pairs = new Pairs(runPrefix + "-add-", poolSize);
        this.capacity = pairs.capacity(2 * ROUNDS);
    }

    @Override
    public String name() {
        return "contact-add";
    }

    @Override
    public void prepare() throws Exception {
        System.out.printf("  registering %d users (%s0..)%n", pairs.pool(), pairs.userPrefix());
        Parallel.registerUsers(client, pairs.userPrefix(), pairs.pool());
    }

    @Override
    public OpResult execute(int c) throws Exception {
        long k = next.getAndIncrement();
        if (k >= capacity) {
            exhausted.increment();
            return OpResult.DONE;
        }
        var response = client.addContact(pairs.ownerName(k), pairs.friendName(k));
        return response.ok() ? OpResult.OK : OpResult.error(response.errorLabel());
    }

    @Override
    public WrkScript warmup() {
        return WrkScript.post(name(), pairs.addTargetLua(client.appPath()), client.token()).until(capacity);
    }

    @Override
    public WrkScript measured(long warmupNext) {
        return warmup().from(warmupNext);
    }

    @Override
    public List<String> notes() {
        return exhausted.sum() == 0 ? List.of()
                : List.of("contact-add: the user pool ran out of fresh pairs after " + capacity
                + " adds; the measurement ended early (raise --max-add-rate)");
    }
}
