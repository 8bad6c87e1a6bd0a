package dev.relations.domain.contact;

import dev.relations.domain.common.Username;

import java.util.List;
import java.util.Map;

/**
 * An import waiting for answers: every target in request order, and the bucket of each
 * target that has answered (or was decided at once). It is complete when every target has one.
 */
public record ImportProgress(String requestId, List<Username> targets, Map<Username, ImportBucket> answers) {

    public boolean complete() {
        return answers.keySet().containsAll(targets);
    }
}
