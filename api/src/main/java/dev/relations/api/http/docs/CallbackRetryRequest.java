package dev.relations.api.http.docs;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /callbacks/storage/retry}: one 10-minute bucket of stored callbacks to one URL. */
@Schema(name = "CallbackRetryRequest")
public record CallbackRetryRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "202108272230",
                description = "the bucket, yyyyMMddHHmm in UTC; any minute names the 10-minute bucket it falls in") String date,
        @Schema(example = "0", description = "how many times this bucket was resent before (0 at first)") Integer retry,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "https://app.example.com/easemob/callback",
                description = "the rule URL whose stored callbacks are resent") String targetUrl) {
}
