package dev.relations.api.http.docs;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /chatrooms/super_admin}: one user per call. */
@Schema(name = "SuperAdminRequest")
public record SuperAdminRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "user1") String superadmin) {
}
