package dev.relations.domain.contact;

import dev.relations.domain.common.Username;

import java.util.List;
import java.util.Map;

/**
 * An import waiting for answers: every target in request order, the bucket of each target
 * that has answered (or was decided at once), and the targets not asked yet because the
 * owner had no free slot; a slot freed by a refused target goes to the next of those.
 */
public record ImportProgress(String requestId, List<Username> targets, Map<Username, ImportBucket> answers,
                             List<Username> waiting, boolean notice) {
}
