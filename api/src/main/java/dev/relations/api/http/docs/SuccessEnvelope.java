package dev.relations.api.http.docs;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** Easemob's success envelope (SPEC A.3); {@code data}, {@code count} and {@code cursor} appear where a route has them. */
@Schema(name = "SuccessEnvelope", description = "Easemob's success envelope")
public record SuccessEnvelope(
        @Schema(description = "get, post, put or delete", example = "post") String action,
        @Schema(description = "the app's UUID", example = "8be024f0-e978-11e8-b697-5d598d5f8402") String application,
        @Schema(example = "testapp") String applicationName,
        @Schema(example = "XXXX") String organization,
        @Schema(example = "https://XXXX/XXXX/XXXX/users") String uri,
        @Schema(description = "users or chatrooms the request acted on") List<Map<String, Object>> entities,
        @Schema(description = "the route's answer: usernames, a result object or a list of results", nullable = true) Object data,
        @Schema(description = "milliseconds since the epoch", example = "1542361228560") long timestamp,
        @Schema(description = "milliseconds spent", example = "0") long duration,
        @Schema(description = "on lists: how many items this page has", nullable = true, example = "2") Integer count,
        @Schema(description = "on paged lists: the next page's cursor, absent on the last page", nullable = true,
                example = "MTA5OTAwMzMwNDUzNTA2ODY1NA==") String cursor) {
}
