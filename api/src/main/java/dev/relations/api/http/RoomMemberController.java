package dev.relations.api.http;

import dev.relations.query.StateQueries;
import dev.relations.mapping.RecordKeys;
import dev.relations.api.auth.ApiName;
import dev.relations.api.command.Writes;
import dev.relations.api.http.docs.BadRequest;
import dev.relations.api.http.docs.EnvelopeAnswer;
import dev.relations.api.http.docs.Forbidden;
import dev.relations.api.http.docs.NewAdminRequest;
import dev.relations.api.http.docs.UsernameList;
import dev.relations.api.http.docs.IdempotentWrite;
import dev.relations.api.query.NewestFirst;
import dev.relations.api.query.ReadRouter;
import dev.relations.api.query.RoomViews;
import dev.relations.domain.common.AggregateRef;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Tenant;
import dev.relations.schemas.AddRoomAdmin;
import dev.relations.schemas.AddRoomMember;
import dev.relations.schemas.AddRoomMembers;
import dev.relations.schemas.RemoveRoomAdmin;
import dev.relations.schemas.RemoveRoomMember;
import dev.relations.schemas.RemoveRoomMembers;
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
import java.util.Optional;

/** Chatroom members (SPEC D.4) and admins (D.5). */
@Controller("/{org}/{app}/chatrooms/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoomMemberController {
    static final int MAX_PAGE = 1000;

    private final Writes writes;
    private final ReadRouter reads;
    private final JsonBodies json;
    private final RoomController rooms;

    public RoomMemberController(Writes writes, ReadRouter reads, JsonBodies json, RoomController rooms) {
        this.writes = writes;
        this.reads = reads;
        this.json = json;
        this.rooms = rooms;
    }

    /**
     * Owner first, then members by join time; or, with {@code version=v3}, plain names in join order
     * ({@code sort=asc}, the default) or latest joined first ({@code sort=desc}) with a cursor.
     */
    @Get("/users")
    @EnvelopeAnswer
    @BadRequest
    @ApiName("list-members")
    public HttpResponse<?> members(HttpRequest<?> request, String org, String app, String id,
                                   @Nullable @QueryValue String pagenum, @Nullable @QueryValue String pagesize,
                                   @Nullable @QueryValue String version, @Nullable @QueryValue String limit,
                                   @Nullable @QueryValue String cursor, @Nullable @QueryValue String sort) {
        var tenant = new Tenant(org, app);
        var room = roomOrGroupNotFound(id);
        return reads.route(request, RecordKeys.room(tenant, room), partition -> {
            var info = partition.room(tenant, room).orElseThrow(() -> new ApiException(RoomRequests.groupNotFound(id)));
            if ("v3".equals(version)) {
                int size = number(limit, MAX_PAGE, MAX_PAGE);
                boolean latestFirst = latestFirst(sort);
                var from = cursor == null || cursor.isBlank() ? Optional.<Long>empty() : Optional.of(NewestFirst.decode(cursor));
                var page = latestFirst
                        ? partition.membersLatestFirst(tenant, room, from.orElse(Long.MAX_VALUE), size + 1)
                        : partition.membersInJoinOrder(tenant, room, from.orElse(0L), size + 1);
                var names = page.stream().limit(size).map(StateQueries.Ordered::name).toList();
                var envelope = Envelope.of(request, tenant, "get").with("data", names).with("count", names.size());
                if (page.size() > size) {
                    envelope.with("cursor", NewestFirst.encode(page.get(size - 1).seq()));
                }
                return envelope.ok(request);
            }
            int size = number(pagesize, MAX_PAGE, MAX_PAGE);
            int pageNumber = Math.max(1, number(pagenum, 1, Integer.MAX_VALUE));
            var page = RoomViews.memberPage(partition, tenant, room, info.owner().value(), (long) (pageNumber - 1) * size, size);
            return Envelope.of(request, tenant, "get").withParams(request, "pagesize", "pagenum").with("data", page)
                    .with("count", page.size()).ok(request);
        });
    }

    @Post("/users/{username}")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @EnvelopeAnswer
    @BadRequest
    @Forbidden
    @ApiName("add-member")
    public HttpResponse<?> addOne(HttpRequest<?> request, String org, String app, String id, String username) {
        var tenant = new Tenant(org, app);
        var room = RoomRequests.room(id);
        var user = RoomRequests.users(List.of(username)).getFirst();
        return rooms.answer(request, tenant, "post", writes.execute(request, tenant, AggregateRef.room(room),
                "POST /chatrooms/{chatroom_id}/users/{username}", new AddRoomMember(room.value(), user)));
    }

    @Post("/users")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @RequestBody(content = @Content(schema = @Schema(implementation = UsernameList.class)))
    @EnvelopeAnswer
    @BadRequest
    @Forbidden
    @ApiName("add-members")
    public HttpResponse<?> addMany(HttpRequest<?> request, String org, String app, String id, @Nullable @Body String body) {
        var tenant = new Tenant(org, app);
        var room = RoomRequests.room(id);
        var users = RoomRequests.batchNames(UsernameLists.of(json.parse(body)));
        return rooms.answer(request, tenant, "post", writes.execute(request, tenant, AggregateRef.room(room),
                "POST /chatrooms/{chatroom_id}/users", new AddRoomMembers(room.value(), users)));
    }

    @Delete("/users/{usernames}")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @EnvelopeAnswer
    @BadRequest
    @Forbidden
    @ApiName("remove-members")
    public HttpResponse<?> remove(HttpRequest<?> request, String org, String app, String id, String usernames) {
        var tenant = new Tenant(org, app);
        var room = RoomRequests.room(id);
        var users = RoomRequests.users(RoomRequests.commaList(usernames));
        Object command = users.size() == 1
                ? new RemoveRoomMember(room.value(), users.getFirst())
                : new RemoveRoomMembers(room.value(), users);
        return rooms.answer(request, tenant, "delete", writes.execute(request, tenant, AggregateRef.room(room),
                "DELETE /chatrooms/{chatroom_id}/users/{usernames}", command));
    }

    @Get("/admin")
    @EnvelopeAnswer
    @BadRequest
    @ApiName("list-admins")
    public HttpResponse<?> admins(HttpRequest<?> request, String org, String app, String id) {
        var tenant = new Tenant(org, app);
        var room = RoomRequests.room(id);
        return reads.route(request, RecordKeys.room(tenant, room), partition -> {
            partition.room(tenant, room).orElseThrow(() -> new ApiException(RoomRequests.roomNotFound(id)));
            var admins = partition.admins(tenant, room);
            return Envelope.of(request, tenant, "get").with("data", admins).with("count", admins.size()).ok(request);
        });
    }

    @Post("/admin")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @RequestBody(content = @Content(schema = @Schema(implementation = NewAdminRequest.class)))
    @EnvelopeAnswer
    @BadRequest
    @Forbidden
    @ApiName("add-admin")
    public HttpResponse<?> addAdmin(HttpRequest<?> request, String org, String app, String id, @Nullable @Body String body) {
        var tenant = new Tenant(org, app);
        var room = RoomRequests.room(id);
        var parsed = json.parse(body);
        if (!parsed.isObject() || !parsed.hasNonNull("newadmin")) {
            throw RoomController.invalid("newadmin must be provided");
        }
        var user = RoomRequests.users(List.of(parsed.get("newadmin").asText())).getFirst();
        return rooms.answer(request, tenant, "post", writes.execute(request, tenant, AggregateRef.room(room),
                "POST /chatrooms/{chatroom_id}/admin", new AddRoomAdmin(room.value(), user)));
    }

    @Delete("/admin/{oldadmin}")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @EnvelopeAnswer
    @BadRequest
    @Forbidden
    @ApiName("remove-admin")
    public HttpResponse<?> removeAdmin(HttpRequest<?> request, String org, String app, String id, String oldadmin) {
        var tenant = new Tenant(org, app);
        var room = RoomRequests.room(id);
        var user = RoomRequests.users(List.of(oldadmin)).getFirst();
        return rooms.answer(request, tenant, "delete", writes.execute(request, tenant, AggregateRef.room(room),
                "DELETE /chatrooms/{chatroom_id}/admin/{oldadmin}", new RemoveRoomAdmin(room.value(), user)));
    }

    /** The v3 listing's {@code sort}: {@code asc} (the default) or {@code desc}, in any case. */
    private static boolean latestFirst(String sort) {
        if (sort == null || sort.isBlank() || sort.equalsIgnoreCase("asc")) {
            return false;
        }
        if (sort.equalsIgnoreCase("desc")) {
            return true;
        }
        throw RoomController.invalid("sort must be asc or desc");
    }

    private static RoomId roomOrGroupNotFound(String id) {
        if (id == null || !id.matches("[1-9][0-9]{1,17}")) {
            throw new ApiException(RoomRequests.groupNotFound(id));
        }
        return new RoomId(id);
    }

    /** A paging number; absent or 0 means the default, above the ceiling means the ceiling. */
    static int number(String raw, int defaultValue, int ceiling) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < 0) {
                throw RoomController.invalid("paging parameters must not be negative");
            }
            return value == 0 ? defaultValue : Math.min(value, ceiling);
        } catch (NumberFormatException e) {
            throw RoomController.invalid("paging parameters must be numbers");
        }
    }
}
