package dev.relations.api.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the local schema registry (Apicurio Registry built by the {@code registry} module) as a
 * child process with H2 file storage under a data directory, and stops it with the service.
 */
public final class RegistryProcess implements AutoCloseable {

    /** Overrides where {@link #defaultJar()} finds {@code quarkus-run.jar}. */
    public static final String JAR_PROPERTY = "relations.registry.jar";
    /** Overrides the {@code java} executable that runs the registry. */
    public static final String JAVA_PROPERTY = "relations.registry.java";

    static final Path JAR_IN_CHECKOUT = Path.of("registry", "target", "quarkus-app", "quarkus-run.jar");

    private static final Logger LOG = LoggerFactory.getLogger(RegistryProcess.class);
    private static final String HOST = "127.0.0.1";
    private static final String CCOMPAT_PATH = "/apis/ccompat/v7";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final int LOG_TAIL_LINES = 80;

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Path pidFile;
    private final HttpClient http;
    private final Thread shutdownHook;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private RegistryProcess(Process process, int port, Path logFile, Path pidFile, HttpClient http) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.http = http;
        this.shutdownHook = new Thread(this::stop, "registry-process-shutdown");
    }

    /**
     * Starts the registry and returns once its Confluent-compatible API answers and the global
     * compatibility level is BACKWARD.
     *
     * @throws IllegalStateException if it does not come up within 60 s (the message carries the tail of its log)
     */
    public static RegistryProcess start(Path quarkusRunJar, Path dataDir, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("registry port must be 1..65535, got " + port);
        }
        Path jar = quarkusRunJar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("registry jar not found: " + jar
                    + " (build it with ./mvnw -pl registry package)");
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        if (dir.toString().contains(";")) {
            throw new IllegalArgumentException("data directory must not contain ';' (H2 URL separator): " + dir);
        }
        Path logFile = dir.resolve("registry.log");
        Path pidFile = dir.resolve("registry.pid");
        try {
            Files.createDirectories(dir);
            stopLeftover(pidFile, dir);
            requirePortFree(port);
            if (Files.exists(logFile)) {
                Files.move(logFile, dir.resolve("registry.log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare registry data directory " + dir, e);
        }

        List<String> command = command(jar, dir, port);
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch registry: " + String.join(" ", command), e);
        }
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        RegistryProcess registry = new RegistryProcess(process, port, logFile, pidFile, http);
        Runtime.getRuntime().addShutdownHook(registry.shutdownHook);
        LOG.info("registry starting pid={} port={} dataDir={} java={}", process.pid(), port, dir, command.getFirst());
        try {
            Files.writeString(pidFile, Long.toString(process.pid()));
            long startedAt = System.nanoTime();
            registry.awaitReady();
            registry.setGlobalCompatibility("BACKWARD");
            LOG.info("registry ready pid={} url={} startupMs={}", process.pid(), registry.ccompatUrl(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
            return registry;
        } catch (RuntimeException | IOException e) {
            registry.close();
            throw new IllegalStateException("registry failed to start on port " + port + ": " + e.getMessage()
                    + "\n--- tail of " + logFile + " ---\n" + tail(logFile), e);
        } catch (InterruptedException e) {
            registry.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the registry", e);
        }
    }

    /**
     * The registry jar of a repository checkout: {@code registry/target/quarkus-app/quarkus-run.jar}
     * under the working directory or its parent (the service runs from the repository root, module
     * tests from {@code api/}), unless the system property {@value #JAR_PROPERTY} names one.
     */
    public static Path defaultJar() {
        String configured = System.getProperty(JAR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path cwd = Path.of("").toAbsolutePath();
        List<Path> candidates = new ArrayList<>();
        candidates.add(cwd.resolve(JAR_IN_CHECKOUT));
        if (cwd.getParent() != null) {
            candidates.add(cwd.getParent().resolve(JAR_IN_CHECKOUT));
        }
        return candidates.stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("registry jar not found at " + candidates
                        + "; build it with ./mvnw -pl registry package or set -D" + JAR_PROPERTY));
    }

    /** Base URL of the Confluent Schema Registry compatible API. */
    public String ccompatUrl() {
        return "http://" + HOST + ":" + port + CCOMPAT_PATH;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    /** Stops the registry gracefully (SIGTERM), forcibly after 20 s. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook itself is running or about to; stop() is idempotent
        }
        stop();
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        terminate(process.toHandle());
        http.close();
        try {
            if (Files.exists(pidFile) && Files.readString(pidFile).strip().equals(Long.toString(process.pid()))) {
                Files.delete(pidFile);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete registry pid file path={} error={}", pidFile, e.toString());
        }
        LOG.info("registry stopped pid={} alive={}", process.pid(), process.isAlive());
    }

    private static List<String> command(Path jar, Path dir, int port) {
        // WRITE_DELAY=0: a registered schema id may already be in Kafka records, so its commit must reach the file at once
        String jdbcUrl = "jdbc:h2:file:" + dir.resolve("registry") + ";WRITE_DELAY=0";
        return List.of(
                javaExecutable(),
                "-Xmx256m",
                // a local registry serves a handful of requests: start-up time and footprint matter, peak throughput does not
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=" + HOST,
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                // Apicurio's defaults open 20 connections up front; a local registry needs a few
                "-Dquarkus.datasource.jdbc.initial-size=2",
                "-Dquarkus.datasource.jdbc.min-size=2",
                "-Dquarkus.datasource.jdbc.max-size=10",
                "-Dquarkus.log.console.color=false",
                "-jar", jar.toString());
    }

    /**
     * The JDK of this service (java.home): the one JDK sure to be present; Quarkus 2.16 serves on Temurin 25
     * as it does on 17, with only sun.misc.Unsafe deprecation warnings in its log.
     */
    private static String javaExecutable() {
        String configured = System.getProperty(JAVA_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(java)) {
            return java.toString();
        }
        return ProcessHandle.current().info().command().orElse("java");
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(ccompatUrl() + "/subjects"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        String lastProblem = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("registry process exited with code " + process.exitValue());
            }
            try {
                HttpResponse<String> response = http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                lastProblem = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException notListeningYet) {
                lastProblem = notListeningYet.toString();
            }
            Thread.sleep(POLL_INTERVAL);
        }
        throw new IllegalStateException("no answer from " + probe.uri() + " within " + START_TIMEOUT.toSeconds()
                + " s (last: " + lastProblem + ")");
    }

    private void setGlobalCompatibility(String level) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ccompatUrl() + "/config"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("setting compatibility " + level + " failed: HTTP "
                    + response.statusCode() + " " + response.body());
        }
    }

    /** A registry left running by a service that died without its shutdown hook (kill -9) holds the H2 file. */
    private static void stopLeftover(Path pidFile, Path dir) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftover;
        try {
            leftover = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (NumberFormatException e) {
            leftover = Optional.empty();
        }
        leftover.filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains("quarkus-run.jar") && c.contains(dir.toString()))
                        .orElse(false))
                .ifPresent(p -> {
                    LOG.warn("stopping registry left over from an earlier run pid={} dataDir={}", p.pid(), dir);
                    terminate(p);
                });
        Files.deleteIfExists(pidFile);
    }

    private static void terminate(ProcessHandle process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(process)) {
            LOG.warn("registry did not stop within {} s, killing pid={}", STOP_TIMEOUT.toSeconds(), process.pid());
            process.destroyForcibly();
            awaitExit(process);
        }
    }

    private static boolean awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void requirePortFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            // bindable, so free
        } catch (IOException e) {
            throw new IllegalStateException("port " + HOST + ":" + port + " is not free for the registry", e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log unavailable: " + e + ")";
        }
    }
}
