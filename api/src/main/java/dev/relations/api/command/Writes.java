package dev.relations.api.command;

import dev.relations.mapping.RecordKeys;
import dev.relations.api.http.ApiException;
import dev.relations.domain.common.AggregateRef;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.api.auth.AuthFilter;
import dev.relations.schemas.Actor;
import dev.relations.schemas.Outcome;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * A write as a controller sees it: one command to one user's aggregate, answered by the
 * processor's verdict; a refusal surfaces as the Easemob error it maps to.
 */
@Singleton
public class Writes {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private final CommandBus bus;

    public Writes(CommandBus bus) {
        this.bus = bus;
    }

    /** Sends and waits; returns the accepted outcome or throws its rejection. */
    public Outcome execute(HttpRequest<?> request, Tenant tenant, Username aggregate, String api, Object body) {
        return execute(request, tenant, AggregateRef.user(aggregate), api, body);
    }

    public Outcome execute(HttpRequest<?> request, Tenant tenant, AggregateRef aggregate, String api, Object body) {
        return await(bus.send(RecordKeys.of(tenant, aggregate), tenant, origin(request, tenant, "", aggregate), api, body));
    }

    /**
     * Sends without waiting. {@code part} tells apart the commands of one request that
     * writes several aggregates (batch registration), so each keeps its own idempotency.
     */
    public CompletableFuture<Outcome> submit(HttpRequest<?> request, Tenant tenant, Username aggregate, String api,
                                             Object body, String part) {
        return bus.send(RecordKeys.user(tenant, aggregate), tenant, origin(request, tenant, part, AggregateRef.user(aggregate)),
                api, body);
    }

    /** The verdict of an accepted write, or its rejection thrown as the Easemob error. */
    public static Outcome await(CompletableFuture<Outcome> pending) {
        Outcome outcome;
        try {
            outcome = pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timeout();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof TimeoutException ? timeout() : unavailable();
        }
        if (outcome.getStatus() >= 300) {
            throw new ApiException(rejectionOf(outcome));
        }
        return outcome;
    }

    public static Rejection rejectionOf(Outcome outcome) {
        return new Rejection(outcome.getStatus(), outcome.getError(), outcome.getException(), outcome.getErrorDescription());
    }

    /** The request id, who asks, and the Idempotency-Key, as the command carries them. */
    private static CommandBus.Origin origin(HttpRequest<?> request, Tenant tenant, String part, AggregateRef aggregate) {
        var key = request.getHeaders().get(IDEMPOTENCY_KEY);
        boolean keyed = key != null && !key.isBlank();
        // Same key, same request id: the processor answers a retry with the first verdict.
        var requestId = keyed
                ? UUID.nameUUIDFromBytes((tenant.appKey() + "|" + key + "|" + part).getBytes(StandardCharsets.UTF_8)).toString()
                : UUID.randomUUID().toString();
        return new CommandBus.Origin(requestId, actor(request, aggregate), keyed ? key : null);
    }

    /**
     * SPEC E.5 actor: the app admin for a call with an app token (the only token this service
     * issues); a registration without a token (open registration) is the user's own.
     */
    private static Actor actor(HttpRequest<?> request, AggregateRef aggregate) {
        boolean appAdmin = request.getAttribute(AuthFilter.APP_ADMIN, Boolean.class).orElse(false);
        if (!appAdmin && aggregate instanceof AggregateRef.UserRef user) {
            return new Actor("user", user.name().value());
        }
        return new Actor("app_admin", "@ppAdmin");
    }

    private static ApiException timeout() {
        return new ApiException(408, "request_timeout", "RequestTimeoutException",
                "The request timed out before its result was known; retry it with the same Idempotency-Key");
    }

    private static ApiException unavailable() {
        return new ApiException(503, "service_unavailable", "ServiceUnavailableException",
                "The request could not be sent, please retry");
    }
}
