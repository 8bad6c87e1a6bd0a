package dev.relations.api.http;

import dev.relations.query.StateQueries;
import dev.relations.mapping.RecordKeys;
import dev.relations.api.auth.ApiName;
import dev.relations.api.http.docs.BadRequest;
import dev.relations.api.http.docs.EnvelopeAnswer;
import dev.relations.api.query.ReadRouter;
import dev.relations.api.query.RoomViews;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Tenant;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rooms a user has joined (SPEC D.3), newest first; without paging the latest 500. */
@Controller("/{org}/{app}/users/{username}/joined_chatrooms")
@ExecuteOn(TaskExecutors.BLOCKING)
public class JoinedRoomsController {
    static final int UNPAGED = 500;
    static final int MAX_PAGE = 1000;

    private final ReadRouter reads;
    private final JsonBodies json;

    public JoinedRoomsController(ReadRouter reads, JsonBodies json) {
        this.reads = reads;
        this.json = json;
    }

    @Get
    @EnvelopeAnswer
    @BadRequest
    @ApiName("joined-chatrooms")
    public HttpResponse<?> joined(HttpRequest<?> request, String org, String app, String username,
                                  @Nullable @QueryValue String pagenum, @Nullable @QueryValue String pagesize) {
        var tenant = new Tenant(org, app);
        var user = UserController.existing(username);
        boolean paged = pagenum != null || pagesize != null;
        int size = paged ? RoomMemberController.number(pagesize, MAX_PAGE, MAX_PAGE) : UNPAGED;
        int page = Math.max(1, RoomMemberController.number(pagenum, 1, Integer.MAX_VALUE));
        List<String> roomIds = reads.readFrom(request, RecordKeys.user(tenant, user), request.getUri().toString(),
                partition -> {
                    ReadRouter.requireUser(partition, tenant, user);
                    long from = (long) (page - 1) * size;
                    long upTo = Math.min(Integer.MAX_VALUE, from + size);
                    var ids = partition.newestFirst(StateQueries.OwnerList.JOINED_ROOMS, tenant, user, Long.MAX_VALUE, (int) upTo)
                            .stream().map(StateQueries.Ordered::name).toList();
                    return from >= ids.size() ? List.<String>of() : ids.subList((int) from, ids.size());
                },
                bytes -> {
                    var ids = new ArrayList<String>();
                    json.tree(new String(bytes, StandardCharsets.UTF_8)).get("data").forEach(r -> ids.add(r.get("id").asText()));
                    return ids;
                });
        var rooms = new ArrayList<Map<String, Object>>();
        for (var id : roomIds) {
            var room = new RoomId(id);
            String name;
            try {
                name = reads.readFrom(request, RecordKeys.room(tenant, room), "/" + org + "/" + app + "/chatrooms/" + id,
                        partition -> partition.room(tenant, room).map(r -> r.name()).orElse(null),
                        bytes -> json.tree(new String(bytes, StandardCharsets.UTF_8)).get("data").get(0).get("name").asText());
            } catch (ApiException e) {
                // A room deleted while its seat release is still on its way is no longer listed.
                if (e.rejection().status() != 404) {
                    throw e;
                }
                name = null;
            }
            if (name == null) {
                continue;
            }
            var line = new LinkedHashMap<String, Object>();
            line.put("id", id);
            line.put("name", name);
            line.put("disabled", "false");
            rooms.add(line);
        }
        return Envelope.of(request, tenant, "get").with("data", rooms).with("count", rooms.size())
                .withParams(request, "pagesize", "pagenum").with("properties", Map.of()).ok(request);
    }
}
