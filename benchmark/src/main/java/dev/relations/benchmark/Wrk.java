package dev.relations.benchmark;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * Runs wrk with a generated script ({@link WrkScript}) and reads what the script's
 * {@code done()} prints. wrk runs under a shell whose {@code times} reports the CPU wrk
 * used. A bounded script ends the run early: once every thread has its last answer (or
 * a request timeout after the last request went out) wrk gets SIGINT, and prints its
 * summary as at the end of its duration.
 */
final class Wrk {
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s");
    private static final String RESULT = "relations-wrk result ";

    /** What one wrk run came to; latencies in microseconds, over every answer. */
    record Run(long ok, Map<String, Long> errors, double seconds, long p50Micros, long p99Micros, long maxMicros,
               long next, double cpuSeconds) {
        double okPerSecond() {
            return seconds <= 0 ? 0 : ok / seconds;
        }
    }

    private final URI baseUrl;
    private final int threads;
    private final int connections;
    private final Duration timeout;
    private final Path scripts;

    Wrk(URI baseUrl, int threads, int connections, Duration timeout) throws IOException {
        this.baseUrl = baseUrl;
        this.threads = Math.min(threads, connections);
        this.connections = connections;
        this.timeout = timeout;
        this.scripts = Files.createTempDirectory("relations-wrk-");
        scripts.toFile().deleteOnExit();
    }

    /** Fails unless wrk is on the PATH. */
    static void requireInstalled() {
        for (var dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "wrk"))) {
                return;
            }
        }
        throw new IllegalStateException("wrk is not installed (Debian: apt-get install -y wrk; benchmark/run.sh "
                + "installs it when run as root), or pass --driver java");
    }

    Run run(WrkScript script, Duration duration, LongConsumer progress) throws IOException, InterruptedException {
        var file = script.write(scripts, threads);
        var command = new ArrayList<>(List.of("bash", "-c", "wrk \"$@\"; rc=$?; times >&2; exit $rc", "wrk",
                "-t" + threads, "-c" + connections, "-d" + Math.max(1, (duration.toMillis() + 999) / 1000) + "s",
                "--timeout", Math.max(1, timeout.toSeconds()) + "s", "--latency", "-s", file.toString(),
                baseUrl.getScheme() + "://" + baseUrl.getAuthority()));
        var process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        var stderr = CompletableFuture.supplyAsync(() -> readAll(process));
        var output = new ArrayList<String>();
        String result = null;
        var drained = new HashMap<String, Long>();
        var progressed = new HashMap<String, Long>();
        int issued = 0;
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                output.add(line);
                var words = line.split(" ");
                if (line.startsWith(RESULT)) {
                    result = line.substring(RESULT.length());
                } else if (words.length == 4 && words[0].equals("relations-wrk")) {
                    long value = Long.parseLong(words[3]);
                    switch (words[1]) {
                        case "progress" -> {
                            progressed.put(words[2], value);
                            progress.accept(progressed.values().stream().mapToLong(Long::longValue).sum());
                        }
                        case "issued" -> {
                            if (++issued == threads) {
                                // An answer lost to a broken connection would keep a thread from draining.
                                interruptLater(process, timeout.plusSeconds(5));
                            }
                        }
                        case "drained" -> {
                            drained.put(words[2], value);
                            if (drained.size() == threads) {
                                interrupt(process);
                            }
                        }
                        default -> { }
                    }
                }
            }
        }
        int exit = process.waitFor();
        var errText = stderr.join();
        Files.deleteIfExists(file);
        if (exit != 0 || result == null) {
            throw new IllegalStateException("wrk failed (exit " + exit + "): "
                    + RelationsClient.abbreviate(String.join(" / ", output) + " " + errText));
        }
        return parse(result, cpuSeconds(errText));
    }

    private static Run parse(String result, double cpuSeconds) {
        var fields = new HashMap<String, String>();
        for (var pair : result.split(" ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        Map<String, Long> errors = new TreeMap<>();
        for (var status : fields.getOrDefault("statuses", "").split(",")) {
            int colon = status.indexOf(':');
            if (colon > 0) {
                errors.merge(status.substring(0, colon), Long.parseLong(status.substring(colon + 1)), Long::sum);
            }
        }
        long socketErrors = Long.parseLong(fields.get("socket_errors"));
        if (socketErrors > 0) {
            errors.put("socket errors", socketErrors);
        }
        return new Run(Long.parseLong(fields.get("ok")), errors, Long.parseLong(fields.get("duration_us")) / 1e6,
                Long.parseLong(fields.get("p50_us")), Long.parseLong(fields.get("p99_us")),
                Long.parseLong(fields.get("max_us")), Long.parseLong(fields.get("next")), cpuSeconds);
    }

    /** The children's user + system time from the shell's {@code times} (its second line), or NaN. */
    private static double cpuSeconds(String stderr) {
        var m = TIMES.matcher(stderr);
        double seconds = Double.NaN;
        while (m.find()) {
            seconds = Long.parseLong(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                    + Long.parseLong(m.group(3)) * 60 + Double.parseDouble(m.group(4));
        }
        return seconds;
    }

    private static void interruptLater(Process process, Duration delay) {
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(delay);
                interrupt(process);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** SIGINT to wrk (the shell's child): wrk stops and prints its summary. */
    private static void interrupt(Process process) {
        process.toHandle().children().forEach(child -> {
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
            } catch (IOException e) {
                // wrk already gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
