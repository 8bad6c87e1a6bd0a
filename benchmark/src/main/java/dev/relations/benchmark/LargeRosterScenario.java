package dev.relations.benchmark;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A write must cost the same at the 3,000th contact as at the first. Preparation grows
 * the rosters of some owners to {@code size - size/10} contacts; the measurement then
 * interleaves adds to those owners (contacts {@code size - size/10 + 1 .. size}) with adds
 * to fresh owners (contacts {@code 1 .. size/10}), so both are measured under the same
 * load at the same time, and compares their latencies. Needs an app contact limit of at
 * least {@code size} (service env RELATIONS_MAX_CONTACTS).
 */
final class LargeRosterScenario implements Scenario {
    private final RelationsClient client;
    private final String fresh;
    private final String grown;
    private final String warmupOwners;
    private final String friends;
    private final int owners;
    private final int size;
    private final int window;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong warmupNext = new AtomicLong();
    private final Histogram early = new ConcurrentHistogram(3);
    private final Histogram late = new ConcurrentHistogram(3);
    private volatile boolean measuring;

    LargeRosterScenario(RelationsClient client, String runPrefix, int owners, int size) {
        this.client = client;
        this.fresh = runPrefix + "-roster-new";
        this.grown = runPrefix + "-roster-big";
        this.warmupOwners = runPrefix + "-roster-warm";
        this.friends = runPrefix + "-roster-f";
        this.owners = owners;
        this.size = size;
        this.window = size / 10;
    }

    @Override
    public String name() {
        return "roster-large";
    }

    @Override
    public void prepare() throws Exception {
        int filled = size - window;
        System.out.printf("  registering %d friends and 3 × %d owners; growing %d rosters to %d contacts%n",
                size, owners, owners, filled);
        Parallel.registerUsers(client, friends, size);
        Parallel.registerUsers(client, fresh, owners);
        Parallel.registerUsers(client, grown, owners);
        Parallel.registerUsers(client, warmupOwners, owners);
        Parallel.run(owners * filled, 64, i -> client.addContactSurely(grown + (i % owners), friends + (i / owners)));
    }

    @Override
    public void measuring() {
        measuring = true;
    }

    @Override
    public OpResult execute(int c) throws Exception {
        if (!measuring) {
            long k = warmupNext.getAndIncrement();
            if (k >= (long) owners * size) {
                // Warm-up rosters are full: idle until measurement starts (warm-up is not recorded).
                Thread.sleep(5);
                return OpResult.OK;
            }
            var response = client.addContact(warmupOwners + (k % owners), friends + (k / owners));
            return response.ok() ? OpResult.OK : OpResult.error(response.errorLabel());
        }
        long k = next.getAndIncrement();
        boolean toGrown = (k & 1) == 1;
        long i = k >> 1;
        long step = i / owners;
        if (step >= window) {
            return OpResult.DONE;
        }
        long position = toGrown ? size - window + step : step;
        long started = System.nanoTime();
        var response = client.addContact((toGrown ? grown : fresh) + (i % owners), friends + position);
        long micros = (System.nanoTime() - started) / 1_000;
        if (!response.ok()) {
            return OpResult.error(response.errorLabel());
        }
        (toGrown ? late : early).recordValue(micros);
        return OpResult.OK;
    }

    @Override
    public List<String> notes() {
        if (late.getTotalCount() == 0 || early.getTotalCount() == 0) {
            return List.of("roster-large: no complete sample (longer --duration, or check the app's contact limit)");
        }
        double earlyP50 = early.getValueAtPercentile(50) / 1000.0;
        double lateP50 = late.getValueAtPercentile(50) / 1000.0;
        return List.of(String.format(Locale.ROOT,
                "roster-large: add p50/p99 at contacts 1–%d: %.1f/%.1f ms (%d adds); at %d–%d: %.1f/%.1f ms (%d adds); "
                        + "p50 ratio %.2f (target ≤ 1.5)",
                window, earlyP50, early.getValueAtPercentile(99) / 1000.0, early.getTotalCount(),
                size - window + 1, size, lateP50, late.getValueAtPercentile(99) / 1000.0, late.getTotalCount(),
                lateP50 / earlyP50));
    }
}
