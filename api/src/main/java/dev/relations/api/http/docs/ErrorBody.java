package dev.relations.api.http.docs;

import io.swagger.v3.oas.annotations.media.Schema;

/** Easemob's error body (SPEC A.4). */
@Schema(name = "ErrorBody", description = "Easemob's error body")
public record ErrorBody(
        @Schema(description = "the error type", example = "illegal_argument") String error,
        @Schema(example = "IllegalArgumentException") String exception,
        @Schema(description = "milliseconds since the epoch", example = "1542361228560") long timestamp,
        @Schema(description = "milliseconds spent", example = "0") long duration,
        @Schema(example = "username XXX is not legal") String error_description) {
}
