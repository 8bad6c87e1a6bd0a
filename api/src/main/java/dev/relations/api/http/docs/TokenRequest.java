package dev.relations.api.http.docs;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /token} (SPEC A.2). */
@Schema(name = "TokenRequest")
public record TokenRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "client_credentials") String grant_type,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "YXA6i-Ak8Ol4Eei2l11ZjV-EAg") String client_id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "YXA6VunqiNxoB7IwXHInk1cGiXOOJfc") String client_secret,
        @Schema(description = "seconds the token lives, 0 for no expiry", nullable = true, example = "1024000") Long ttl) {
}
