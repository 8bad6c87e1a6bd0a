package dev.relations.api.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service run as an operator runs it, in its own JVM (the test class path, the real main
 * class, configuration through RELATIONS_* variables), so a test can kill it with SIGKILL.
 */
final class ChildService implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    private final Process process;
    private final int port;
    private final Path log;

    private ChildService(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service with {@code env} and waits until its readiness check answers 200 on {@code port}. */
    static ChildService start(Path logDir, String name, int port, Map<String, String> env) throws Exception {
        return start(logDir, name, port, env, List.of());
    }

    /** As above, with extra JVM flags (e.g. {@code -Dkafka.streams.<setting>=<value>}). */
    static ChildService start(Path logDir, String name, int port, Map<String, String> env, List<String> jvmFlags)
            throws Exception {
        var java = ProcessHandle.current().info().command().orElse("java");
        var log = logDir.resolve(name + ".log");
        var command = new ArrayList<>(List.of(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.relations.api.Application"));
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("RELATIONS_PORT", Integer.toString(port));
        var child = new ChildService(builder.start(), port, log);
        try {
            child.awaitServing();
        } catch (Exception e) {
            child.kill();
            throw e;
        }
        return child;
    }

    /**
     * The embedded default (its own broker and registry on the given ports, data under
     * {@code dataDir}, rate limits off) with the default app's client secret, plus {@code env}.
     */
    static ChildService embedded(Path dataDir, String name, int httpPort, int kafkaPort, int registryPort, String clientSecret,
                                 Map<String, String> env, List<String> jvmFlags) throws Exception {
        var all = new java.util.HashMap<>(Map.of(
                "RELATIONS_DATA_DIR", dataDir.toString(),
                "RELATIONS_EMBEDDED_KAFKA_PORT", Integer.toString(kafkaPort),
                "RELATIONS_EMBEDDED_REGISTRY_PORT", Integer.toString(registryPort),
                "RELATIONS_CLIENT_SECRET", clientSecret,
                "RELATIONS_RATE_LIMITS_ENABLED", "false"));
        all.putAll(env);
        return start(dataDir, name, httpPort, all, jvmFlags);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or left cleanly. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void awaitServing() throws Exception {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited: " + Files.readString(log));
            }
            try {
                // HTTP answers while Kafka Streams restores; reads and writes need it ready.
                var readiness = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (readiness.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not answer within " + START_TIMEOUT);
    }
}
