package dev.relations.api.health;

import dev.relations.api.command.CommandBus;
import dev.relations.api.runtime.StreamsRuntime;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.Map;
import java.util.Set;

/**
 * Alive unless something only a restart mends has happened: Kafka Streams has stopped or
 * failed for good, or the outcome listener has stopped. A rebalance, an unreachable broker
 * or a listener reopening its consumer makes the instance unready, not dead.
 */
@Singleton
@Liveness
public class AliveHealthIndicator implements HealthIndicator {
    private static final Set<KafkaStreams.State> RECOVERABLE =
            Set.of(KafkaStreams.State.CREATED, KafkaStreams.State.REBALANCING, KafkaStreams.State.RUNNING);

    private final StreamsRuntime runtime;
    private final CommandBus bus;

    public AliveHealthIndicator(StreamsRuntime runtime, CommandBus bus) {
        this.runtime = runtime;
        this.bus = bus;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        var state = runtime.streams().state();
        boolean alive = RECOVERABLE.contains(state) && bus.listenerAlive();
        return Publishers.just(HealthResult.builder("relations", alive ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("kafka-streams", state.name(), "verdict-listener", bus.listenerAlive()))
                .build());
    }
}
