package dev.relations.api.http.docs;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** {@code POST /chatrooms/{id}/mute}. */
@Schema(name = "MuteRequest")
public record MuteRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"user1\", \"user2\"]") List<String> usernames,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "milliseconds; -1 mutes for good, 0 ends the mute", example = "86400000") long mute_duration) {
}
