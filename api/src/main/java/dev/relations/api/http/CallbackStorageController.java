package dev.relations.api.http;

import dev.relations.api.auth.ApiName;
import dev.relations.api.http.docs.BadRequest;
import dev.relations.api.http.docs.CallbackRetryRequest;
import dev.relations.api.http.docs.EnvelopeAnswer;
import dev.relations.api.webhooks.CallbackStorage;
import dev.relations.domain.common.Tenant;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Easemob's replay of stored callbacks (SPEC E.1); reads the failure store, so it runs off the event loop. */
@Controller("/{org}/{app}/callbacks/storage")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CallbackStorageController {
    private static final DateTimeFormatter BUCKET = DateTimeFormatter.ofPattern("uuuuMMddHHmm");

    private final CallbackStorage storage;
    private final JsonBodies json;

    public CallbackStorageController(CallbackStorage storage, JsonBodies json) {
        this.storage = storage;
        this.json = json;
    }

    /**
     * Resends the app's callbacks to {@code targetUrl} stored in the 10-minute bucket {@code date}
     * (yyyyMMddHHmm, UTC); {@code data} is {@code success} when every one was answered 200 this time.
     */
    @Post("/retry")
    @Consumes(MediaType.ALL)
    @RequestBody(content = @Content(schema = @Schema(implementation = CallbackRetryRequest.class)))
    @EnvelopeAnswer
    @BadRequest
    @ApiName("callbacks-storage-retry")
    public HttpResponse<?> retry(HttpRequest<?> request, String org, String app, @Nullable @Body String body) {
        var tenant = new Tenant(org, app);
        var parsed = json.parse(body);
        if (!parsed.isObject()) {
            throw RoomController.invalid("request body must be an object");
        }
        var date = parsed.path("date").asText("");
        var target = parsed.path("targetUrl").asText("");
        if (target.isBlank()) {
            throw RoomController.invalid("targetUrl must be provided");
        }
        if (parsed.has("retry") && !(parsed.get("retry").canConvertToInt() && parsed.get("retry").asInt() >= 0)) {
            throw RoomController.invalid("retry must be a number from 0");
        }
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(date, BUCKET);
        } catch (DateTimeParseException e) {
            throw RoomController.invalid("date must be yyyyMMddHHmm");
        }
        boolean delivered = storage.resend(tenant.appKey(), CallbackStorage.bucketOf(at.toInstant(ZoneOffset.UTC)), target);
        return Envelope.of(request, tenant, "post").with("data", delivered ? "success" : "failure").ok(request);
    }
}
