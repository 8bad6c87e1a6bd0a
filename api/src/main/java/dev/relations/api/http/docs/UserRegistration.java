package dev.relations.api.http.docs;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /users}: one of these, or an array of up to 60 (SPEC B.3). */
@Schema(name = "UserRegistration")
public record UserRegistration(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64, example = "user1") String username,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64, example = "123") String password,
        @Schema(nullable = true, maxLength = 100, example = "testuser") String nickname) {
}
