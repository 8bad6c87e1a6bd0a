package dev.relations.api;

import dev.relations.api.runtime.EmbeddedKafka;
import dev.relations.api.runtime.RegistryProcess;
import dev.relations.api.runtime.StreamsRuntime;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the service. With RELATIONS_KAFKA_BOOTSTRAP_SERVERS set it uses that cluster and
 * RELATIONS_KAFKA_REGISTRY_URL; otherwise (the embedded default) it starts a KRaft broker
 * in-process and a schema registry as a child process, keeping all data under
 * RELATIONS_DATA_DIR (default ./data) so a restart finds it again.
 */
@OpenAPIDefinition(info = @Info(title = "relations", version = "1.0",
        description = "Easemob-compatible REST API for user relationships and chatroom membership"))
public final class Application {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    private Application() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        var env = System.getenv();
        var properties = new HashMap<String, Object>();
        var dataDir = Path.of(env.getOrDefault("RELATIONS_DATA_DIR", "data")).toAbsolutePath();
        boolean embedded = blank(env.get("RELATIONS_KAFKA_BOOTSTRAP_SERVERS"));
        Runnable embeddedStop = () -> { };
        if (embedded) {
            int kafkaPort = Integer.parseInt(env.getOrDefault("RELATIONS_EMBEDDED_KAFKA_PORT", "9092"));
            int registryPort = Integer.parseInt(env.getOrDefault("RELATIONS_EMBEDDED_REGISTRY_PORT", "8081"));
            // The two start side by side: the registry is a separate process.
            var registryStart = CompletableFuture.supplyAsync(
                    () -> RegistryProcess.start(RegistryProcess.defaultJar(), dataDir.resolve("registry"), registryPort));
            var kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), kafkaPort);
            RegistryProcess registry;
            try {
                registry = registryStart.join();
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
            embeddedStop = () -> {
                registry.close();
                kafka.close();
            };
            properties.put("relations.kafka.bootstrap-servers", kafka.bootstrapServers());
            properties.put("relations.kafka.registry-url", registry.ccompatUrl());
        }
        properties.put("relations.kafka.state-dir", env.getOrDefault("RELATIONS_KAFKA_STATE_DIR", dataDir.resolve("streams").toString()));
        if (blank(env.get("RELATIONS_TOKEN_SECRET"))) {
            properties.put("relations.token.secret", persistentSecret(dataDir.resolve("token-secret")));
        }
        if (blank(env.get("RELATIONS_CLIENT_SECRET"))) {
            properties.put("relations.apps.default.client-secret", "YXA6" + persistentSecret(dataDir.resolve("client-secret")));
        }
        var stopEmbedded = embeddedStop;
        var running = new AtomicReference<ApplicationContext>();
        // One hook, in order: the service leaves its consumer group while the broker is still up. It is
        // in place before the service starts, so an exit for a failed start stops the broker and registry too.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            var context = running.get();
            if (context != null) {
                context.close();
            }
            stopEmbedded.run();
        }, "relations-shutdown"));
        ApplicationContext context;
        try {
            // A plain context rather than Micronaut.run: its own shutdown hook would race the one above.
            context = ApplicationContext.builder(Application.class).args(args).properties(properties)
                    .deduceEnvironment(false).build();
            running.set(context);
            context.start();
            context.getBean(EmbeddedServer.class).start();
        } catch (RuntimeException e) {
            LOG.error("event=start_failed", e);
            System.exit(1);
            return;
        }
        // Restoring state may take long; the HTTP server (and its readiness check) answers meanwhile.
        context.getBean(StreamsRuntime.class).running()
                .thenRun(() -> printWelcome(context, embedded, (System.nanoTime() - started) / 1_000_000));
    }

    private static void printWelcome(ApplicationContext context, boolean embedded, long startMillis) {
        var server = context.getBean(EmbeddedServer.class);
        var env = context.getEnvironment();
        var app = new Welcome.DefaultApp(
                env.getProperty("relations.apps.default.org", String.class, "demo"),
                env.getProperty("relations.apps.default.app", String.class, "relations"),
                env.getProperty("relations.apps.default.client-id", String.class, ""),
                env.getProperty("relations.apps.default.client-secret", String.class, ""));
        System.out.print(Welcome.text(app, server.getURL().toString(), "http://localhost:" + server.getPort(), embedded, startMillis));
    }

    private static String persistentSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            var bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            var secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(file, secret);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

}
