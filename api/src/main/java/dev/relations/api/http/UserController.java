package dev.relations.api.http;

import dev.relations.mapping.RecordKeys;
import com.fasterxml.jackson.databind.JsonNode;
import dev.relations.api.auth.ApiName;
import dev.relations.api.auth.Passwords;
import dev.relations.api.command.Writes;
import dev.relations.api.http.docs.BadRequest;
import dev.relations.api.http.docs.EnvelopeAnswer;
import dev.relations.api.http.docs.UserRegistration;
import dev.relations.api.http.docs.IdempotentWrite;
import dev.relations.api.query.ReadRouter;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.schemas.ActivateUser;
import dev.relations.schemas.DeactivateUser;
import dev.relations.schemas.DeleteUser;
import dev.relations.schemas.RegisterUser;
import dev.relations.schemas.UserView;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Users (SPEC B.3): register single and batch, get, delete, deactivate and activate. */
@Controller("/{org}/{app}/users")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UserController {
    static final int MAX_BATCH = 60;
    static final int MAX_NICKNAME = 100;
    static final int MAX_PASSWORD = 64;
    static final int MAX_USERNAME = 64;

    private final Writes writes;
    private final ReadRouter reads;
    private final JsonBodies json;

    public UserController(Writes writes, ReadRouter reads, JsonBodies json) {
        this.writes = writes;
        this.reads = reads;
        this.json = json;
    }

    @Post
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @RequestBody(description = "one user, or an array of up to 60",
            content = @Content(schema = @Schema(implementation = UserRegistration.class)))
    @EnvelopeAnswer
    @BadRequest
    @ApiName("register-users")
    public HttpResponse<?> register(HttpRequest<?> request, String org, String app, @Nullable @Body String body) {
        var tenant = new Tenant(org, app);
        JsonNode parsed = json.parse(body);
        if (parsed.isArray()) {
            return registerBatch(request, tenant, parsed);
        }
        if (!parsed.isObject()) {
            throw ApiException.illegalArgument("request body must be a user object or an array of users");
        }
        var command = registration(parsed, System.currentTimeMillis());
        var outcome = writes.execute(request, tenant, Username.of(command.getUser().getUsername()), "POST /users", command);
        return Envelope.of(request, tenant, "post")
                .with("path", "/users")
                .with("entities", Entities.users(outcome.getEntities()))
                .ok(request);
    }

    private HttpResponse<?> registerBatch(HttpRequest<?> request, Tenant tenant, JsonNode users) {
        if (users.size() > MAX_BATCH) {
            throw ApiException.illegalArgument("Request body array size[" + users.size()
                    + "] had almost reached or been greater than the upper range value[" + MAX_BATCH + "]");
        }
        long now = System.currentTimeMillis();
        var commands = new ArrayList<RegisterUser>();
        var passwords = new HashMap<String, String>();
        for (var node : users) {
            if (!node.isObject()) {
                throw ApiException.illegalArgument("every element of the request body must be a user object");
            }
            var command = registration(node, now);
            var name = command.getUser().getUsername();
            var password = node.get("password").asText();
            var earlier = passwords.putIfAbsent(name, password);
            if (earlier != null && !earlier.equals(password)) {
                throw new ApiException(400, "duplicate_unique_property_exists", "DuplicateUniquePropertyExistsException",
                        "the same user " + name + " has a different password, the passwords are " + earlier + "," + password);
            }
            if (earlier == null) {
                commands.add(command);
            }
        }
        var pending = writes.submitAll(request, tenant, "POST /users", commands.stream()
                .map(c -> new Writes.Part(Username.of(c.getUser().getUsername()), "batch-" + c.getUser().getUsername(), c))
                .toList());
        var created = new ArrayList<Map<String, Object>>();
        var failed = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < pending.size(); i++) {
            var name = commands.get(i).getUser().getUsername();
            try {
                created.addAll(Entities.users(Writes.await(pending.get(i)).getEntities()));
            } catch (ApiException e) {
                var reason = e.rejection().error().equals("duplicate_unique_property_exists")
                        ? "the " + name + " already exists"
                        : e.rejection().description();
                var failure = new LinkedHashMap<String, Object>();
                failure.put("username", name);
                failure.put("registerUserFailReason", reason);
                failed.add(failure);
            }
        }
        var envelope = Envelope.of(request, tenant, "post").with("path", "/users").with("entities", created);
        if (!failed.isEmpty()) {
            envelope.with("data", failed);
        }
        return envelope.ok(request);
    }

    private static RegisterUser registration(JsonNode node, long now) {
        var username = node.hasNonNull("username") ? node.get("username").asText() : "";
        if (username.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_USERNAME) {
            throw ApiException.illegalArgument("USERNAME_TOO_LONG");
        }
        if (!Username.isLegal(username)) {
            throw ApiException.illegalArgument("username " + username + " is not legal");
        }
        var password = node.hasNonNull("password") ? node.get("password").asText() : "";
        if (password.isEmpty()) {
            throw ApiException.illegalArgument("password or pin must provided");
        }
        if (password.length() > MAX_PASSWORD) {
            throw ApiException.illegalArgument("PASSWORD_TOO_LONG");
        }
        var nickname = node.hasNonNull("nickname") ? node.get("nickname").asText() : null;
        if (nickname != null && nickname.length() > MAX_NICKNAME) {
            throw ApiException.illegalArgument("NICKNAME_TOO_LONG");
        }
        var user = new UserView(UUID.randomUUID().toString(), Username.of(username).value(), now, now, true, nickname);
        return new RegisterUser(user, Passwords.hash(password));
    }

    @Get("/{username}")
    @EnvelopeAnswer
    @ApiName("get-user")
    public HttpResponse<?> get(HttpRequest<?> request, String org, String app, String username) {
        var tenant = new Tenant(org, app);
        var user = existing(username);
        return reads.route(request, RecordKeys.user(tenant, user), partition -> {
            var stored = partition.user(tenant, user).orElseThrow(ApiException::userNotFound);
            return Envelope.of(request, tenant, "get")
                    .with("path", "/users")
                    .with("entities", List.of(Entities.user(stored)))
                    .with("count", 1)
                    .ok(request);
        });
    }

    @Delete("/{username}")
    @IdempotentWrite
    @EnvelopeAnswer
    @ApiName("delete-user")
    public HttpResponse<?> delete(HttpRequest<?> request, String org, String app, String username) {
        var tenant = new Tenant(org, app);
        var user = existing(username);
        var outcome = writes.execute(request, tenant, user, "DELETE /users/{username}", new DeleteUser(user.value()));
        return Envelope.of(request, tenant, "delete")
                .with("path", "/users")
                .with("entities", Entities.users(outcome.getEntities()))
                .ok(request);
    }

    /** The user can no longer log in; contacts, blocklists and chatrooms keep them (SPEC B.3). */
    @Post("/{username}/deactivate")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @EnvelopeAnswer
    @ApiName("deactivate-user")
    public HttpResponse<?> deactivate(HttpRequest<?> request, String org, String app, String username) {
        var user = existing(username);
        return activation(request, new Tenant(org, app), user, "Deactivate user", "POST /users/{username}/deactivate",
                new DeactivateUser(user.value()));
    }

    @Post("/{username}/activate")
    @IdempotentWrite
    @Consumes(MediaType.ALL)
    @EnvelopeAnswer
    @ApiName("activate-user")
    public HttpResponse<?> activate(HttpRequest<?> request, String org, String app, String username) {
        var user = existing(username);
        return activation(request, new Tenant(org, app), user, "activate user", "POST /users/{username}/activate",
                new ActivateUser(user.value()));
    }

    /** Easemob names these two actions with a sentence; the entity shows the user's {@code activated} now. */
    private HttpResponse<?> activation(HttpRequest<?> request, Tenant tenant, Username user, String action, String api,
                                       Object command) {
        var outcome = writes.execute(request, tenant, user, api, command);
        return Envelope.of(request, tenant, action)
                .with("path", "/users")
                .with("entities", Entities.users(outcome.getEntities()))
                .ok(request);
    }

    /** A name that cannot be legal cannot exist either. */
    static Username existing(String raw) {
        if (!Username.isLegal(raw)) {
            throw ApiException.userNotFound();
        }
        return Username.of(raw);
    }
}
