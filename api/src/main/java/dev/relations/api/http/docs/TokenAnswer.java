package dev.relations.api.http.docs;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to {@code POST /token} (SPEC A.2): not an envelope. */
@Schema(name = "TokenAnswer")
public record TokenAnswer(
        @Schema(example = "YWMtWY779DgJEeS2h9OR7fw4QgAAAUmO4Qukwd9cfJSpkWHiOa7MCSk0MSWsc") String access_token,
        @Schema(description = "seconds", example = "5184000") long expires_in,
        @Schema(description = "the app's UUID", example = "8be024f0-e978-11e8-b697-5d598d5f8402") String application) {
}
