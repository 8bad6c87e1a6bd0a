package dev.relations.api.http.docs;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** {@code POST /chatrooms}. */
@Schema(name = "RoomCreation")
public record RoomCreation(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "testchatroom1") String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "test") String description,
        @Schema(nullable = true, description = "default 1000, at most 10000 (both per app)", example = "300") Integer maxusers,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "user1") String owner,
        @Schema(nullable = true, example = "[\"user2\"]") List<String> members,
        @Schema(nullable = true, example = "custom") String custom,
        @Schema(nullable = true, description = "a client-chosen room id, [1-9][0-9]{1,17}; roomid is read when absent",
                example = "8800000000000001") String groupid,
        @Schema(nullable = true, description = "the same as groupid", example = "8800000000000001") String roomid) {
}
