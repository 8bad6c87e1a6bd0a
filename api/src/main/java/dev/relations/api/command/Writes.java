package dev.relations.api.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relations.mapping.RecordKeys;
import dev.relations.api.http.ApiException;
import dev.relations.domain.common.AggregateRef;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.api.auth.AuthFilter;
import dev.relations.schemas.Actor;
import dev.relations.schemas.ClaimIdempotencyKey;
import dev.relations.schemas.Outcome;
import dev.relations.schemas.SettleIdempotencyKey;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * A write as a controller sees it: one command to one aggregate, answered by the processor's
 * verdict; a refusal surfaces as the Easemob error it maps to.
 *
 * <p>A write with an {@code Idempotency-Key} first claims the key at the key's own aggregate
 * (once per HTTP request): the key names one request, a retry of it goes on with the first
 * attempt's request id (so the write's aggregate answers the first verdict), another request with
 * the key is 422 and a retry while an attempt is in flight 409. Once the attempt has its verdict,
 * or gave up waiting, the claim is settled without waiting; a settle that is lost leaves the claim
 * to its lease (twice the request timeout), after which a retry goes on too. A write without the key
 * sends its command alone.
 */
@Singleton
public class Writes {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String CLAIMED = Writes.class.getName() + ".claimed";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CommandBus bus;

    public Writes(CommandBus bus) {
        this.bus = bus;
    }

    /** One command of a request that writes several aggregates; {@code part} tells it apart within the request. */
    public record Part(Username aggregate, String part, Object body) {
    }

    /** Sends and waits; returns the accepted outcome or throws its rejection. */
    public Outcome execute(HttpRequest<?> request, Tenant tenant, Username aggregate, String api, Object body) {
        return execute(request, tenant, AggregateRef.user(aggregate), api, body);
    }

    public Outcome execute(HttpRequest<?> request, Tenant tenant, AggregateRef aggregate, String api, Object body) {
        var keyed = claim(request, tenant, api);
        var key = RecordKeys.of(tenant, aggregate);
        if (keyed.isEmpty()) {
            return await(bus.send(key, tenant, origin(request, UUID.randomUUID().toString(), aggregate), api, body));
        }
        try {
            return await(bus.send(key, tenant, origin(request, keyed.get().requestId(tenant, ""), aggregate), api, body));
        } finally {
            settle(request, tenant, keyed.get(), api);
        }
    }

    /** Sends every part without waiting; the futures are in the order of the parts. */
    public List<CompletableFuture<Outcome>> submitAll(HttpRequest<?> request, Tenant tenant, String api, List<Part> parts) {
        var keyed = claim(request, tenant, api);
        var pending = new ArrayList<CompletableFuture<Outcome>>();
        for (var part : parts) {
            var requestId = keyed.map(k -> k.requestId(tenant, part.part())).orElseGet(() -> UUID.randomUUID().toString());
            pending.add(bus.send(RecordKeys.user(tenant, part.aggregate()), tenant,
                    origin(request, requestId, AggregateRef.user(part.aggregate())), api, part.body()));
        }
        keyed.ifPresent(k -> CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .whenComplete((done, error) -> settle(request, tenant, k, api)));
        return pending;
    }

    /**
     * A command of the request to one more aggregate, sent and awaited before its main write;
     * {@code part} tells it apart within the request. If it is refused the claim is settled, so a
     * retry gets the same refusal at once.
     */
    public Outcome executePart(HttpRequest<?> request, Tenant tenant, AggregateRef aggregate, String api, Object body,
                               String part) {
        var keyed = claim(request, tenant, api);
        var requestId = keyed.map(k -> k.requestId(tenant, part)).orElseGet(() -> UUID.randomUUID().toString());
        try {
            return await(bus.send(RecordKeys.of(tenant, aggregate), tenant, origin(request, requestId, aggregate), api, body));
        } catch (ApiException refused) {
            keyed.ifPresent(k -> settle(request, tenant, k, api));
            throw refused;
        }
    }

    /** A command nobody waits for (it is not answered, or its answer changes nothing for the caller). */
    public void publish(HttpRequest<?> request, Tenant tenant, AggregateRef aggregate, String api, Object body) {
        bus.publish(RecordKeys.of(tenant, aggregate), tenant, origin(request, UUID.randomUUID().toString(), aggregate), api, body);
    }

    /**
     * The request's Idempotency-Key, claimed for it (the first call of a request claims, later ones
     * answer the same); empty without the header. Throws the claim's refusal: 422 for a key used by
     * another request, 409 while another attempt of this one is in flight.
     */
    public Optional<IdempotentRequest> claim(HttpRequest<?> request, Tenant tenant, String api) {
        var claimed = request.getAttribute(CLAIMED, IdempotentRequest.class);
        if (claimed.isPresent()) {
            return claimed;
        }
        var unclaimed = IdempotentRequest.of(request);
        if (unclaimed.isEmpty()) {
            return unclaimed;
        }
        var key = unclaimed.get();
        Outcome go;
        try {
            go = await(bus.send(RecordKeys.idempotencyKey(tenant, key.digest()), tenant,
                    origin(request, UUID.randomUUID().toString(), AggregateRef.idempotencyKey(key.digest())), api,
                    new ClaimIdempotencyKey(key.fingerprint(), lease().toMillis())));
        } catch (ApiException e) {
            throw e.rejection().status() == 409 ? e.retryAfter(1) : e;
        }
        var bound = key.claimedAt(claimedAt(go));
        request.setAttribute(CLAIMED, bound);
        return Optional.of(bound);
    }

    /** An attempt waits for its claim's verdict, then for its write's: the lease covers both waits. */
    private Duration lease() {
        return bus.timeout().multipliedBy(2);
    }

    private void settle(HttpRequest<?> request, Tenant tenant, IdempotentRequest key, String api) {
        bus.publish(RecordKeys.idempotencyKey(tenant, key.digest()), tenant,
                origin(request, UUID.randomUUID().toString(), AggregateRef.idempotencyKey(key.digest())), api,
                new SettleIdempotencyKey(key.fingerprint()));
    }

    private static long claimedAt(Outcome go) {
        try {
            var at = go.getDataJson() == null ? null : JSON.readTree(go.getDataJson()).get("claimed_at");
            if (at != null && at.canConvertToLong()) {
                return at.asLong();
            }
        } catch (IOException e) {
            throw new IllegalStateException("a claim's answer is not JSON", e);
        }
        throw new IllegalStateException("a claim's answer names no claimed_at: " + go.getDataJson());
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

    /** The request id, who asks (SPEC E.5 actor) and the Idempotency-Key, as the command carries them. */
    private static CommandBus.Origin origin(HttpRequest<?> request, String requestId, AggregateRef aggregate) {
        var key = request.getHeaders().get(IDEMPOTENCY_KEY);
        return new CommandBus.Origin(requestId, actor(request, aggregate), key == null || key.isBlank() ? null : key);
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
