package dev.relations.api.http;

import dev.relations.api.auth.ApiName;
import dev.relations.api.command.Writes;
import dev.relations.api.http.docs.BadRequest;
import dev.relations.api.http.docs.EnvelopeAnswer;
import dev.relations.api.http.docs.SuperAdminRequest;
import dev.relations.api.http.docs.IdempotentWrite;
import dev.relations.api.query.ReadRouter;
import dev.relations.domain.common.AggregateRef;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.mapping.RecordKeys;
import dev.relations.schemas.AddSuperAdmin;
import dev.relations.schemas.RemoveSuperAdmin;
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

import java.util.List;

/**
 * Chatroom super admins (SPEC D.6): app-wide, kept by the app's own aggregate. The literal
 * {@code super_admin} segment wins over the {@code {id}} of the room routes.
 */
@Controller("/{org}/{app}/chatrooms/super_admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SuperAdminController {
    static final int DEFAULT_PAGE = 10;
    static final int MAX_PAGE = 1000;

    private final Writes writes;
    private final ReadRouter reads;
    private final JsonBodies json;
    private final RoomController rooms;

    public SuperAdminController(Writes writes, ReadRouter reads, JsonBodies json, RoomController rooms) {
        this.writes = writes;
        this.reads = reads;
        this.json = json;
        this.rooms = rooms;
    }

    /** One user per call; the user must exist. Adding a super admin again succeeds and changes nothing. */
    @Post
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @RequestBody(content = @Content(schema = @Schema(implementation = SuperAdminRequest.class)))
    @EnvelopeAnswer
    @BadRequest
    @ApiName("add-super-admin")
    public HttpResponse<?> add(HttpRequest<?> request, String org, String app, @Nullable @Body String body) {
        var tenant = new Tenant(org, app);
        var parsed = json.parse(body);
        if (!parsed.isObject() || !parsed.hasNonNull("superadmin") || parsed.get("superadmin").asText().isBlank()) {
            throw RoomController.invalid("superadmin must be provided");
        }
        var user = RoomRequests.users(List.of(parsed.get("superadmin").asText())).getFirst();
        return rooms.answer(request, tenant, "post", writes.execute(request, tenant, Username.of(user),
                "POST /chatrooms/super_admin", new AddSuperAdmin(user)));
    }

    /** In the order they were added; {@code pagesize} 1 to 1000 (default 10), {@code pagenum} from 1. */
    @Get
    @EnvelopeAnswer
    @BadRequest
    @ApiName("list-super-admins")
    public HttpResponse<?> list(HttpRequest<?> request, String org, String app, @Nullable @QueryValue String pagenum,
                                @Nullable @QueryValue String pagesize) {
        var tenant = new Tenant(org, app);
        int size = RoomMemberController.number(pagesize, DEFAULT_PAGE, MAX_PAGE);
        int page = Math.max(1, RoomMemberController.number(pagenum, 1, Integer.MAX_VALUE));
        return reads.route(request, RecordKeys.app(tenant), state -> {
            var names = state.superAdmins(tenant, (long) (page - 1) * size, size);
            return Envelope.of(request, tenant, "get").withParams(request, "pagesize", "pagenum").with("data", names)
                    .with("count", names.size()).ok(request);
        });
    }

    /** Answers {@code newSuperAdmin} (the documented name) with the user; one who holds no such role succeeds too (ours). */
    @Delete("/{superAdmin}")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @EnvelopeAnswer
    @ApiName("remove-super-admin")
    public HttpResponse<?> remove(HttpRequest<?> request, String org, String app, String superAdmin) {
        var tenant = new Tenant(org, app);
        var user = RoomRequests.users(List.of(superAdmin)).getFirst();
        return rooms.answer(request, tenant, "delete", writes.execute(request, tenant, AggregateRef.app(),
                "DELETE /chatrooms/super_admin/{superAdmin}", new RemoveSuperAdmin(user)));
    }
}
