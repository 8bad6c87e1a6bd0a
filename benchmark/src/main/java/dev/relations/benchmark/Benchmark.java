package dev.relations.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Load generator against a live Relations service: runs the chosen scenarios one after
 * another with N concurrent clients and prints a Markdown table. See {@link Options#USAGE}.
 */
public final class Benchmark {
    private static volatile Scenario active;

    private Benchmark() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        // Ctrl-C must not leave the bare pipeline's topics behind.
        Runtime.getRuntime().addShutdownHook(new Thread(Benchmark::closeActive, "benchmark-cleanup"));
        int exit;
        try {
            exit = run(options);
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e);
            exit = 1;
        }
        System.exit(exit);
    }

    private static int run(Options options) throws Exception {
        // Usernames are lower case; a per-run prefix keeps every run's users and topics apart.
        var runPrefix = "bench" + Long.toString(System.currentTimeMillis(), 36)
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);
        System.out.printf("Relations benchmark %s: %s/%s/%s, %d clients, warm-up %s, %s per scenario, scenarios %s%n",
                runPrefix, options.baseUrl(), options.org(), options.app(), options.clients(),
                human(options.warmup()), human(options.duration()), options.scenarios());

        RelationsClient client = null;
        OptionalLong servicePid = OptionalLong.empty();
        if (options.needsService()) {
            client = new RelationsClient(options.baseUrl(), options.org(), options.app(), options.timeout());
            client.authenticate(options.clientId(), options.clientSecret());
            servicePid = options.servicePid() != null ? OptionalLong.of(options.servicePid())
                    : ServiceProcess.listeningOn(port(options));
        }

        var conditions = new Conditions(servicePid);
        var rows = new ArrayList<Report.Row>();
        var footer = new ArrayList<String>();
        var memory = new ArrayList<String>();
        servicePid.ifPresent(pid -> ServiceProcess.residentMiB(pid).ifPresent(mib -> memory.add("start " + mib + " MiB")));
        boolean failed = false;
        for (var name : options.scenarios()) {
            System.out.printf("%n[%s] preparing%n", name);
            var scenario = create(name, options, client, runPrefix);
            active = scenario;
            try {
                long started = System.nanoTime();
                scenario.prepare();
                System.out.printf("  prepared in %.1f s; warm-up %s, then measuring %s%n",
                        (System.nanoTime() - started) / 1e9, human(options.warmup()), human(options.duration()));
                var result = new LoadRunner(scenario, options.clients(), options.warmup(), options.duration(),
                        options.timeout(), conditions).run();
                System.out.println(Report.line(result));
                rows.add(new Report.Row(name, options.clients(), result, null));
            } catch (Exception e) {
                failed = true;
                var message = RelationsClient.abbreviate(e.getClass().getSimpleName() + ": " + e.getMessage());
                System.out.printf("  %s failed: %s%n", name, message);
                rows.add(new Report.Row(name, options.clients(), null, message));
            } finally {
                closeActive();
            }
            if (!name.equals("bare") && servicePid.isPresent()) {
                ServiceProcess.residentMiB(servicePid.getAsLong())
                        .ifPresent(mib -> memory.add("after " + name + " " + mib + " MiB"));
            }
        }
        if (client != null) {
            client.close();
        }

        ratio(rows).ifPresent(footer::add);
        if (!memory.isEmpty()) {
            footer.add("service resident memory (pid " + servicePid.getAsLong() + "): " + String.join(", ", memory));
        }
        System.out.printf("%n%s", Report.table(rows, footer));
        return failed ? 1 : 0;
    }

    private static Scenario create(String name, Options options, RelationsClient client, String runPrefix) {
        return switch (name) {
            case "contact-add" -> new ContactAddScenario(client, runPrefix, options.warmup(), options.duration(), options.maxAddRate());
            case "contact-list" -> new ContactListScenario(client, runPrefix, options.listTargets());
            case "roster-large" -> new LargeRosterScenario(client, runPrefix, options.rosterOwners(), options.rosterSize());
            case "bare" -> new BarePipelineScenario(options.bootstrapServers(), runPrefix, options.timeout());
            case "contact-page" -> new ContactPageScenario(client, runPrefix, options.listTargets(), options.clients());
            case "block-unblock" -> new BlockUnblockScenario(client, runPrefix, options.warmup(), options.duration(),
                    options.maxAddRate(), options.clients());
            case "room-members" -> new RoomMembersScenario(client, runPrefix, options.roomSize());
            case "room-page" -> new RoomPageScenario(client, runPrefix);
            case "room-mute" -> new RoomMuteScenario(client, runPrefix);
            default -> throw new IllegalArgumentException("unknown scenario " + name);
        };
    }

    private static Optional<String> ratio(List<Report.Row> rows) {
        var add = find(rows, "contact-add");
        var bare = find(rows, "bare");
        if (add.isEmpty() || bare.isEmpty() || bare.get().okPerSecond() == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "contact-add / bare throughput: %.0f / %.0f = %.2f (target ≥ 0.6)",
                add.get().okPerSecond(), bare.get().okPerSecond(), add.get().okPerSecond() / bare.get().okPerSecond()));
    }

    private static Optional<ScenarioResult> find(List<Report.Row> rows, String name) {
        return rows.stream().filter(r -> r.scenario().equals(name) && r.result() != null).map(Report.Row::result).findFirst();
    }

    private static void closeActive() {
        var scenario = active;
        active = null;
        if (scenario != null) {
            try {
                scenario.close();
            } catch (Exception e) {
                System.out.printf("  cleaning up %s failed: %s%n", scenario.name(), e);
            }
        }
    }

    private static int port(Options options) {
        int port = options.baseUrl().getPort();
        return port > 0 ? port : "https".equals(options.baseUrl().getScheme()) ? 443 : 80;
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
