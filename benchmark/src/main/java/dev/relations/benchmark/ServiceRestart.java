package dev.relations.benchmark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Stops the service listening on the base URL's port (SIGTERM, or SIGKILL as with
 * {@code kill -9}) and starts it again with the restart command, in its own session so
 * that it outlives the benchmark. The environment is the benchmark's, plus the stopped
 * service's RELATIONS_* variables, the data directory and port the benchmark uses, and
 * RELATIONS_RATE_LIMITS_ENABLED=false unless the benchmark's environment sets it.
 */
final class ServiceRestart {
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(3);

    private final int port;
    private final String command;
    private final Path repo;
    private final Path logs;
    private final Map<String, String> environment;
    private int launches;

    ServiceRestart(int port, String command, Path dataDir, long servicePid) throws IOException {
        this.port = port;
        this.command = command;
        this.repo = Path.of(System.getProperty("relations.benchmark.repo", ".")).toAbsolutePath();
        this.logs = Files.createTempDirectory("relations-restart-");
        var env = new java.util.HashMap<>(ServiceProcess.relationsEnvironment(servicePid));
        env.put("RELATIONS_DATA_DIR", dataDir.toString());
        env.put("RELATIONS_PORT", Integer.toString(port));
        env.put("RELATIONS_RATE_LIMITS_ENABLED", System.getenv().getOrDefault("RELATIONS_RATE_LIMITS_ENABLED", "false"));
        this.environment = Map.copyOf(env);
    }

    /** Stops the service on the port and answers how long it took to exit, in seconds. */
    double stop(boolean kill) throws InterruptedException {
        var pid = ServiceProcess.listeningOn(port);
        if (pid.isEmpty()) {
            throw new IllegalStateException("no process visible listening on port " + port + " to stop");
        }
        var process = ProcessHandle.of(pid.getAsLong())
                .orElseThrow(() -> new IllegalStateException("process " + pid.getAsLong() + " is gone"));
        long started = System.nanoTime();
        boolean sent = kill ? process.destroyForcibly() : process.destroy();
        if (!sent) {
            throw new IllegalStateException("could not signal process " + process.pid());
        }
        try {
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("process " + process.pid() + " did not exit within " + STOP_TIMEOUT);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * Runs the restart command and answers the seconds until {@code ready} holds (polled
     * every 100 ms); fails when the command exits first or {@code timeout} passes.
     */
    double start(Callable<Boolean> ready, Duration timeout) throws Exception {
        var log = logs.resolve("service-" + ++launches + ".log");
        var builder = new ProcessBuilder(List.of("setsid", "bash", "-c", command))
                .directory(repo.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        var process = builder.start();
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the restart command exited with " + process.exitValue() + "; see " + log);
            }
            if (answers(ready)) {
                return (System.nanoTime() - started) / 1e9;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the restarted service did not serve the expected data within " + timeout
                + "; it is still running, see " + log);
    }

    /** The service's pid and log after the last start, for the report. */
    String describe() {
        OptionalLong pid = ServiceProcess.listeningOn(port);
        return "the service restarted by the benchmark keeps running (pid "
                + (pid.isPresent() ? pid.getAsLong() : "?") + ", log " + logs.resolve("service-" + launches + ".log")
                + ", command " + command + " with " + String.join(", ", new java.util.TreeSet<>(environment.keySet())) + ")";
    }

    private static boolean answers(Callable<Boolean> ready) {
        try {
            return ready.call();
        } catch (Exception e) {
            // not listening yet, or not serving yet
            return false;
        }
    }
}
