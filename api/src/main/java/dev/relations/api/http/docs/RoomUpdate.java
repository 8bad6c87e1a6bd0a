package dev.relations.api.http.docs;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code PUT /chatrooms/{id}}: any of name, description, maxusers; or newowner alone. */
@Schema(name = "RoomUpdate", description = "any of name, description and maxusers; or newowner alone, to transfer the room")
public record RoomUpdate(
        @Schema(nullable = true, example = "testchatroom") String name,
        @Schema(nullable = true, example = "test") String description,
        @Schema(nullable = true, example = "100") Integer maxusers,
        @Schema(nullable = true, example = "user2") String newowner) {
}
