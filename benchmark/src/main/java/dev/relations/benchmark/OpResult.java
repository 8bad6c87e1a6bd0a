package dev.relations.benchmark;

/** What one operation came to: success, a labelled error, or "nothing left to do". */
record OpResult(Kind kind, String label) {
    enum Kind { OK, ERROR, DONE }

    static final OpResult OK = new OpResult(Kind.OK, null);
    static final OpResult DONE = new OpResult(Kind.DONE, null);

    static OpResult error(String label) {
        return new OpResult(Kind.ERROR, label);
    }
}
