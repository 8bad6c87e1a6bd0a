package dev.relations.api.http.docs;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code PUT /user/{owner}/contacts/users/{friend}}. */
@Schema(name = "RemarkRequest")
public record RemarkRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100, example = "remark-for-user2") String remark) {
}
