package dev.relations.api.runtime;

import dev.relations.api.config.Apps;
import dev.relations.mapping.AvroSerdes;
import dev.relations.engine.RelationsTopology;
import dev.relations.engine.RequestRetention;
import dev.relations.engine.SchemaSubjects;
import dev.relations.engine.StreamsSettings;
import dev.relations.schemas.serde.HttpSchemaRegistryClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Owns the Kafka Streams instance that runs the topology in this JVM (interactive
 * queries only work in-process). Started eagerly, before the HTTP server accepts calls, and
 * not waited for: restoring state may take long, and meanwhile the readiness check says how
 * far it is ({@link RestoreProgress}). Failures are handled by {@link StreamsLifecycle}.
 */
@Context
public class StreamsRuntime implements AutoCloseable {
    /**
     * More stream-thread failures than this within {@link #FAILURE_WINDOW} end the process: a
     * single failure (after a kill -9, fetching committed offsets was seen to time out once on the
     * dead instance's open transaction, then succeed) is only replaced.
     */
    private static final int MAX_THREAD_FAILURES = 5;
    private static final Duration FAILURE_WINDOW = Duration.ofMinutes(5);

    private final KafkaStreams streams;
    private final AvroSerdes serdes;
    private final HostInfo self;
    private final String applicationId;
    private final KafkaStreamsMetrics metrics;
    private final StreamsLifecycle lifecycle;
    private final RestoreProgress restore = new RestoreProgress();

    public StreamsRuntime(KafkaSettings settings, Apps apps, MeterRegistry meters, ProcessExit exit,
                          @Value("${micronaut.server.port:8080}") int httpPort,
                          @Value("${relations.idempotency-retention:24h}") Duration idempotencyRetention,
                          @Value("${relations.reservation-deadline:60s}") Duration reservationDeadline) {
        TopicProvisioner.ensure(settings);
        var registry = new HttpSchemaRegistryClient(settings.getRegistryUrl());
        SchemaSubjects.registerAll(registry, settings.getApplicationId());
        this.serdes = AvroSerdes.using(registry);
        this.applicationId = settings.getApplicationId();
        this.self = new HostInfo(settings.getAdvertisedHost(), httpPort);
        var props = StreamsSettings.of(settings.getApplicationId(), settings.getBootstrapServers(), settings.getStateDir(),
                self.host() + ":" + self.port(), settings.getReplicationFactor(), settings.getStandbyReplicas(),
                settings.getCommitIntervalMs());
        this.streams = new KafkaStreams(RelationsTopology.build(serdes, apps.limits(),
                RequestRetention.of(idempotencyRetention), reservationDeadline, props), props);
        // Lag, commit latency, restoration, and RocksDB memory (block cache, memtables) per store.
        this.metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(meters);
        this.lifecycle = new StreamsLifecycle(exit, MAX_THREAD_FAILURES, FAILURE_WINDOW, Clock.systemUTC());
        streams.setStateListener(lifecycle);
        streams.setUncaughtExceptionHandler(lifecycle);
        streams.setGlobalStateRestoreListener(restore);
        streams.start();
    }

    /** Completes when Kafka Streams first reaches RUNNING (after restoring); fails if it ends in ERROR first. */
    public CompletableFuture<Void> running() {
        return lifecycle.running();
    }

    public RestoreProgress.Snapshot restoreProgress() {
        return restore.snapshot();
    }

    public KafkaStreams streams() {
        return streams;
    }

    public AvroSerdes serdes() {
        return serdes;
    }

    public String applicationId() {
        return applicationId;
    }

    public HostInfo self() {
        return self;
    }

    @PreDestroy
    @Override
    public void close() {
        metrics.close();
        // Leave the group: otherwise a restarted instance waits out the old member's session.
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
