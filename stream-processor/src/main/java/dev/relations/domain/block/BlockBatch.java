package dev.relations.domain.block;

import dev.relations.domain.common.Username;

import java.util.List;
import java.util.Set;

/**
 * An all-or-nothing block request waiting for its new targets' answers.
 *
 * @param targets every user the request names, in request order (the answer's {@code data})
 * @param pending the targets newly reserved by this batch
 * @param awaiting the pending targets that have not answered yet
 * @param missing  the pending targets that answered they do not exist
 * @param failed   the pending targets whose step failed inside the service
 */
public record BlockBatch(String requestId, List<Username> targets, List<Username> pending, Set<Username> awaiting,
                         Set<Username> missing, Set<Username> failed) {
    public BlockBatch(String requestId, List<Username> targets, List<Username> pending, Set<Username> awaiting,
                      Set<Username> missing) {
        this(requestId, targets, pending, awaiting, missing, Set.of());
    }
}
