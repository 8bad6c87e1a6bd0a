package dev.relations.api.http.docs;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Blocks, contact import, chatroom members, blocklist and allowlist: {@code {"usernames":[...]}}. */
@Schema(name = "UsernameList")
public record UsernameList(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"user2\", \"user3\"]") List<String> usernames) {
}
