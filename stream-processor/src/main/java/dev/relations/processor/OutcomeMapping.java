package dev.relations.processor;

import dev.relations.domain.common.Reply;
import dev.relations.domain.common.Verdict;
import dev.relations.schemas.Outcome;

import java.util.List;

/** A verdict as the record the API waits for. */
final class OutcomeMapping {
    private OutcomeMapping() {
    }

    static Outcome of(String requestId, Verdict verdict) {
        var outcome = Outcome.newBuilder().setRequestId(requestId);
        return switch (verdict) {
            case Verdict.Rejected r -> outcome.setStatus(r.rejection().status())
                    .setError(r.rejection().error())
                    .setException(r.rejection().exception())
                    .setErrorDescription(r.rejection().description())
                    .build();
            case Verdict.Accepted a -> switch (a.reply()) {
                case Reply.UserReply u -> outcome.setStatus(200)
                        .setEntities(List.of(CommandMapping.view(u.user())))
                        .setSubjectUuid(u.user().uuid())
                        .build();
                case Reply.ContactReply c -> outcome.setStatus(200)
                        .setEntities(List.of(CommandMapping.view(c.friend())))
                        .setSubjectUuid(c.owner().uuid())
                        .build();
            };
        };
    }
}
