package dev.relations.eventlog;

import dev.relations.schemas.serde.HttpSchemaRegistryClient;

import java.nio.file.Path;
import java.util.Collection;

/** One app's events folded into a scratch store, to a cut, and on from there when asked. */
final class Replay implements AutoCloseable {
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
        reader.readTo(cut.stops(reader.endOffsets()), positioned -> {
            if (cut.includes(positioned.event())) {
                fold.apply(positioned.event());
            }
        });
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
}
