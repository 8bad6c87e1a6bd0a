package dev.relations.api.command;

import dev.relations.api.runtime.KafkaSettings;
import dev.relations.api.runtime.StreamsRuntime;
import dev.relations.domain.common.Tenant;
import dev.relations.engine.Topics;
import dev.relations.schemas.Actor;
import dev.relations.schemas.CommandEnvelope;
import dev.relations.schemas.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a command keyed by its aggregate and completes when the processor's verdict for
 * its request id appears on the outcomes topic (read_committed: only verdicts whose
 * effects are committed). Every instance reads every outcome partition and keeps the ones
 * it waits for, so a retry may land on any instance. The reading survives failures
 * ({@link VerdictListener}).
 */
@Singleton
public class CommandBus implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommandBus.class);

    private final KafkaProducer<String, CommandEnvelope> producer;
    private final Map<String, CompletableFuture<Outcome>> waiting = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final VerdictListener listener;
    private final MeterRegistry meters;
    private final KafkaClientMetrics producerMetrics;
    private final Topics topics;

    public CommandBus(KafkaSettings settings, StreamsRuntime runtime, MeterRegistry meters, OutcomeConsumers outcomes,
                      @Value("${relations.request-timeout:15s}") Duration timeout,
                      @Value("${relations.verdict-listener.first-backoff:100ms}") Duration firstBackoff,
                      @Value("${relations.verdict-listener.max-backoff:5s}") Duration maxBackoff) {
        this.timeout = timeout;
        this.topics = new Topics(settings.getApplicationId());
        this.meters = meters;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.getBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.CLIENT_ID_CONFIG, "relations-api-commands"),
                new StringSerializer(), runtime.serdes().commands().serializer());
        this.producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(meters);
        this.listener = new VerdictListener(outcomes, topics.outcomes(), this::deliver, consumer -> {
            var metrics = new KafkaClientMetrics(consumer);
            metrics.bindTo(meters);
            return metrics;
        }, firstBackoff, maxBackoff);
    }

    /** Where a command comes from: its request id, who asks (SPEC E.5 actor) and the Idempotency-Key, if any. */
    public record Origin(String requestId, Actor actor, String idempotencyKey) {
    }

    /** Sends the command and waits for its verdict; completes exceptionally on timeout. */
    public CompletableFuture<Outcome> send(String aggregateKey, Tenant tenant, Origin origin, String api, Object body) {
        var requestId = origin.requestId();
        var envelope = envelope(tenant, origin, api, body);
        var verdict = waiting.computeIfAbsent(requestId, id -> new CompletableFuture<>());
        try {
            producer.send(new ProducerRecord<>(topics.commands(), aggregateKey, envelope), (metadata, error) -> {
                if (error != null) {
                    waiting.remove(requestId);
                    verdict.completeExceptionally(error);
                }
            });
        } catch (KafkaException e) {
            // Serialization (registry unreachable) or a closed producer: nothing was sent.
            LOG.warn("event=command_not_sent request_id={} reason={}", requestId, e.getMessage());
            waiting.remove(requestId);
            verdict.completeExceptionally(e);
        }
        var started = Timer.start(meters);
        return verdict.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((outcome, error) -> {
                    waiting.remove(requestId, verdict);
                    started.stop(verdictTimer(body, outcome, error));
                });
    }

    /** Sends a command that is not answered, without waiting for anything; a failure to send is logged. */
    public void publish(String aggregateKey, Tenant tenant, Origin origin, String api, Object body) {
        var requestId = origin.requestId();
        try {
            producer.send(new ProducerRecord<>(topics.commands(), aggregateKey, envelope(tenant, origin, api, body)),
                    (metadata, error) -> {
                        if (error != null) {
                            LOG.warn("event=command_not_sent request_id={} reason={}", requestId, error.getMessage());
                        }
                    });
        } catch (KafkaException e) {
            LOG.warn("event=command_not_sent request_id={} reason={}", requestId, e.getMessage());
        }
    }

    /** How long a verdict is waited for ({@code relations.request-timeout}). */
    public Duration timeout() {
        return timeout;
    }

    private static CommandEnvelope envelope(Tenant tenant, Origin origin, String api, Object body) {
        return CommandEnvelope.newBuilder()
                .setRequestId(origin.requestId())
                .setActor(origin.actor())
                .setIdempotencyKey(origin.idempotencyKey())
                .setOrg(tenant.org())
                .setApp(tenant.app())
                .setIssuedAt(System.currentTimeMillis())
                .setExternal(true)
                .setApi(api)
                .setBody(body)
                .build();
    }

    /** {@code relations_command_verdict_seconds{command, outcome, error}}: the wait for each verdict. */
    private Timer verdictTimer(Object body, Outcome outcome, Throwable error) {
        String result;
        String type = "";
        if (outcome != null) {
            result = outcome.getStatus() < 300 ? "accepted" : "rejected";
            type = outcome.getStatus() < 300 || outcome.getError() == null ? "" : outcome.getError();
        } else {
            result = error instanceof TimeoutException ? "timeout" : "failed";
        }
        return Timer.builder("relations.command.verdict")
                .description("Time from sending a command to its verdict, by command type and outcome")
                .tag("command", body.getClass().getSimpleName())
                .tag("outcome", result)
                .tag("error", type)
                .register(meters);
    }

    /** Whether verdicts are being received now: false while the listener is reopening its consumer. */
    public boolean listening() {
        return listener.receiving();
    }

    /** Whether the verdict listener still runs (receiving, or retrying to): false only once it has stopped. */
    public boolean listenerAlive() {
        return listener.alive();
    }

    /** How many times the verdict listener has replaced a failed consumer. */
    public long listenerRestarts() {
        return listener.restarts();
    }

    private void deliver(Outcome outcome) {
        var waiter = waiting.get(outcome.getRequestId());
        if (waiter != null) {
            waiter.complete(outcome);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        listener.close();
        producerMetrics.close();
        producer.close(Duration.ofSeconds(5));
    }
}
