package dev.relations.domain.contact;

import dev.relations.domain.common.Gather;

/**
 * An import waiting for answers: its targets in a {@link Gather} (queued: not asked yet because
 * the owner had no free slot; a slot freed by a refused target goes to the next of those).
 */
public record ImportProgress(Gather<ImportBucket> gather, boolean notice) {

    public String requestId() {
        return gather.requestId();
    }

    ImportProgress with(Gather<ImportBucket> next) {
        return new ImportProgress(next, notice);
    }
}
