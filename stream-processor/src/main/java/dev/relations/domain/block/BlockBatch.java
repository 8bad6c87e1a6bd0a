package dev.relations.domain.block;

import dev.relations.domain.common.Gather;
import dev.relations.domain.common.Username;

import java.util.List;

/**
 * An all-or-nothing block request waiting for its new targets' answers.
 *
 * @param gather the targets newly reserved by this batch and their answers
 * @param named  every user the request names, in request order (the answer's {@code data})
 */
public record BlockBatch(Gather<Answer> gather, List<Username> named) {

    /** A target's answer: it recorded the blocker, it does not exist, or its step failed inside the service. */
    public enum Answer {
        EXISTS, MISSING, FAILED;

        static Answer of(boolean exists, boolean failed) {
            return failed ? FAILED : exists ? EXISTS : MISSING;
        }
    }

    public BlockBatch {
        named = List.copyOf(named);
    }

    public String requestId() {
        return gather.requestId();
    }

    BlockBatch with(Gather<Answer> next) {
        return new BlockBatch(next, named);
    }
}
