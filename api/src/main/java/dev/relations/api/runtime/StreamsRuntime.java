package dev.relations.api.runtime;

import dev.relations.api.config.Apps;
import dev.relations.mapping.AvroSerdes;
import dev.relations.engine.RelationsTopology;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Owns the Kafka Streams instance that runs the topology in this JVM (interactive
 * queries only work in-process). Started eagerly, before the HTTP server accepts calls.
 */
@Context
public class StreamsRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsRuntime.class);
    /**
     * After a kill -9, fetching committed offsets can wait on the dead instance's open transaction
     * (seen: one 60 s consumer timeout, then success on the retry), so a start is given minutes,
     * not seconds, before it is called failed.
     */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private final KafkaStreams streams;
    private final AvroSerdes serdes;
    private final HostInfo self;
    private final String applicationId;
    private final KafkaStreamsMetrics metrics;

    public StreamsRuntime(KafkaSettings settings, Apps apps, MeterRegistry meters, @Value("${micronaut.server.port:8080}") int httpPort,
                          @Value("${relations.idempotency-retention:24h}") Duration idempotencyRetention) {
        TopicProvisioner.ensure(settings);
        var registry = new HttpSchemaRegistryClient(settings.getRegistryUrl());
        SchemaSubjects.registerAll(registry, settings.getApplicationId());
        this.serdes = AvroSerdes.using(registry);
        this.applicationId = settings.getApplicationId();
        this.self = new HostInfo(settings.getAdvertisedHost(), httpPort);
        var props = StreamsSettings.of(settings.getApplicationId(), settings.getBootstrapServers(), settings.getStateDir(),
                self.host() + ":" + self.port(), settings.getReplicationFactor(), settings.getStandbyReplicas(),
                settings.getCommitIntervalMs());
        this.streams = new KafkaStreams(RelationsTopology.build(serdes, apps.limits(), idempotencyRetention, props), props);
        // Lag, commit latency, restoration, and RocksDB memory (block cache, memtables) per store.
        this.metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(meters);
        var running = new CountDownLatch(1);
        streams.setStateListener((next, previous) -> {
            LOG.info("event=streams_state from={} to={}", previous, next);
            if (next == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("event=stream_thread_failed", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        try {
            if (!running.await(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Kafka Streams did not reach RUNNING within " + READY_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
