package dev.relations.api.http;

import dev.relations.query.StateQueries;
import dev.relations.mapping.RecordKeys;
import dev.relations.api.auth.ApiName;
import dev.relations.api.command.Writes;
import dev.relations.api.http.docs.EnvelopeAnswer;
import dev.relations.api.http.docs.Forbidden;
import dev.relations.api.http.docs.IdempotentWrite;
import dev.relations.api.query.NewestFirst;
import dev.relations.api.query.ReadRouter;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.schemas.AddContact;
import dev.relations.schemas.RemoveContact;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Optional;

/** Contacts (SPEC C.2, C.3, C.6): mutual add and remove, the full list, and whether two users are friends. */
@Controller("/{org}/{app}/users/{owner}/contacts/users")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ContactController {
    private final Writes writes;
    private final ReadRouter reads;

    public ContactController(Writes writes, ReadRouter reads) {
        this.writes = writes;
        this.reads = reads;
    }

    @Post("/{friend}")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @EnvelopeAnswer
    @Forbidden
    @ApiName("add-contact")
    public HttpResponse<?> add(HttpRequest<?> request, String org, String app, String owner, String friend) {
        var tenant = new Tenant(org, app);
        var self = UserController.existing(owner);
        var other = UserController.existing(friend);
        var outcome = writes.execute(request, tenant, self, "POST /users/{owner_username}/contacts/users/{friend_username}",
                new AddContact(self.value(), other.value(), "rest", true));
        return answer(request, tenant, "post", outcome);
    }

    @Delete("/{friend}")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @EnvelopeAnswer
    @ApiName("remove-contact")
    public HttpResponse<?> remove(HttpRequest<?> request, String org, String app, String owner, String friend) {
        var tenant = new Tenant(org, app);
        var self = UserController.existing(owner);
        var other = UserController.existing(friend);
        var outcome = writes.execute(request, tenant, self, "DELETE /users/{owner_username}/contacts/users/{friend_username}",
                new RemoveContact(self.value(), other.value()));
        return answer(request, tenant, "delete", outcome);
    }

    private static HttpResponse<?> answer(HttpRequest<?> request, Tenant tenant, String action, dev.relations.schemas.Outcome outcome) {
        return Envelope.of(request, tenant, action)
                .withInternalPath("/users/" + outcome.getSubjectUuid() + "/contacts")
                .with("entities", Entities.users(outcome.getEntities()))
                .ok(request);
    }

    /**
     * Whether the owner and the user are friends (SPEC C.1's {@code isFriend}): {@code data} is a bare
     * boolean, as Easemob's {@code is_joined} answers. Ours: Easemob has no such REST call. An unknown
     * owner is 404; an unknown friend is simply not a friend.
     */
    @Get("/{friend}/is_friend")
    @EnvelopeAnswer
    @ApiName("is-friend")
    public HttpResponse<?> isFriend(HttpRequest<?> request, String org, String app, String owner, String friend) {
        var tenant = new Tenant(org, app);
        var self = UserController.existing(owner);
        return reads.route(request, RecordKeys.user(tenant, self), partition -> {
            ReadRouter.requireUser(partition, tenant, self);
            boolean friends = Username.isLegal(friend) && partition.isFriend(tenant, self, Username.of(friend));
            return Envelope.of(request, tenant, "get").with("data", friends).ok(request);
        });
    }

    /** Every friend, newest friendship first (usernames only, as the official SDK parses them). */
    @Get
    @EnvelopeAnswer
    @ApiName("list-contacts")
    public HttpResponse<?> list(HttpRequest<?> request, String org, String app, String owner) {
        var tenant = new Tenant(org, app);
        var self = UserController.existing(owner);
        return reads.route(request, RecordKeys.user(tenant, self), partition -> {
            var names = NewestFirst.page(partition, StateQueries.OwnerList.CONTACTS, tenant, self, Optional.empty(),
                    Integer.MAX_VALUE).names();
            ReadRouter.requireOwner(partition, tenant, self, names);
            return Envelope.of(request, tenant, "get")
                    .with("data", names)
                    .with("count", names.size())
                    .ok(request);
        });
    }
}
