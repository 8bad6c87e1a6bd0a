package dev.relations.schemas.serde;

/** A schema registry refused a request or could not be reached. */
public class SchemaRegistryException extends RuntimeException {

    /** {@link #status()} when no HTTP response was received. */
    public static final int NO_STATUS = -1;

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(String message, int status, int errorCode) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = NO_STATUS;
        this.errorCode = NO_STATUS;
    }

    /** The HTTP status of the registry's answer (409 for an incompatible schema), or {@link #NO_STATUS}. */
    public int status() {
        return status;
    }

    /** The registry's {@code error_code} (e.g. 40403 schema not found), or {@link #NO_STATUS}. */
    public int errorCode() {
        return errorCode;
    }
}
