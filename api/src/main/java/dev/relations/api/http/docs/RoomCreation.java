package dev.relations.api.http.docs;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** {@code POST /chatrooms}. */
@Schema(name = "RoomCreation")
public record RoomCreation(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "testchatroom1") String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "test") String description,
        @Schema(nullable = true, description = "default 10000", example = "300") Integer maxusers,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "user1") String owner,
        @Schema(nullable = true, example = "[\"user2\"]") List<String> members,
        @Schema(nullable = true, example = "custom") String custom) {
}
