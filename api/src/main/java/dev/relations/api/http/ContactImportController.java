package dev.relations.api.http;

import dev.relations.api.auth.ApiName;
import dev.relations.api.command.Writes;
import dev.relations.api.http.docs.BadRequest;
import dev.relations.api.http.docs.EnvelopeAnswer;
import dev.relations.api.http.docs.Forbidden;
import dev.relations.api.http.docs.UsernameList;
import dev.relations.api.http.docs.IdempotentWrite;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.schemas.ImportContacts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

/** Contact import (SPEC C.7): a mutual add per target, answered with Easemob's buckets. */
@Controller("/{org}/{app}/users/{owner}/contacts/import")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ContactImportController {
    static final int MAX_TARGETS = 10;

    private final Writes writes;
    private final JsonBodies json;

    public ContactImportController(Writes writes, JsonBodies json) {
        this.writes = writes;
        this.json = json;
    }

    @Post
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @RequestBody(content = @Content(schema = @Schema(implementation = UsernameList.class)))
    @EnvelopeAnswer
    @BadRequest
    @Forbidden
    @ApiName("import-contacts")
    public HttpResponse<?> importContacts(HttpRequest<?> request, String org, String app, String owner,
                                          @Nullable @QueryValue String isSendNotice, @Nullable @Body String body) {
        var tenant = new Tenant(org, app);
        var self = UserController.existing(owner);
        var targets = UsernameLists.of(json.parse(body));
        if (targets.size() > MAX_TARGETS) {
            throw ApiException.illegalArgument("request user over flow limit:" + MAX_TARGETS + ".");
        }
        var normalized = targets.stream().map(t -> Username.of(t).value()).toList();
        var outcome = writes.execute(request, tenant, self, "POST /users/{username}/contacts/import",
                new ImportContacts(self.value(), normalized, Boolean.parseBoolean(isSendNotice)));
        return Envelope.of(request, tenant, "post")
                .with("status", "ok")
                .with("data", json.tree(outcome.getDataJson()))
                .ok(request);
    }
}
