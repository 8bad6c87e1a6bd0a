package dev.relations.api.health;

import dev.relations.api.command.CommandBus;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.Map;

/**
 * Ready only while the outcome listener receives verdicts: without it every write would wait
 * out its timeout. DOWN while the listener reopens its consumer after a failure.
 */
@Singleton
@Readiness
public class VerdictListenerHealthIndicator implements HealthIndicator {
    private final CommandBus bus;

    public VerdictListenerHealthIndicator(CommandBus bus) {
        this.bus = bus;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("verdict-listener", bus.listening() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("receiving", bus.listening(), "restarts", bus.listenerRestarts()))
                .build());
    }
}
