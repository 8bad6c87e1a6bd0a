package dev.relations.eventlog;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compares the replayed state with what the running service answers; exit 1 on any difference.",
                "Replays every event of the app and compares the folded state of each user and room with what the",
                "running service answers (GET routes with an app token). Prints each difference as a JSON line",
                "{aggregate, what, log, service} and a summary on stderr; exits 1 when any difference remains."})
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    private Connection connection;

    @Spec
    private CommandSpec spec;

    @Option(names = "--base-url", defaultValue = "http://localhost:${env:RELATIONS_PORT:-8080}",
            description = "the service (default: ${DEFAULT-VALUE})")
    private String baseUrl;

    @Option(names = "--client-id", defaultValue = "${env:RELATIONS_CLIENT_ID:-YXA6-relations-demo}",
            description = "the app's client id (default: ${DEFAULT-VALUE})")
    private String clientId;

    @Option(names = "--client-secret", defaultValue = "${env:RELATIONS_CLIENT_SECRET}",
            description = "the app's client secret (default: $RELATIONS_CLIENT_SECRET, else the one the embedded default keeps in --data-dir)")
    private String clientSecret;

    @Option(names = "--data-dir", defaultValue = "${env:RELATIONS_DATA_DIR:-data}",
            description = "the embedded default's data directory, for its client secret (default: ${DEFAULT-VALUE})")
    private Path dataDir;

    @Option(names = "--settle", defaultValue = "PT10S", converter = DurationConverter.class,
            description = "how long a difference may take to go away (writes still on their way), e.g. 10s (default: 10s)")
    private Duration settle;

    @Override
    public Integer call() throws IOException {
        var api = new ServiceApi(baseUrl, connection.org(), connection.app());
        api.authenticate(clientId, secret());
        var verifier = new Verifier(api, connection.appKey());
        var out = new JsonLines(spec.commandLine().getOut());
        try (var replay = new Replay(connection, null)) {
            var state = replay.foldTo(new Cut.Now());
            // Only the aggregates that differ are kept in memory, to be checked again.
            Map<String, List<Verifier.Difference>> differing = new LinkedHashMap<>();
            long[] checked = {0, 0};
            state.users(name -> {
                checked[0]++;
                remember(differing, "user:" + name, verifier.user(state, name));
            });
            state.rooms(id -> {
                checked[1]++;
                remember(differing, "room:" + id, verifier.room(state, id));
            });
            var unknown = new ArrayList<Verifier.Difference>();
            verifier.unknownRooms(state, unknown::add);
            long deadline = System.nanoTime() + settle.toNanos();
            while (!differing.isEmpty() && System.nanoTime() < deadline) {
                sleep();
                var again = replay.foldTo(new Cut.Now());
                for (var aggregate : List.copyOf(differing.keySet())) {
                    var name = aggregate.substring(aggregate.indexOf(':') + 1);
                    var diffs = aggregate.startsWith("user:") ? verifier.user(again, name) : verifier.room(again, name);
                    differing.remove(aggregate);
                    remember(differing, aggregate, diffs);
                }
            }
            if (!unknown.isEmpty()) {
                unknown.clear();
                verifier.unknownRooms(replay.foldTo(new Cut.Now()), unknown::add);
            }
            long count = unknown.size();
            for (var diffs : differing.values()) {
                diffs.forEach(out::write);
                count += diffs.size();
            }
            unknown.forEach(out::write);
            out.flush();
            spec.commandLine().getErr().printf("verified %s and %s of %s against %s: %s%n", counted(checked[0], "user"),
                    counted(checked[1], "room"), connection.appKey(), baseUrl, counted(count, "difference"));
            if (connection.stats()) {
                spec.commandLine().getErr().println(replay.stats());
            }
            return count == 0 ? 0 : EventLogCli.DIFFERENCES;
        }
    }

    private static String counted(long count, String noun) {
        return String.format("%,d %s%s", count, noun, count == 1 ? "" : "s");
    }

    private static void remember(Map<String, List<Verifier.Difference>> differing, String aggregate,
                                 List<Verifier.Difference> diffs) {
        if (!diffs.isEmpty()) {
            differing.put(aggregate, diffs);
        }
    }

    private String secret() throws IOException {
        if (clientSecret != null && !clientSecret.isBlank()) {
            return clientSecret;
        }
        var file = dataDir.resolve("client-secret");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no --client-secret given, $RELATIONS_CLIENT_SECRET unset, and no " + file);
        }
        // The embedded default keeps the secret without the YXA6 prefix it answers to.
        return "YXA6" + Files.readString(file).trim();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** 10s, 500ms, 2m or an ISO-8601 duration. */
    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            var trimmed = value.strip().toLowerCase();
            if (trimmed.startsWith("p")) {
                return Duration.parse(trimmed.toUpperCase());
            }
            if (trimmed.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(trimmed.substring(0, trimmed.length() - 2)));
            }
            long amount = Long.parseLong(trimmed.substring(0, trimmed.length() - 1));
            return switch (trimmed.charAt(trimmed.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new IllegalArgumentException("not a duration: " + value);
            };
        }
    }
}
