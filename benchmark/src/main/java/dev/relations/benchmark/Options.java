package dev.relations.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Command-line options; every flag has a default that fits the local embedded run. */
record Options(
        URI baseUrl,
        String org,
        String app,
        String clientId,
        String clientSecret,
        String bootstrapServers,
        Path dataDir,
        Driver driver,
        int clients,
        int wrkThreads,
        Duration duration,
        Duration warmup,
        Duration timeout,
        List<String> scenarios,
        int maxAddRate,
        int listTargets,
        int rosterSize,
        int rosterOwners,
        int roomSize,
        long scaleEdges,
        String restartCommand,
        Duration restartTimeout,
        Long servicePid) {

    /** Who sends the HTTP load of the scenarios wrk can drive. */
    enum Driver { WRK, JAVA }

    static final List<String> KNOWN_SCENARIOS = List.of("contact-add", "contact-list", "bare", "roster-large",
            "contact-page", "block-unblock", "room-members", "room-page", "room-mute", "unrouted", "scale");
    static final String DEFAULT_SCENARIOS = "contact-add,room-members,bare,contact-list,room-page,unrouted";
    static final String DEFAULT_RESTART_COMMAND = "./run.sh";
    static final String DEFAULT_CLIENT_ID = "YXA6-relations-demo";
    /** The service stores its generated client secret without the prefix it answers with. */
    static final String SECRET_PREFIX = "YXA6";

    static final String USAGE = """
            Usage: benchmark/run.sh [options]

            Start the service with rate limits off, or Easemob's per-app limits (100/s for most
            APIs, 50/s for blocklists and chatroom creation) answer most calls with 429:
              RELATIONS_RATE_LIMITS_ENABLED=false ./run.sh
            (or raise the benchmark app's limits: --relations.apps.default.rate-limits.<api>=0)

              --base-url URL            service base URL (default http://localhost:8080)
              --org ORG --app APP       tenant (default demo / relations)
              --client-id ID            default: env RELATIONS_CLIENT_ID, else YXA6-relations-demo
              --client-secret SECRET    default: env RELATIONS_CLIENT_SECRET, else "YXA6" + the content of
                                        the service's data/client-secret (--data-dir, env RELATIONS_DATA_DIR,
                                        ./data, or the repository's data/)
              --data-dir DIR            the service's data directory, to find client-secret; scale reports
                                        its disk use and restarts the service on it (default: the
                                        service's RELATIONS_DATA_DIR, else its working directory's data/)
              --bootstrap-servers HOSTS Kafka for the bare pipeline (default localhost:9092)
              --driver wrk|java         load generator of contact-add, contact-list, room-members,
                                        room-page and unrouted: wrk (installed by benchmark/run.sh when
                                        missing) or the benchmark's own JVM (default wrk); the other
                                        scenarios always run on the JVM
              --clients N               concurrent clients, wrk's -c (default 64)
              --wrk-threads N           wrk's -t (default 2)
              --duration D              measured time per scenario, e.g. 20s, 500ms, 1m (default 20s)
              --warmup D                unmeasured time before each scenario (default 5s)
              --timeout D               per-request timeout (default 30s)
              --scenarios LIST          comma list of contact-add, contact-list, bare, roster-large,
                                        contact-page, block-unblock, room-members, room-page, room-mute,
                                        unrouted, scale (default
                                        contact-add,room-members,bare,contact-list,room-page,unrouted)
              --max-add-rate N          adds/s the contact-add user pool is sized for, and operations/s
                                        the block-unblock pool is (default 6000)
              --list-targets N          users with exactly 100 contacts read by contact-list and
                                        contact-page (default 32)
              --roster-size N           roster-large compares adds of contacts 1..N/10 with adds of
                                        contacts N-N/10+1..N; the app's contact limit must allow N
                                        (service env RELATIONS_MAX_CONTACTS) (default 3000)
              --roster-owners N         owners per roster-large group (default 4)
              --room-size N             room-members fills one chatroom to N users (owner included) one
                                        add at a time and compares the first 300 adds with the last
                                        300; it stops when the room is full, so give it a --duration
                                        long enough for that (the service caps maxusers at 10000)
                                        (default 10000)
              --scale-edges N           contact edges scale loads through the API before it measures
                                        (two per mutual friendship; default 1000000, which takes long)
              --restart-command CMD     how scale starts the service again after stopping it, run by
                                        bash in the repository root with the service's RELATIONS_*
                                        environment, RELATIONS_DATA_DIR = --data-dir, RELATIONS_PORT =
                                        the base URL's port and RELATIONS_RATE_LIMITS_ENABLED=false
                                        (default ./run.sh)
              --restart-timeout D       how long scale waits for a restarted service (default 10m)
              --service-pid PID         service JVM to report resident memory for (default: the process
                                        listening on the base URL's port, if visible)
              --allow-remote            permit non-loopback hosts (refused by default)
              --help
            """;

    static Options parse(String[] args) {
        var flags = new LinkedHashMap<String, String>();
        boolean allowRemote = false;
        for (int i = 0; i < args.length; i++) {
            var arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.print(USAGE);
                System.exit(0);
            }
            if (arg.equals("--allow-remote")) {
                allowRemote = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + arg);
                }
                name = arg.substring(2);
                value = args[++i];
            }
            flags.put(name, value);
        }
        var env = System.getenv();
        var options = new Options(
                URI.create(stripSlash(take(flags, "base-url", "http://localhost:8080"))),
                take(flags, "org", "demo"),
                take(flags, "app", "relations"),
                take(flags, "client-id", env.getOrDefault("RELATIONS_CLIENT_ID", DEFAULT_CLIENT_ID)),
                clientSecret(flags.remove("client-secret"), flags.get("data-dir")),
                take(flags, "bootstrap-servers", "localhost:9092"),
                Optional.ofNullable(flags.remove("data-dir")).map(Path::of).orElse(null),
                driver(take(flags, "driver", "wrk")),
                positive(flags, "clients", 64),
                positive(flags, "wrk-threads", 2),
                duration(take(flags, "duration", "20s")),
                duration(take(flags, "warmup", "5s")),
                duration(take(flags, "timeout", "30s")),
                scenarios(take(flags, "scenarios", DEFAULT_SCENARIOS)),
                positive(flags, "max-add-rate", 6000),
                positive(flags, "list-targets", 32),
                positive(flags, "roster-size", 3000),
                positive(flags, "roster-owners", 4),
                positive(flags, "room-size", 10_000),
                Long.parseLong(take(flags, "scale-edges", "1000000")),
                take(flags, "restart-command", DEFAULT_RESTART_COMMAND),
                duration(take(flags, "restart-timeout", "10m")),
                Optional.ofNullable(flags.remove("service-pid")).map(Long::parseLong).orElse(null));
        if (!flags.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", flags.keySet()));
        }
        if (options.rosterSize < 20) {
            throw new IllegalArgumentException("--roster-size must be at least 20");
        }
        if (options.scaleEdges < ScaleScenario.MIN_EDGES) {
            throw new IllegalArgumentException("--scale-edges must be at least " + ScaleScenario.MIN_EDGES);
        }
        if (options.roomSize < 21) {
            throw new IllegalArgumentException("--room-size must be at least 21");
        }
        if (options.listTargets > 100) {
            throw new IllegalArgumentException("--list-targets must be at most 100: each target's friends hold one contact per target");
        }
        if (!allowRemote) {
            requireLoopback(options.baseUrl.getHost());
            for (var server : options.bootstrapServers.split(",")) {
                requireLoopback(server.trim().replaceFirst(":\\d+$", "").replace("[", "").replace("]", ""));
            }
        }
        return options;
    }

    boolean needsService() {
        return scenarios.stream().anyMatch(s -> !s.equals("bare"));
    }

    private static Driver driver(String name) {
        try {
            return Driver.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--driver is wrk or java, not " + name);
        }
    }

    private static String clientSecret(String flag, String dataDirFlag) {
        if (flag != null) {
            return flag;
        }
        var fromEnv = System.getenv("RELATIONS_CLIENT_SECRET");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        var candidates = new ArrayList<Path>();
        if (dataDirFlag != null) {
            candidates.add(Path.of(dataDirFlag));
        } else {
            Optional.ofNullable(System.getenv("RELATIONS_DATA_DIR")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(candidates::add);
            candidates.add(Path.of("data"));
            Optional.ofNullable(System.getProperty("relations.benchmark.repo")).map(r -> Path.of(r, "data")).ifPresent(candidates::add);
        }
        for (var dir : candidates) {
            var file = dir.resolve("client-secret");
            if (Files.isRegularFile(file)) {
                try {
                    return SECRET_PREFIX + Files.readString(file).trim();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        // Only the bare scenario can do without it; the token call reports the problem otherwise.
        return null;
    }

    private static void requireLoopback(String host) {
        try {
            for (var address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException(host + " is not a loopback address; pass --allow-remote to benchmark it");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
    }

    private static List<String> scenarios(String list) {
        var names = Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (var name : names) {
            if (!KNOWN_SCENARIOS.contains(name)) {
                throw new IllegalArgumentException("unknown scenario " + name + "; known: " + KNOWN_SCENARIOS);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("--scenarios is empty");
        }
        return names;
    }

    static Duration duration(String text) {
        var t = text.trim().toLowerCase();
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
            }
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: " + text + " (use e.g. 20s, 500ms, 1m)");
        }
    }

    private static String take(Map<String, String> flags, String name, String fallback) {
        var value = flags.remove(name);
        return value == null ? fallback : value;
    }

    private static int positive(Map<String, String> flags, String name, int fallback) {
        var value = flags.remove(name);
        if (value == null) {
            return fallback;
        }
        int n = Integer.parseInt(value);
        if (n <= 0) {
            throw new IllegalArgumentException("--" + name + " must be positive");
        }
        return n;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
