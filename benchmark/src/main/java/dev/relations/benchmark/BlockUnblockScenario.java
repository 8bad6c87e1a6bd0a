package dev.relations.benchmark;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Blocklist writes: each client alternates blocking a pair never used before and
 * unblocking that same pair, so every blocklist stays near empty (far under the app's
 * limit). Pair k blocks user j = i + r + 1 (mod M) for user i = k mod M, r = k div M:
 * consecutive pairs touch different owners, and M users give M(M-1) distinct pairs.
 */
final class BlockUnblockScenario implements Scenario {
    private final RelationsClient client;
    private final String prefix;
    private final int poolSize;
    private final long pairs;
    private final AtomicLong next = new AtomicLong();
    private final LongAdder exhausted = new LongAdder();
    /** Per client (each is one thread): the pair it blocked and has yet to unblock, or null. */
    private final String[][] blocked;
    private final Histogram blocks = new ConcurrentHistogram(3);
    private final Histogram unblocks = new ConcurrentHistogram(3);
    private volatile boolean measuring;

    BlockUnblockScenario(RelationsClient client, String runPrefix, Duration warmup, Duration duration, int maxRate, int clients) {
        this.client = client;
        this.prefix = runPrefix + "-block-";
        double seconds = (warmup.toMillis() + duration.toMillis()) / 1000.0;
        // Two operations per pair.
        double pairsNeeded = seconds * maxRate / 2;
        this.poolSize = (int) Math.max(100, Math.ceil(Math.sqrt(pairsNeeded)) + 2);
        this.pairs = (long) poolSize * (poolSize - 1);
        this.blocked = new String[clients][];
    }

    @Override
    public String name() {
        return "block-unblock";
    }

    @Override
    public void prepare() throws Exception {
        System.out.printf("  registering %d users (%s0..)%n", poolSize, prefix);
        Parallel.registerUsers(client, prefix, poolSize);
    }

    @Override
    public void measuring() {
        measuring = true;
    }

    @Override
    public OpResult execute(int c) throws Exception {
        var pair = blocked[c];
        if (pair != null) {
            // Cleared first: a failed unblock is counted, and the client moves on to a fresh pair.
            blocked[c] = null;
            return timed(unblocks, () -> client.unblock(pair[0], pair[1]));
        }
        long k = next.getAndIncrement();
        if (k >= pairs) {
            exhausted.increment();
            return OpResult.DONE;
        }
        int owner = (int) (k % poolSize);
        int target = (int) ((owner + k / poolSize + 1) % poolSize);
        var fresh = new String[] {prefix + owner, prefix + target};
        var result = timed(blocks, () -> client.block(fresh[0], fresh[1]));
        if (result.kind() == OpResult.Kind.OK) {
            blocked[c] = fresh;
        }
        return result;
    }

    @FunctionalInterface
    private interface Call {
        RelationsClient.Response send() throws Exception;
    }

    private OpResult timed(Histogram histogram, Call call) throws Exception {
        boolean measured = measuring;
        long started = System.nanoTime();
        var response = call.send();
        if (!response.ok()) {
            return OpResult.error(response.errorLabel());
        }
        if (measured) {
            histogram.recordValue((System.nanoTime() - started) / 1_000);
        }
        return OpResult.OK;
    }

    @Override
    public List<String> notes() {
        var notes = new ArrayList<String>();
        if (blocks.getTotalCount() > 0 && unblocks.getTotalCount() > 0) {
            notes.add(String.format(Locale.ROOT, "block-unblock: block p50/p99 %.1f/%.1f ms (%d); unblock p50/p99 %.1f/%.1f ms (%d)",
                    blocks.getValueAtPercentile(50) / 1000.0, blocks.getValueAtPercentile(99) / 1000.0, blocks.getTotalCount(),
                    unblocks.getValueAtPercentile(50) / 1000.0, unblocks.getValueAtPercentile(99) / 1000.0,
                    unblocks.getTotalCount()));
        }
        if (exhausted.sum() > 0) {
            notes.add("block-unblock: the user pool ran out of fresh pairs after " + pairs
                    + " blocks; the measurement ended early (raise --max-add-rate)");
        }
        return notes;
    }
}
