package dev.relations.api.runtime;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far Kafka Streams is in restoring state from changelogs, for the log and the readiness
 * check: a slow start is a restore in progress, not a failure. Records left are counted from
 * changelog offsets, so transaction markers make them an upper bound.
 */
public final class RestoreProgress implements StateRestoreListener {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreProgress.class);
    private static final long LOG_EVERY_MS = 10_000;

    /** Partitions being restored now and the changelog records they still have to read. */
    public record Snapshot(int partitions, long recordsLeft) {
    }

    private static final class Partition {
        final long total;
        volatile long restored;

        Partition(long total) {
            this.total = total;
        }

        long left() {
            return Math.max(0, total - restored);
        }
    }

    private final Map<TopicPartition, Partition> restoring = new ConcurrentHashMap<>();
    private final AtomicLong lastLogged = new AtomicLong();

    public Snapshot snapshot() {
        long left = 0;
        for (var partition : restoring.values()) {
            left += partition.left();
        }
        return new Snapshot(restoring.size(), left);
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        var started = new Partition(Math.max(0, endingOffset - startingOffset));
        restoring.put(partition, started);
        LOG.info("event=restore_started store={} partition={} records={}", store, partition, started.total);
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        var progress = restoring.get(partition);
        if (progress != null) {
            progress.restored += numRestored;
        }
        long now = System.currentTimeMillis();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_MS && lastLogged.compareAndSet(last, now)) {
            var snapshot = snapshot();
            LOG.info("event=restore_progress partitions={} records_left={}", snapshot.partitions(), snapshot.recordsLeft());
        }
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        restoring.remove(partition);
        LOG.info("event=restore_done store={} partition={} records={} partitions_left={}", store, partition, totalRestored,
                restoring.size());
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
        restoring.remove(partition);
        LOG.info("event=restore_suspended store={} partition={} records={}", store, partition, totalRestored);
    }
}
