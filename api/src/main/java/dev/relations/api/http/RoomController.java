package dev.relations.api.http;

import dev.relations.mapping.RecordKeys;
import com.fasterxml.jackson.databind.JsonNode;
import dev.relations.api.auth.ApiName;
import dev.relations.api.command.Writes;
import dev.relations.api.http.docs.BadRequest;
import dev.relations.api.http.docs.EnvelopeAnswer;
import dev.relations.api.http.docs.Forbidden;
import dev.relations.api.http.docs.RoomCreation;
import dev.relations.api.http.docs.RoomUpdate;
import dev.relations.api.http.docs.IdempotentWrite;
import dev.relations.api.query.NewestFirst;
import dev.relations.api.query.ReadRouter;
import dev.relations.api.query.RoomViews;
import dev.relations.domain.common.AggregateRef;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Tenant;
import dev.relations.api.config.Apps;
import dev.relations.schemas.CreateRoom;
import dev.relations.schemas.ReleaseRoom;
import dev.relations.schemas.ReserveRoom;
import dev.relations.schemas.DeleteRoom;
import dev.relations.schemas.Outcome;
import dev.relations.schemas.TransferRoomOwner;
import dev.relations.schemas.UpdateRoom;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import org.apache.kafka.common.serialization.Serdes;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Chatrooms (SPEC D.3): create, detail, update or transfer, delete. */
@Controller("/{org}/{app}/chatrooms")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoomController {
    static final int MAX_DETAIL_IDS = 100;
    private static final Set<String> UPDATABLE = Set.of("name", "description", "maxusers");
    private static final String CREATE_API = "POST /chatrooms";

    private final Writes writes;
    private final ReadRouter reads;
    private final JsonBodies json;
    private final Apps apps;

    public RoomController(Writes writes, ReadRouter reads, JsonBodies json, Apps apps) {
        this.writes = writes;
        this.apps = apps;
        this.reads = reads;
        this.json = json;
    }

    @Post
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @RequestBody(content = @Content(schema = @Schema(implementation = RoomCreation.class)))
    @EnvelopeAnswer
    @BadRequest
    @ApiName("create-chatroom")
    public HttpResponse<?> create(HttpRequest<?> request, String org, String app, @Nullable @Body String body) {
        var tenant = new Tenant(org, app);
        JsonNode room = json.parse(body);
        if (!room.isObject()) {
            throw invalid("request body must be a chatroom object");
        }
        var name = required(room, "name");
        var description = required(room, "description");
        var owner = required(room, "owner");
        Integer maxusers = room.hasNonNull("maxusers") ? intField(room, "maxusers") : null;
        var members = new ArrayList<String>();
        if (room.has("members")) {
            if (!room.get("members").isArray() || room.get("members").isEmpty()) {
                throw invalid("members must be a non-empty list of user IDs");
            }
            room.get("members").forEach(m -> members.add(m.asText()));
        }
        var custom = room.hasNonNull("custom") ? room.get("custom").asText() : "";
        var chosen = room.hasNonNull("groupid") ? room.get("groupid") : room.get("roomid");
        var chosenId = chosen == null || chosen.isNull() ? null : RoomRequests.chosenRoomId(chosen.asText());
        var ownerName = RoomRequests.users(List.of(owner)).getFirst();
        var memberNames = RoomRequests.users(members);
        // Claimed last, after every check that can refuse the request: nothing may throw between the claim and the write.
        var id = chosenId != null ? chosenId : writes.claim(request, tenant, CREATE_API)
                .map(key -> RoomRequests.roomIdAt(key.claimedAt(), key.digest()))
                .orElseGet(RoomRequests::newRoomId);
        var create = new CreateRoom(id.value(), name, description, maxusers, ownerName, memberNames, custom);
        if (!apps.appLimits(tenant).roomQuota()) {
            return answer(request, tenant, "post", writes.execute(request, tenant, AggregateRef.room(id), CREATE_API, create));
        }
        // Under a room quota the app holds a place first (403 exceed_limit when none is left); a
        // refused creation gives it back, and a place nobody gives back runs out on its own.
        writes.executePart(request, tenant, AggregateRef.app(), CREATE_API, new ReserveRoom(id.value()), "reserve-room");
        try {
            return answer(request, tenant, "post", writes.execute(request, tenant, AggregateRef.room(id), CREATE_API, create));
        } catch (ApiException refused) {
            // Unless the outcome is unknown (408, 503): then the room may yet be created, and counted.
            int status = refused.rejection().status();
            if (status != 408 && status != 503) {
                writes.publish(request, tenant, AggregateRef.app(), CREATE_API, new ReleaseRoom(id.value()));
            }
            throw refused;
        }
    }

    /**
     * Every room of the app, by id (creation order), {@code limit} ≤ 1000 (default 10) with a cursor.
     * Rooms live on every partition: each instance answers for its own, and the one asked merges.
     */
    @Get
    @EnvelopeAnswer
    @BadRequest
    @ApiName("list-chatrooms")
    public HttpResponse<?> list(HttpRequest<?> request, String org, String app,
                                @Nullable @QueryValue String limit,
                                @Nullable @QueryValue String cursor) {
        var tenant = new Tenant(org, app);
        var all = new TreeMap<BigInteger, Object>();
        localRooms(tenant).forEach(r -> all.put(new BigInteger((String) r.get("id")), r));
        if (reads.isForwarded(request)) {
            return Envelope.of(request, tenant, "get").with("data", List.copyOf(all.values())).ok(request);
        }
        for (var answer : reads.askOtherInstances(request, "/" + org + "/" + app + "/chatrooms")) {
            json.tree(new String(answer, StandardCharsets.UTF_8)).get("data")
                    .forEach(r -> all.put(new BigInteger(r.get("id").asText()), r));
        }
        int size = RoomMemberController.number(limit, 10, 1000);
        var after = cursor == null || cursor.isBlank() ? BigInteger.ZERO
                : new BigInteger(Long.toString(NewestFirst.decode(cursor)));
        var rest = all.tailMap(after, false);
        var page = rest.values().stream().limit(size).toList();
        var envelope = Envelope.of(request, tenant, "get").with("data", page).with("count", page.size());
        if (rest.size() > size) {
            envelope.with("cursor", NewestFirst.encode(
                    rest.keySet().stream().skip(size - 1L).findFirst().orElseThrow().longValueExact()));
        }
        return envelope.ok(request);
    }

    private List<Map<String, Object>> localRooms(Tenant tenant) {
        var rooms = new ArrayList<Map<String, Object>>();
        for (var room : reads.allLocal(state -> state.rooms(tenant))) {
            var line = new LinkedHashMap<String, Object>();
            line.put("id", room.id().value());
            line.put("name", room.name());
            line.put("owner", room.owner());
            line.put("affiliations_count", room.memberCount());
            rooms.add(line);
        }
        return rooms;
    }

    @Get("/{ids}")
    @EnvelopeAnswer
    @BadRequest
    @ApiName("chatroom-details")
    public HttpResponse<?> detail(HttpRequest<?> request, String org, String app, String ids) {
        var tenant = new Tenant(org, app);
        var wanted = RoomRequests.commaList(ids);
        if (wanted.size() > MAX_DETAIL_IDS) {
            throw invalid("chatroom ids are more than max limit : " + MAX_DETAIL_IDS);
        }
        var found = new ArrayList<Object>();
        for (var raw : wanted) {
            if (!raw.matches("[1-9][0-9]{1,17}")) {
                continue;
            }
            var room = new RoomId(raw);
            try {
                found.add(reads.readFrom(request, RecordKeys.room(tenant, room),
                        "/" + org + "/" + app + "/chatrooms/" + raw,
                        partition -> partition.room(tenant, room)
                                .map(info -> (Object) RoomViews.detail(partition, tenant, info))
                                .orElseThrow(() -> new ApiException(RoomRequests.groupNotFound(raw))),
                        bytes -> (Object) json.tree(new String(bytes, StandardCharsets.UTF_8)).get("data").get(0)));
            } catch (ApiException e) {
                if (e.rejection().status() != 404) {
                    throw e;
                }
            }
        }
        if (found.isEmpty()) {
            throw new ApiException(RoomRequests.groupNotFound(ids));
        }
        return Envelope.of(request, tenant, "get").with("data", found).with("count", found.size()).ok(request);
    }

    @Put("/{id}")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @RequestBody(content = @Content(schema = @Schema(implementation = RoomUpdate.class)))
    @EnvelopeAnswer
    @BadRequest
    @Forbidden
    @ApiName("update-chatroom")
    public HttpResponse<?> update(HttpRequest<?> request, String org, String app, String id, @Nullable @Body String body) {
        var tenant = new Tenant(org, app);
        var room = RoomRequests.room(id);
        JsonNode fields = json.parse(body);
        if (!fields.isObject()) {
            throw invalid("request body must be an object");
        }
        if (fields.has("newowner")) {
            if (fields.size() > 1) {
                throw invalid("newowner can not be changed together with other fields");
            }
            var newOwner = RoomRequests.users(List.of(fields.get("newowner").asText())).getFirst();
            var outcome = writes.execute(request, tenant, AggregateRef.room(room), "PUT /chatrooms/{chatroom_id}",
                    new TransferRoomOwner(room.value(), newOwner));
            return answer(request, tenant, "put", outcome);
        }
        var unknown = new ArrayList<String>();
        fields.fieldNames().forEachRemaining(f -> {
            if (!UPDATABLE.contains(f)) {
                unknown.add(f);
            }
        });
        if (!unknown.isEmpty()) {
            throw invalid("some of " + unknown + " are not valid fields");
        }
        var outcome = writes.execute(request, tenant, AggregateRef.room(room), "PUT /chatrooms/{chatroom_id}",
                new UpdateRoom(room.value(),
                        fields.hasNonNull("name") ? fields.get("name").asText() : null,
                        fields.hasNonNull("description") ? fields.get("description").asText() : null,
                        fields.hasNonNull("maxusers") ? intField(fields, "maxusers") : null));
        return answer(request, tenant, "put", outcome);
    }

    @Delete("/{id}")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @EnvelopeAnswer
    @BadRequest
    @ApiName("delete-chatroom")
    public HttpResponse<?> delete(HttpRequest<?> request, String org, String app, String id) {
        var tenant = new Tenant(org, app);
        var room = RoomRequests.room(id);
        var outcome = writes.execute(request, tenant, AggregateRef.room(room), "DELETE /chatrooms/{chatroom_id}",
                new DeleteRoom(room.value()));
        return answer(request, tenant, "delete", outcome);
    }

    /** A write's success body: the envelope with the processor's {@code data}. */
    HttpResponse<?> answer(HttpRequest<?> request, Tenant tenant, String action, Outcome outcome) {
        return Envelope.of(request, tenant, action).with("data", json.tree(outcome.getDataJson())).ok(request);
    }

    private static String required(JsonNode node, String field) {
        if (!node.hasNonNull(field) || node.get(field).asText().isBlank()) {
            throw invalid(field + " must be provided");
        }
        return node.get(field).asText();
    }

    private static int intField(JsonNode node, String field) {
        var value = node.get(field);
        if (!value.canConvertToInt()) {
            throw invalid(field + " must be an integer");
        }
        return value.asInt();
    }

    static ApiException invalid(String description) {
        return new ApiException(new Rejection(400, "invalid_parameter", "IllegalArgumentException", description));
    }

}
