package dev.relations.api.health;

import dev.relations.api.runtime.KafkaSettings;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** Ready only while the schema registry answers its subject list: without it no command can be encoded. */
@Singleton
@Readiness
public class RegistryHealthIndicator extends RemoteProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI subjects;

    public RegistryHealthIndicator(KafkaSettings settings, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        super(executor);
        var base = settings.getRegistryUrl();
        this.subjects = URI.create((base.endsWith("/") ? base : base + "/") + "subjects");
    }

    @Override
    protected String getName() {
        return "schema-registry";
    }

    @Override
    protected Map<String, Object> probe() throws Exception {
        var response = http.send(HttpRequest.newBuilder(subjects).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("registry answered " + response.statusCode());
        }
        return Map.of("status", response.statusCode());
    }
}
