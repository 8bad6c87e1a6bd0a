package dev.relations.eventlog;

import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.serde.HttpSchemaRegistryClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One app's events folded into a scratch store, to a cut, and on from there when asked.
 * Reading and decoding run on a thread of their own, handing the fold batches of events,
 * so the two halves of the work take a core each.
 */
final class Replay implements AutoCloseable {
    private static final int HANDOFF = 2_000;
    private static final List<EventEnvelope> END = List.of();

    private final EventReader reader;
    private final FoldStore store;
    private final Fold fold;
    private long foldNanos;

    Replay(Connection connection, Collection<Integer> partitions) {
        this.reader = new EventReader(connection.bootstrapServers(), new HttpSchemaRegistryClient(connection.registryUrl()),
                connection.topic(), connection.appKey(), partitions);
        this.store = FoldStore.open(connection.workDir());
        this.fold = new Fold(store);
    }

    /** Folds every event the cut includes; what the cut leaves out is read past. */
    FoldedState foldTo(Cut cut) {
        long start = System.nanoTime();
        var stops = cut.stops(reader.endOffsets());
        var handoff = new Handoff();
        var reading = Thread.ofPlatform().name("relations-log-reader").start(() -> {
            try {
                reader.readTo(stops, positioned -> {
                    if (cut.includes(positioned.event())) {
                        handoff.add(positioned.event());
                    }
                });
                handoff.finish();
            } catch (Throwable e) {
                handoff.fail(e);
            }
        });
        try {
            for (var events = handoff.take(); events != END; events = handoff.take()) {
                events.forEach(fold::apply);
            }
        } finally {
            handoff.abandon();
            join(reading);
        }
        handoff.rethrow();
        store.flush();
        foldNanos += System.nanoTime() - start;
        return new FoldedState(store);
    }

    long newestOccurredAt() {
        return fold.newestOccurredAt();
    }

    /** events folded, records read (every app's), seconds spent. */
    String stats() {
        double seconds = foldNanos / 1e9;
        return String.format("folded %,d events (%,d records read) in %.2f s: %,.0f events/s, %,.0f records/s",
                fold.events(), reader.recordsRead(), seconds, fold.events() / Math.max(seconds, 1e-9),
                reader.recordsRead() / Math.max(seconds, 1e-9));
    }

    @Override
    public void close() {
        try {
            reader.close();
        } finally {
            store.close();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Batches from the reading thread to the fold; a reader whose fold gave up stops handing over. */
    private static final class Handoff {
        private final BlockingQueue<List<EventEnvelope>> queue = new ArrayBlockingQueue<>(8);
        private List<EventEnvelope> batch = new ArrayList<>(HANDOFF);
        private volatile boolean abandoned;
        private volatile Throwable failure;

        void add(EventEnvelope event) {
            batch.add(event);
            if (batch.size() == HANDOFF) {
                put(batch);
                batch = new ArrayList<>(HANDOFF);
            }
        }

        void finish() {
            put(batch);
            put(END);
        }

        void fail(Throwable e) {
            failure = e;
            put(END);
        }

        List<EventEnvelope> take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void abandon() {
            abandoned = true;
            queue.clear();
        }

        void rethrow() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }

        private void put(List<EventEnvelope> events) {
            try {
                while (!abandoned && !queue.offer(events, 100, TimeUnit.MILLISECONDS)) {
                    // the fold is busy: wait, unless it gave up
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
