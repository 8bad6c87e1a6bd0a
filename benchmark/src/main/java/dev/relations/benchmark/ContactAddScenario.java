package dev.relations.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Mutual contact adds, every one a pair never added before. Users come from a pool
 * registered up front; add k pairs user i = k mod M with user i + r + 1 (r = k div M),
 * so each round gives every user two new contacts and 45 rounds stop at 90, safely under
 * the default limit of 100. Consecutive adds touch different users.
 */
final class ContactAddScenario implements Scenario {
    static final int ROUNDS = 45;

    private final RelationsClient client;
    private final String prefix;
    private final int poolSize;
    private final AtomicLong next = new AtomicLong();
    private final LongAdder exhausted = new LongAdder();

    ContactAddScenario(RelationsClient client, String runPrefix, Duration warmup, Duration duration, int maxAddRate) {
        this.client = client;
        this.prefix = runPrefix + "-add-";
        double seconds = (warmup.toMillis() + duration.toMillis()) / 1000.0;
        // Distinct pairs need M > 2 * ROUNDS.
        this.poolSize = (int) Math.max(2 * ROUNDS + 10, Math.ceil(seconds * maxAddRate / ROUNDS));
    }

    @Override
    public String name() {
        return "contact-add";
    }

    @Override
    public void prepare() throws Exception {
        System.out.printf("  registering %d users (%s0..)%n", poolSize, prefix);
        Parallel.registerUsers(client, prefix, poolSize);
    }

    @Override
    public OpResult execute(int c) throws Exception {
        long k = next.getAndIncrement();
        if (k >= (long) ROUNDS * poolSize) {
            exhausted.increment();
            return OpResult.DONE;
        }
        int offset = (int) (k / poolSize) + 1;
        int owner = (int) (k % poolSize);
        var response = client.addContact(prefix + owner, prefix + ((owner + offset) % poolSize));
        return response.ok() ? OpResult.OK : OpResult.error(response.errorLabel());
    }

    @Override
    public List<String> notes() {
        return exhausted.sum() == 0 ? List.of()
                : List.of("contact-add: the user pool ran out of fresh pairs after " + (long) ROUNDS * poolSize
                + " adds; the measurement ended early (raise --max-add-rate)");
    }
}
