package dev.relations.api.health;

import dev.relations.api.runtime.KafkaSettings;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class UnreachableDependenciesTest {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void an_unreachable_registry_is_down() throws IOException {
        var settings = new KafkaSettings();
        settings.setRegistryUrl("http://127.0.0.1:" + closedPort() + "/apis/ccompat/v7");

        HealthResult result = Mono.from(new RegistryHealthIndicator(settings, executor).getResult()).block();

        assertThat(result.getName()).isEqualTo("schema-registry");
        assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
    }

    @Test
    void an_unreachable_broker_is_down() throws IOException {
        var settings = new KafkaSettings();
        settings.setBootstrapServers("127.0.0.1:" + closedPort());

        try (var indicator = new KafkaHealthIndicator(settings, executor)) {
            HealthResult result = Mono.from(indicator.getResult()).block();

            assertThat(result.getName()).isEqualTo("kafka");
            assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
        }
    }
}
