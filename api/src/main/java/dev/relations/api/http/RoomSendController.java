package dev.relations.api.http;

import dev.relations.api.auth.ApiName;
import dev.relations.api.http.docs.EnvelopeAnswer;
import dev.relations.api.query.ReadRouter;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.mapping.RecordKeys;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Whether a user may send messages in a chatroom now (SPEC G-22): a member not on the mute list,
 * and while mute-all is on only the owner, admins and allowlisted members. Ours: Easemob has no
 * such REST call; it is named and shaped like its {@code GET /chatgroups/{id}/user/{username}/is_joined}.
 */
@Controller("/{org}/{app}/chatrooms/{id}/user/{username}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoomSendController {
    private final ReadRouter reads;

    public RoomSendController(ReadRouter reads) {
        this.reads = reads;
    }

    /** {@code data} is a bare boolean; an unknown room is 404 E_ROOM404a, an unknown user simply may not send. */
    @Get("/can_send")
    @EnvelopeAnswer
    @ApiName("can-send")
    public HttpResponse<?> canSend(HttpRequest<?> request, String org, String app, String id, String username) {
        var tenant = new Tenant(org, app);
        var room = RoomRequests.room(id);
        return reads.route(request, RecordKeys.room(tenant, room), partition -> {
            // A name that cannot be a username is no member: the room's existence is all there is to tell.
            var may = Username.isLegal(username)
                    ? partition.canSend(tenant, room, Username.of(username), System.currentTimeMillis())
                    : partition.room(tenant, room).map(info -> false);
            if (may.isEmpty()) {
                throw new ApiException(RoomRequests.roomNotFound(id));
            }
            return Envelope.of(request, tenant, "get").with("data", may.get()).ok(request);
        });
    }
}
