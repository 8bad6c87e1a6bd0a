package dev.relations.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relations.api.auth.ApiName;
import dev.relations.api.http.docs.BadRequest;
import dev.relations.api.http.docs.EnvelopeAnswer;
import dev.relations.api.query.ReadRouter;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.query.StateQueries.CreationPosition;
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
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;

/**
 * {@code GET /users?limit=&cursor=} (SPEC B.3): the app's users in creation order. Users live on
 * every partition: each one pages its own in creation order, and the instance asked merges the
 * pages of every instance, so a page costs {@code limit} reads per partition, not the user count.
 */
@Controller("/{org}/{app}/users")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UserListController {
    static final int DEFAULT_PAGE = 10;
    static final int MAX_PAGE = 100;

    private final ReadRouter reads;
    private final JsonBodies json;

    public UserListController(ReadRouter reads, JsonBodies json) {
        this.reads = reads;
        this.json = json;
    }

    /** One user of a merged page: where it sorts, and its entity as answered. */
    private record Listed(long created, String username, Object entity) {
    }

    /** {@code limit} 1 to 100 (default 10, more is 100); {@code cursor} from the previous page, absent on the last. */
    @Get
    @EnvelopeAnswer
    @BadRequest
    @ApiName("list-users")
    public HttpResponse<?> list(HttpRequest<?> request, String org, String app, @Nullable @QueryValue String limit,
                                @Nullable @QueryValue String cursor) {
        var tenant = new Tenant(org, app);
        int size = RoomMemberController.number(limit, DEFAULT_PAGE, MAX_PAGE);
        var after = cursor == null || cursor.isBlank() ? Optional.<CreationPosition>empty() : Optional.of(decode(cursor));
        var listed = new ArrayList<Listed>();
        reads.eachLocalPartition(state -> state.usersCreatedAfter(tenant, after, size + 1))
                .forEach(u -> listed.add(new Listed(u.getCreated(), u.getUsername(), Entities.user(u))));
        for (var answer : reads.askOtherInstances(request, request.getUri().toString())) {
            json.tree(new String(answer, StandardCharsets.UTF_8)).path("entities").forEach(
                    (JsonNode u) -> listed.add(new Listed(u.path("created").asLong(), u.path("username").asText(), u)));
        }
        listed.sort(Comparator.comparingLong(Listed::created).thenComparing(Listed::username));
        // A forwarded request answers its instance's part whole: the instance asked decides where the page ends.
        var page = reads.isForwarded(request) ? listed : listed.subList(0, Math.min(size, listed.size()));
        var envelope = Envelope.of(request, tenant, "get")
                .with("path", "/users")
                .withParams(request, "limit", "cursor")
                .with("entities", page.stream().map(Listed::entity).toList())
                .with("count", page.size());
        if (page.size() < listed.size()) {
            envelope.with("cursor", encode(page.getLast()));
        }
        return envelope.ok(request);
    }

    private static String encode(Listed last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.created() + "|" + last.username()).getBytes(StandardCharsets.UTF_8));
    }

    private static CreationPosition decode(String cursor) {
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            var name = text.substring(bar + 1);
            if (bar < 1 || !Username.isLegal(name)) {
                throw new IllegalArgumentException(cursor);
            }
            return new CreationPosition(Long.parseLong(text.substring(0, bar)), Username.of(name));
        } catch (IllegalArgumentException e) {
            throw ApiException.illegalArgument("invalid cursor: " + cursor);
        }
    }
}
