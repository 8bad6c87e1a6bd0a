package dev.relations.api.runtime;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the readiness check says of a restore: partitions still restoring and the records they have left. */
class RestoreProgressTest {
    private static final TopicPartition FIRST = new TopicPartition("relations-state-changelog", 0);
    private static final TopicPartition SECOND = new TopicPartition("relations-state-changelog", 1);

    @Test
    void counts_the_partitions_restoring_and_the_records_they_have_left() {
        var progress = new RestoreProgress();
        assertThat(progress.snapshot()).isEqualTo(new RestoreProgress.Snapshot(0, 0));

        progress.onRestoreStart(FIRST, "state", 0, 100);
        progress.onRestoreStart(SECOND, "state", 10, 60);
        assertThat(progress.snapshot()).isEqualTo(new RestoreProgress.Snapshot(2, 150));

        progress.onBatchRestored(FIRST, "state", 39, 40);
        assertThat(progress.snapshot()).isEqualTo(new RestoreProgress.Snapshot(2, 110));

        progress.onRestoreEnd(SECOND, "state", 50);
        assertThat(progress.snapshot()).isEqualTo(new RestoreProgress.Snapshot(1, 60));

        progress.onRestoreSuspended(FIRST, "state", 40);
        assertThat(progress.snapshot()).isEqualTo(new RestoreProgress.Snapshot(0, 0));
    }
}
