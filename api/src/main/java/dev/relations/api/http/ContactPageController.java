package dev.relations.api.http;

import dev.relations.query.StateQueries;
import dev.relations.mapping.RecordKeys;
import com.fasterxml.jackson.databind.JsonNode;
import dev.relations.api.auth.ApiName;
import dev.relations.api.command.Writes;
import dev.relations.api.http.docs.BadRequest;
import dev.relations.api.http.docs.EnvelopeAnswer;
import dev.relations.api.http.docs.RemarkRequest;
import dev.relations.api.http.docs.IdempotentWrite;
import dev.relations.api.query.NewestFirst;
import dev.relations.api.query.ReadRouter;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.schemas.SetRemark;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remarks (SPEC C.4) and the paged contact list (C.5). The docs spell these with a
 * singular {@code /user/}, newer SDKs with {@code /users/}: both route here.
 */
@Controller("/{org}/{app}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ContactPageController {
    static final int MAX_REMARK = 100;
    static final int MAX_PAGE = 50;
    static final int DEFAULT_PAGE = 10;

    private final Writes writes;
    private final ReadRouter reads;
    private final JsonBodies json;

    public ContactPageController(Writes writes, ReadRouter reads, JsonBodies json) {
        this.writes = writes;
        this.reads = reads;
        this.json = json;
    }

    @Put("/user/{owner}/contacts/users/{friend}")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @RequestBody(content = @Content(schema = @Schema(implementation = RemarkRequest.class)))
    @EnvelopeAnswer
    @BadRequest
    @ApiName("set-remark")
    public HttpResponse<?> remark(HttpRequest<?> request, String org, String app, String owner, String friend,
                                  @Nullable @Body String body) {
        var tenant = new Tenant(org, app);
        var self = UserController.existing(owner);
        var other = UserController.existing(friend);
        JsonNode parsed = json.parse(body);
        if (!parsed.isObject() || !parsed.hasNonNull("remark")) {
            throw ApiException.illegalArgument("remark must be provided");
        }
        var remark = parsed.get("remark").asText();
        if (remark.codePointCount(0, remark.length()) > MAX_REMARK) {
            throw ApiException.illegalArgument("remark length must not exceed " + MAX_REMARK);
        }
        writes.execute(request, tenant, self, "PUT /user/{owner_username}/contacts/users/{friend_username}",
                new SetRemark(self.value(), other.value(), remark));
        return Envelope.of(request, tenant, "put").with("status", "ok").ok(request);
    }

    @Put("/users/{owner}/contacts/users/{friend}")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @RequestBody(content = @Content(schema = @Schema(implementation = RemarkRequest.class)))
    @EnvelopeAnswer
    @BadRequest
    @ApiName("set-remark")
    public HttpResponse<?> remarkPlural(HttpRequest<?> request, String org, String app, String owner, String friend,
                                        @Nullable @Body String body) {
        return remark(request, org, app, owner, friend, body);
    }

    @Get("/user/{owner}/contacts")
    @EnvelopeAnswer
    @BadRequest
    @ApiName("contact-page")
    public HttpResponse<?> page(HttpRequest<?> request, String org, String app, String owner,
                                @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor,
                                @Nullable @QueryValue String needReturnRemark) {
        var tenant = new Tenant(org, app);
        var self = UserController.existing(owner);
        int size = pageSize(limit);
        boolean withRemark = Boolean.parseBoolean(needReturnRemark);
        return reads.route(request, RecordKeys.user(tenant, self), partition -> {
            var page = NewestFirst.page(partition, StateQueries.OwnerList.CONTACTS, tenant, self,
                    Optional.ofNullable(cursor).filter(c -> !c.isBlank()), size);
            ReadRouter.requireOwner(partition, tenant, self, page.names());
            var items = page.names().stream().map(name -> {
                Map<String, Object> item = new LinkedHashMap<>();
                if (withRemark) {
                    item.put("remark", partition.remark(tenant, self, Username.of(name)).orElse(null));
                }
                item.put("username", name);
                return item;
            }).toList();
            var data = new LinkedHashMap<String, Object>();
            data.put("contacts", items);
            page.cursor().ifPresent(c -> data.put("cursor", c));
            return Envelope.of(request, tenant, "get")
                    .withInternalUri("/users/" + self.value() + "/rostersByPage")
                    .with("data", data)
                    .with("count", items.size())
                    .ok(request);
        });
    }

    @Get("/users/{owner}/contacts")
    @EnvelopeAnswer
    @BadRequest
    @ApiName("contact-page")
    public HttpResponse<?> pagePlural(HttpRequest<?> request, String org, String app, String owner,
                                      @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor,
                                      @Nullable @QueryValue String needReturnRemark) {
        return page(request, org, app, owner, limit, cursor, needReturnRemark);
    }

    private static int pageSize(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_PAGE;
        }
        int size;
        try {
            size = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw ApiException.illegalArgument("limit must be a number between 1 and " + MAX_PAGE);
        }
        if (size > MAX_PAGE) {
            throw ApiException.illegalArgument("getContacts page size more than max limit : " + MAX_PAGE);
        }
        if (size < 1) {
            throw ApiException.illegalArgument("limit must be a number between 1 and " + MAX_PAGE);
        }
        return size;
    }
}
