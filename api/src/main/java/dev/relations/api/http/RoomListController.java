package dev.relations.api.http;

import dev.relations.query.StateQueries;
import dev.relations.mapping.RecordKeys;
import dev.relations.api.auth.ApiName;
import dev.relations.api.config.Apps;
import dev.relations.api.command.Writes;
import dev.relations.api.http.docs.BadRequest;
import dev.relations.api.http.docs.EnvelopeAnswer;
import dev.relations.api.http.docs.Forbidden;
import dev.relations.api.http.docs.MuteRequest;
import dev.relations.api.http.docs.UsernameList;
import dev.relations.api.http.docs.IdempotentWrite;
import dev.relations.api.query.ReadRouter;
import dev.relations.api.query.RoomViews;
import dev.relations.domain.common.AggregateRef;
import dev.relations.domain.common.Tenant;
import dev.relations.schemas.AllowRoomMember;
import dev.relations.schemas.AllowRoomMembers;
import dev.relations.schemas.BlockRoomMember;
import dev.relations.schemas.BlockRoomMembers;
import dev.relations.schemas.DisallowRoomMembers;
import dev.relations.schemas.MuteRoomMembers;
import dev.relations.schemas.SetRoomMuteAll;
import dev.relations.schemas.UnblockRoomMember;
import dev.relations.schemas.UnblockRoomMembers;
import dev.relations.schemas.UnmuteRoomMembers;
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
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.BiFunction;

/** A chatroom's blocklist (SPEC D.7), allowlist (D.8), mute list (D.9) and mute-all (D.10). */
@Controller("/{org}/{app}/chatrooms/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoomListController {
    private static final Logger LOG = LoggerFactory.getLogger(RoomListController.class);

    private final Writes writes;
    private final ReadRouter reads;
    private final JsonBodies json;
    private final RoomController rooms;
    private final Apps apps;

    public RoomListController(Writes writes, ReadRouter reads, JsonBodies json, RoomController rooms, Apps apps) {
        this.writes = writes;
        this.reads = reads;
        this.json = json;
        this.rooms = rooms;
        this.apps = apps;
    }

    @Get("/blocks/users")
    @EnvelopeAnswer
    @BadRequest
    @ApiName("list-room-blocks")
    public HttpResponse<?> blocks(HttpRequest<?> request, String org, String app, String id) {
        return names(request, org, app, id, StateQueries.RoomList.BLOCKLIST);
    }

    @Post("/blocks/users/{username}")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @EnvelopeAnswer
    @BadRequest
    @Forbidden
    @ApiName("block-room-member")
    public HttpResponse<?> blockOne(HttpRequest<?> request, String org, String app, String id, String username) {
        return one(request, org, app, id, "post", username, "POST /chatrooms/{chatroom_id}/blocks/users/{username}", BlockRoomMember::new);
    }

    @Post("/blocks/users")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @RequestBody(content = @Content(schema = @Schema(implementation = UsernameList.class)))
    @EnvelopeAnswer
    @BadRequest
    @Forbidden
    @ApiName("block-room-members")
    public HttpResponse<?> blockMany(HttpRequest<?> request, String org, String app, String id, @Nullable @Body String body) {
        return many(request, org, app, id, "post", UsernameLists.of(json.parse(body)), "POST /chatrooms/{chatroom_id}/blocks/users",
                BlockRoomMembers::new);
    }

    @Delete("/blocks/users/{usernames}")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @EnvelopeAnswer
    @BadRequest
    @ApiName("unblock-room-members")
    public HttpResponse<?> unblock(HttpRequest<?> request, String org, String app, String id, String usernames) {
        var users = RoomRequests.commaList(usernames);
        return users.size() == 1
                ? one(request, org, app, id, "delete", users.getFirst(), "DELETE /chatrooms/{chatroom_id}/blocks/users/{username}",
                        UnblockRoomMember::new)
                : many(request, org, app, id, "delete", users, "DELETE /chatrooms/{chatroom_id}/blocks/users/{usernames}",
                        UnblockRoomMembers::new);
    }

    @Get("/white/users")
    @EnvelopeAnswer
    @BadRequest
    @ApiName("list-allowlist")
    public HttpResponse<?> allowlist(HttpRequest<?> request, String org, String app, String id) {
        return names(request, org, app, id, StateQueries.RoomList.ALLOWLIST);
    }

    @Post("/white/users/{username}")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @EnvelopeAnswer
    @BadRequest
    @Forbidden
    @ApiName("allow-room-member")
    public HttpResponse<?> allowOne(HttpRequest<?> request, String org, String app, String id, String username) {
        return one(request, org, app, id, "post", username, "POST /chatrooms/{chatroom_id}/white/users/{username}", AllowRoomMember::new);
    }

    @Post("/white/users")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @RequestBody(content = @Content(schema = @Schema(implementation = UsernameList.class)))
    @EnvelopeAnswer
    @BadRequest
    @Forbidden
    @ApiName("allow-room-members")
    public HttpResponse<?> allowMany(HttpRequest<?> request, String org, String app, String id, @Nullable @Body String body) {
        return many(request, org, app, id, "post", UsernameLists.of(json.parse(body)), "POST /chatrooms/{chatroom_id}/white/users",
                AllowRoomMembers::new);
    }

    /** Always answered per user, even for one (SPEC G-18). */
    @Delete("/white/users/{usernames}")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @EnvelopeAnswer
    @BadRequest
    @ApiName("disallow-room-members")
    public HttpResponse<?> disallow(HttpRequest<?> request, String org, String app, String id, String usernames) {
        return many(request, org, app, id, "delete", RoomRequests.commaList(usernames),
                "DELETE /chatrooms/{chatroom_id}/white/users/{usernames}", DisallowRoomMembers::new);
    }

    @Get("/mute")
    @EnvelopeAnswer
    @BadRequest
    @ApiName("list-mutes")
    public HttpResponse<?> mutes(HttpRequest<?> request, String org, String app, String id) {
        var tenant = new Tenant(org, app);
        var room = RoomRequests.room(id);
        return reads.route(request, RecordKeys.room(tenant, room), partition -> {
            partition.room(tenant, room).orElseThrow(() -> new ApiException(RoomRequests.roomNotFound(id)));
            var mutes = RoomViews.mutes(partition, tenant, room, System.currentTimeMillis(), apps.roomLimits(tenant));
            return Envelope.of(request, tenant, "get").with("data", mutes).with("count", mutes.size()).ok(request);
        });
    }

    @Post("/mute")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @RequestBody(content = @Content(schema = @Schema(implementation = MuteRequest.class)))
    @EnvelopeAnswer
    @BadRequest
    @Forbidden
    @ApiName("mute-members")
    public HttpResponse<?> mute(HttpRequest<?> request, String org, String app, String id, @Nullable @Body String body) {
        var parsed = json.parse(body);
        var users = UsernameLists.of(parsed);
        if (!parsed.hasNonNull("mute_duration") || !parsed.get("mute_duration").canConvertToLong()) {
            throw RoomController.invalid("mute_duration must be provided");
        }
        long duration = parsed.get("mute_duration").asLong();
        if (duration < -1) {
            throw RoomController.invalid("mute_duration must be -1 (permanent), 0 (cancel) or a positive number of milliseconds");
        }
        return many(request, org, app, id, "post", users, "POST /chatrooms/{chatroom_id}/mute",
                (room, names) -> new MuteRoomMembers(room, names, duration));
    }

    @Delete("/mute/{usernames}")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @EnvelopeAnswer
    @BadRequest
    @ApiName("unmute-members")
    public HttpResponse<?> unmute(HttpRequest<?> request, String org, String app, String id, String usernames) {
        return many(request, org, app, id, "delete", RoomRequests.commaList(usernames), "DELETE /chatrooms/{chatroom_id}/mute/{usernames}",
                UnmuteRoomMembers::new);
    }

    @Post("/ban")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @EnvelopeAnswer
    @BadRequest
    @ApiName("mute-all")
    public HttpResponse<?> muteAll(HttpRequest<?> request, String org, String app, String id) {
        return setMuteAll(request, org, app, id, "post", true);
    }

    @Delete("/ban")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @EnvelopeAnswer
    @BadRequest
    @ApiName("unmute-all")
    public HttpResponse<?> unmuteAll(HttpRequest<?> request, String org, String app, String id) {
        return setMuteAll(request, org, app, id, "delete", false);
    }

    /** Deprecated alias of DELETE (an overview page lists PUT; SPEC G-3). */
    @Put("/ban")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @EnvelopeAnswer
    @BadRequest
    @ApiName("unmute-all")
    public HttpResponse<?> unmuteAllByPut(HttpRequest<?> request, String org, String app, String id) {
        LOG.warn("event=deprecated_alias method=PUT path={} use=DELETE", request.getPath());
        return setMuteAll(request, org, app, id, "put", false);
    }

    private HttpResponse<?> setMuteAll(HttpRequest<?> request, String org, String app, String id, String action, boolean enabled) {
        var tenant = new Tenant(org, app);
        var room = RoomRequests.room(id);
        return rooms.answer(request, tenant, action, writes.execute(request, tenant, AggregateRef.room(room),
                (enabled ? "POST" : "DELETE") + " /chatrooms/{chatroom_id}/ban", new SetRoomMuteAll(room.value(), enabled)));
    }

    private HttpResponse<?> names(HttpRequest<?> request, String org, String app, String id, StateQueries.RoomList list) {
        var tenant = new Tenant(org, app);
        var room = RoomRequests.room(id);
        return reads.route(request, RecordKeys.room(tenant, room), partition -> {
            partition.room(tenant, room).orElseThrow(() -> new ApiException(RoomRequests.roomNotFound(id)));
            var names = partition.names(list, tenant, room);
            return Envelope.of(request, tenant, "get").with("data", names).with("count", names.size()).ok(request);
        });
    }

    private HttpResponse<?> one(HttpRequest<?> request, String org, String app, String id, String action, String username,
                                String api, BiFunction<String, String, Object> command) {
        var tenant = new Tenant(org, app);
        var room = RoomRequests.room(id);
        var user = RoomRequests.users(List.of(username)).getFirst();
        return rooms.answer(request, tenant, action,
                writes.execute(request, tenant, AggregateRef.room(room), api, command.apply(room.value(), user)));
    }

    private HttpResponse<?> many(HttpRequest<?> request, String org, String app, String id, String action, List<String> usernames,
                                 String api, BiFunction<String, List<String>, Object> command) {
        var tenant = new Tenant(org, app);
        var room = RoomRequests.room(id);
        var users = RoomRequests.users(usernames);
        return rooms.answer(request, tenant, action,
                writes.execute(request, tenant, AggregateRef.room(room), api, command.apply(room.value(), users)));
    }
}
