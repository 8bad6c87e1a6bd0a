package dev.relations.api.health;

import dev.relations.api.runtime.StreamsRuntime;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.Map;

/**
 * Ready only while Kafka Streams is RUNNING: rebalancing or restoring, its stores cannot answer
 * reads. The details say how far a restore is: partitions still restoring and the changelog
 * records they have left (an upper bound).
 */
@Singleton
@Readiness
public class StreamsHealthIndicator implements HealthIndicator {
    private final StreamsRuntime runtime;

    public StreamsHealthIndicator(StreamsRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        var state = runtime.streams().state();
        var restore = runtime.restoreProgress();
        return Publishers.just(HealthResult.builder("kafka-streams", state == KafkaStreams.State.RUNNING ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("state", state.name(), "restoring-partitions", restore.partitions(),
                        "records-left-to-restore", restore.recordsLeft()))
                .build());
    }
}
