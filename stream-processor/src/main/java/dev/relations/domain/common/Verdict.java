package dev.relations.domain.common;

/** The answer the API waits for: the documented success or the documented error. */
public sealed interface Verdict {

    record Accepted(Reply reply) implements Verdict {
    }

    record Rejected(Rejection rejection) implements Verdict {
    }

    static Verdict accepted(Reply reply) {
        return new Accepted(reply);
    }

    static Verdict rejected(Rejection rejection) {
        return new Rejected(rejection);
    }
}
