package dev.relations.api.http;

import dev.relations.query.StateQueries;
import dev.relations.mapping.RecordKeys;
import dev.relations.api.auth.ApiName;
import dev.relations.api.command.Writes;
import dev.relations.api.http.docs.BadRequest;
import dev.relations.api.http.docs.EnvelopeAnswer;
import dev.relations.api.http.docs.Forbidden;
import dev.relations.api.http.docs.UsernameList;
import dev.relations.api.http.docs.IdempotentWrite;
import dev.relations.api.query.NewestFirst;
import dev.relations.api.query.ReadRouter;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.schemas.BlockUsers;
import dev.relations.schemas.UnblockUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.util.Optional;

/** The user blocklist (SPEC C.8): block one or many, list newest first, unblock one. */
@Controller("/{org}/{app}/users/{owner}/blocks/users")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BlockController {
    /** A listing without paging parameters answers the newest this many. */
    static final int UNPAGED = 500;
    static final int MAX_PAGE = 50;

    private final Writes writes;
    private final ReadRouter reads;
    private final JsonBodies json;

    public BlockController(Writes writes, ReadRouter reads, JsonBodies json) {
        this.writes = writes;
        this.reads = reads;
        this.json = json;
    }

    @Post
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @RequestBody(content = @Content(schema = @Schema(implementation = UsernameList.class)))
    @EnvelopeAnswer
    @BadRequest
    @Forbidden
    @ApiName("block-users")
    public HttpResponse<?> block(HttpRequest<?> request, String org, String app, String owner, @Nullable @Body String body) {
        var tenant = new Tenant(org, app);
        var self = UserController.existing(owner);
        var targets = UsernameLists.of(json.parse(body));
        if (targets.stream().anyMatch(t -> !Username.isLegal(t))) {
            // A name that cannot be legal cannot exist: the same answer as an unknown user.
            throw ApiException.userNotFound();
        }
        var outcome = writes.execute(request, tenant, self, "POST /users/{owner_username}/blocks/users",
                new BlockUsers(self.value(), targets.stream().map(t -> Username.of(t).value()).toList()));
        return Envelope.of(request, tenant, "post")
                .with("data", json.tree(outcome.getDataJson()))
                .ok(request);
    }

    @Get
    @EnvelopeAnswer
    @BadRequest
    @ApiName("list-blocks")
    public HttpResponse<?> list(HttpRequest<?> request, String org, String app, String owner,
                                @Nullable @QueryValue String pageSize, @Nullable @QueryValue String cursor) {
        var tenant = new Tenant(org, app);
        var self = UserController.existing(owner);
        boolean paged = (pageSize != null && !pageSize.isBlank()) || (cursor != null && !cursor.isBlank());
        int size = paged ? pageSize(pageSize) : UNPAGED;
        return reads.route(request, RecordKeys.user(tenant, self), partition -> {
            var page = NewestFirst.page(partition, StateQueries.OwnerList.BLOCKS, tenant, self,
                    Optional.ofNullable(cursor).filter(c -> !c.isBlank()), size);
            ReadRouter.requireOwner(partition, tenant, self, page.names());
            var envelope = Envelope.of(request, tenant, "get")
                    .with("data", page.names())
                    .with("count", page.names().size());
            if (paged) {
                page.cursor().ifPresent(c -> envelope.with("cursor", c));
            }
            return envelope.ok(request);
        });
    }

    @Delete("/{blocked}")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @EnvelopeAnswer
    @ApiName("unblock-user")
    public HttpResponse<?> unblock(HttpRequest<?> request, String org, String app, String owner, String blocked) {
        var tenant = new Tenant(org, app);
        var self = UserController.existing(owner);
        var target = UserController.existing(blocked);
        var outcome = writes.execute(request, tenant, self, "DELETE /users/{owner_username}/blocks/users/{blocked_username}",
                new UnblockUser(self.value(), target.value()));
        return Envelope.of(request, tenant, "delete")
                .withInternalPath("/users/" + outcome.getSubjectUuid() + "/blocks")
                .with("entities", Entities.users(outcome.getEntities()))
                .ok(request);
    }

    private static int pageSize(String pageSize) {
        if (pageSize == null || pageSize.isBlank()) {
            return MAX_PAGE;
        }
        try {
            int size = Integer.parseInt(pageSize.trim());
            if (size >= 1 && size <= MAX_PAGE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.illegalArgument("pageSize must be a number between 1 and " + MAX_PAGE);
    }
}
