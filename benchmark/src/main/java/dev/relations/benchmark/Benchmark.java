package dev.relations.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Load generator against a live Relations service: runs the chosen scenarios one after
 * another with N concurrent clients and prints a Markdown table. See {@link Options#USAGE}.
 */
public final class Benchmark {
    private static volatile Workload active;

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
        System.out.printf("Relations benchmark %s: %s/%s/%s, %d clients, driver %s, warm-up %s, %s per scenario, "
                        + "scenarios %s%n", runPrefix, options.baseUrl(), options.org(), options.app(), options.clients(),
                options.driver().name().toLowerCase(Locale.ROOT), human(options.warmup()), human(options.duration()),
                options.scenarios());

        RelationsClient client = null;
        Supplier<OptionalLong> servicePid = OptionalLong::empty;
        if (options.needsService()) {
            client = new RelationsClient(options.baseUrl(), options.org(), options.app(), options.timeout());
            client.authenticate(options.clientId(), options.clientSecret());
            var fixed = options.servicePid();
            // Looked up each time: the scale scenario restarts the service.
            servicePid = fixed != null ? () -> OptionalLong.of(fixed) : () -> ServiceProcess.listeningOn(port(options));
        }

        var conditions = new Conditions(servicePid);
        var wrk = new Wrk(options.baseUrl(), options.wrkThreads(), options.clients(), options.timeout());
        var wrkRunner = new WrkRunner(wrk, options.warmup(), options.duration(), conditions);
        var rows = new ArrayList<Report.Row>();
        var footer = new ArrayList<String>();
        var memory = new ArrayList<String>();
        residentMiB(servicePid).ifPresent(mib -> memory.add("start " + mib + " MiB"));
        boolean failed = false;
        for (var name : options.scenarios()) {
            System.out.printf("%n[%s] preparing%n", name);
            try {
                if (name.equals("scale")) {
                    runScale(options, client, runPrefix, servicePid, wrk, wrkRunner, rows, footer);
                } else {
                    var result = runWorkload(create(name, options, client, runPrefix), options, conditions, wrkRunner);
                    System.out.println(Report.line(result));
                    rows.add(new Report.Row(name, options.clients(), result, null));
                }
            } catch (Exception e) {
                failed = true;
                var message = RelationsClient.abbreviate(e.getClass().getSimpleName() + ": " + e.getMessage());
                System.out.printf("  %s failed: %s%n", name, message);
                rows.add(new Report.Row(name, options.clients(), null, message));
            } finally {
                closeActive();
            }
            if (!name.equals("bare")) {
                residentMiB(servicePid).ifPresent(mib -> memory.add("after " + name + " " + mib + " MiB"));
            }
        }
        if (client != null) {
            client.close();
        }

        footer.addAll(Ratios.toBare(rows));
        if (!memory.isEmpty()) {
            footer.add("service resident memory: " + String.join(", ", memory));
        }
        System.out.printf("%n%s", Report.table(rows, footer));
        return failed ? 1 : 0;
    }

    private static ScenarioResult runWorkload(Workload workload, Options options, Conditions conditions,
                                              WrkRunner wrkRunner) throws Exception {
        active = workload;
        long started = System.nanoTime();
        workload.prepare();
        boolean onWrk = options.driver() == Options.Driver.WRK && workload instanceof WrkScenario;
        System.out.printf("  prepared in %.1f s; warm-up %s, then measuring %s on %s%n",
                (System.nanoTime() - started) / 1e9, human(options.warmup()), human(options.duration()),
                onWrk ? "wrk" : "the JVM");
        if (onWrk) {
            return wrkRunner.run((WrkScenario) workload, options.clients());
        }
        if (workload instanceof Scenario scenario) {
            return new LoadRunner(scenario, options.clients(), options.warmup(), options.duration(), options.timeout(),
                    conditions).run();
        }
        throw new IllegalArgumentException(workload.name() + " runs on wrk only (--driver wrk)");
    }

    private static void runScale(Options options, RelationsClient client, String runPrefix,
                                 Supplier<OptionalLong> servicePid, Wrk wrk, WrkRunner wrkRunner,
                                 List<Report.Row> rows, List<String> footer) throws Exception {
        long pid = servicePid.get().orElseThrow(() -> new IllegalStateException(
                "scale restarts the service: no process visible listening on " + options.baseUrl()));
        var dataDir = options.dataDir() != null ? options.dataDir() : ServiceProcess.dataDir(pid).orElseThrow(
                () -> new IllegalStateException("the service's data directory is not visible; pass --data-dir"));
        var scale = new ScaleScenario(client, runPrefix, options, dataDir.toAbsolutePath(), pid, port(options), wrk,
                wrkRunner);
        try {
            scale.run();
        } finally {
            rows.addAll(scale.rows());
            footer.addAll(scale.notes());
        }
    }

    private static Workload create(String name, Options options, RelationsClient client, String runPrefix) {
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
            case "unrouted" -> new UnroutedScenario(client);
            default -> throw new IllegalArgumentException("unknown scenario " + name);
        };
    }

    private static OptionalLong residentMiB(Supplier<OptionalLong> servicePid) {
        var pid = servicePid.get();
        return pid.isPresent() ? ServiceProcess.residentMiB(pid.getAsLong()) : OptionalLong.empty();
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
