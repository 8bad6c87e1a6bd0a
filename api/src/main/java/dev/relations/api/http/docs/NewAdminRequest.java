package dev.relations.api.http.docs;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /chatrooms/{id}/admin}. */
@Schema(name = "NewAdminRequest")
public record NewAdminRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "user1") String newadmin) {
}
