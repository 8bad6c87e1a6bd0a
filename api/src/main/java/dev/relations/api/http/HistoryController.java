package dev.relations.api.http;

import dev.relations.api.auth.ApiName;
import dev.relations.api.http.docs.BadRequest;
import dev.relations.api.http.docs.EnvelopeAnswer;
import dev.relations.api.query.NewestFirst;
import dev.relations.api.query.ReadRouter;
import dev.relations.domain.common.AggregateRef;
import dev.relations.domain.common.Tenant;
import dev.relations.mapping.RecordKeys;
import dev.relations.query.StateQueries;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.json.AvroJson;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An aggregate's history (an extension of the SPEC): its published events newest first, in
 * pages of {@code limit} (≤ 100, default 10) with a cursor, filtered by {@code types} (a comma
 * list; {@code contact.*} is a prefix) and by {@code since}/{@code until} (ms, inclusive). Read
 * from the aggregate's history in the state store: a page costs its own entries plus those the
 * filters pass over, whatever the history's length.
 */
@Controller("/{org}/{app}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HistoryController {
    static final int DEFAULT_PAGE = 10;
    static final int MAX_PAGE = 100;

    private final ReadRouter reads;

    public HistoryController(ReadRouter reads) {
        this.reads = reads;
    }

    @Get("/users/{username}/history")
    @EnvelopeAnswer
    @BadRequest
    @ApiName("user-history")
    public HttpResponse<?> user(HttpRequest<?> request, String org, String app, String username,
                                @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor,
                                @Nullable @QueryValue String since, @Nullable @QueryValue String until,
                                @Nullable @QueryValue String types) {
        var tenant = new Tenant(org, app);
        var user = UserController.existing(username);
        return history(request, tenant, AggregateRef.user(user), RecordKeys.user(tenant, user), Query.of(limit, cursor, since, until, types),
                state -> state.userExists(tenant, user), ApiException::userNotFound);
    }

    @Get("/chatrooms/{id}/history")
    @EnvelopeAnswer
    @BadRequest
    @ApiName("chatroom-history")
    public HttpResponse<?> room(HttpRequest<?> request, String org, String app, String id,
                                @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor,
                                @Nullable @QueryValue String since, @Nullable @QueryValue String until,
                                @Nullable @QueryValue String types) {
        var tenant = new Tenant(org, app);
        var room = RoomRequests.room(id);
        return history(request, tenant, AggregateRef.room(room), RecordKeys.room(tenant, room), Query.of(limit, cursor, since, until, types),
                state -> state.room(tenant, room).isPresent(), () -> new ApiException(RoomRequests.roomNotFound(id)));
    }

    /** A page of the aggregate's history; an empty first page of an aggregate that does not exist is its 404. */
    private HttpResponse<?> history(HttpRequest<?> request, Tenant tenant, AggregateRef aggregate, String key, Query query,
                                    Predicate<StateQueries> exists, Supplier<ApiException> missing) {
        return reads.route(request, key, partition -> {
            var page = query.page(partition, tenant, aggregate);
            if (page.isEmpty() && query.belowSeq() == Long.MAX_VALUE && !exists.test(partition)) {
                throw missing.get();
            }
            return query.answer(request, tenant, page);
        });
    }

    /** One page request: size, where it starts, and which events it keeps. */
    private record Query(int size, long belowSeq, Predicate<EventEnvelope> wanted) {
        static Query of(String limit, String cursor, String since, String until, String types) {
            int size = RoomMemberController.number(limit, DEFAULT_PAGE, MAX_PAGE);
            long below = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : NewestFirst.decode(cursor);
            long from = millis(since, "since", Long.MIN_VALUE);
            long to = millis(until, "until", Long.MAX_VALUE);
            List<String> patterns = types == null || types.isBlank() ? List.of()
                    : Arrays.stream(types.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
            Predicate<EventEnvelope> wanted = e -> e.getOccurredAt() >= from && e.getOccurredAt() <= to
                    && (patterns.isEmpty() || patterns.stream().anyMatch(p -> p.endsWith("*")
                            ? e.getEventType().startsWith(p.substring(0, p.length() - 1)) : e.getEventType().equals(p)));
            return new Query(size, below, wanted);
        }

        /** One more than the page, to know whether a cursor is due. */
        List<EventEnvelope> page(StateQueries state, Tenant tenant, AggregateRef aggregate) {
            return state.history(tenant, aggregate, belowSeq, size + 1, wanted);
        }

        HttpResponse<?> answer(HttpRequest<?> request, Tenant tenant, List<EventEnvelope> page) {
            var shown = page.subList(0, Math.min(size, page.size()));
            var envelope = Envelope.of(request, tenant, "get")
                    .with("entities", shown.stream().map(AvroJson::record).toList())
                    .with("count", shown.size());
            if (page.size() > size) {
                envelope.with("cursor", NewestFirst.encode(shown.getLast().getSeq()));
            }
            return envelope.ok(request);
        }

        private static long millis(String value, String name, long absent) {
            if (value == null || value.isBlank()) {
                return absent;
            }
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw ApiException.illegalArgument(name + " must be a time in ms since the epoch");
            }
        }
    }
}
