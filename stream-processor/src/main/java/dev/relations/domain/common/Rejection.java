package dev.relations.domain.common;

/** A refused command, carried as a value and answered as an Easemob error body. */
public record Rejection(int status, String error, String exception, String description) {

    public static Rejection userNotFound() {
        return new Rejection(404, "service_resource_not_found", "UserNotFoundException", "Service resource not found");
    }

    public static Rejection illegalArgument(String description) {
        return new Rejection(400, "illegal_argument", "IllegalArgumentException", description);
    }

    public static Rejection exceedLimit(String description) {
        return new Rejection(403, "exceed_limit", "EasemobLimitExceededException", description);
    }

    public static Rejection duplicateUser(String app, Username username) {
        return new Rejection(400, "duplicate_unique_property_exists", "DuplicateUniquePropertyExistsException",
                "Application " + app + " Entity user requires that property named username be unique, value of "
                        + username + " exists");
    }

    public static Rejection resourceNotFound(String description) {
        return new Rejection(404, "resource_not_found", "ResourceNotFoundException", description);
    }

    /** The per-app room-count quota (SPEC D.3). */
    public static Rejection roomQuotaReached(Tenant tenant) {
        return exceedLimit("appKey:" + tenant.appKey() + " has create too many chatrooms!");
    }

    /** The per-app registered-user quota (SPEC B.2). */
    public static Rejection userQuotaReached() {
        return new Rejection(429, "resource_limited", "ResourceLimitedException",
                "You have exceeded the limit of the community edition,Please upgrade to the enterprise edition");
    }

    public static Rejection invalidParameter(String description) {
        return new Rejection(400, "invalid_parameter", "IllegalArgumentException", description);
    }

    /**
     * A step that failed inside the service (a bug or a broken dependency, not the caller's
     * mistake): the same body the API answers for its own unexpected failures.
     */
    public static Rejection internalError() {
        return new Rejection(500, "internal_server_error", "InternalServerErrorException", "Internal server error");
    }

    /** Chatroom docs answer some forbidden operations with 400 and others with 403 (SPEC G-4). */
    public static Rejection forbiddenOp(int status, String description) {
        return new Rejection(status, "forbidden_op", "EasemobForbiddenOpException", description);
    }
}
