package dev.relations.domain.contact;

/** Easemob's import result buckets, with their exact JSON names. */
public enum ImportBucket {
    SUCCESS("success"),
    NOT_EXIST("NotExistFailed"),
    MAX_LIMIT("maxLimitFailed"),
    UNKNOWN("UnKnowFailed");

    private final String jsonName;

    ImportBucket(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static ImportBucket ofJsonName(String name) {
        for (var bucket : values()) {
            if (bucket.jsonName.equals(name)) {
                return bucket;
            }
        }
        throw new IllegalArgumentException("unknown import bucket " + name);
    }
}
