package dev.relations.api.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;

import java.util.Map;
import java.util.concurrent.ExecutorService;

/** A readiness check that asks a remote dependency: UP with what it answered, DOWN with why not. */
abstract class RemoteProbe extends AbstractHealthIndicator<Map<String, Object>> {
    RemoteProbe(ExecutorService executor) {
        setExecutorService(executor);
    }

    /** Asks the dependency; answers the details of an UP result, or throws. */
    protected abstract Map<String, Object> probe() throws Exception;

    @Override
    protected final Map<String, Object> getHealthInformation() {
        try {
            var details = probe();
            healthStatus = HealthStatus.UP;
            return details;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            healthStatus = HealthStatus.DOWN;
            return Map.of("error", e.getClass().getSimpleName());
        }
    }
}
