package dev.relations.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The service at size: loads {@code edges} contact edges through the API as fast as it
 * takes them (wrk, unique pairs, {@value #LOADED_CONTACTS} contacts per user), then
 * measures contact adds and full-list reads at that size, resident memory, disk use of
 * the data directory, and the time to serve again after a clean stop and after
 * {@code kill -9}: from launching the restart command until an authenticated read of a
 * loaded user's contacts answers 200 with the contacts it listed before the stop. A
 * sample of users must list the same contacts after each restart.
 */
final class ScaleScenario {
    static final int LOADED_CONTACTS = 80;
    /** Adds at size take each user to at most this many contacts, under the default limit of 100. */
    static final int MAX_CONTACTS = 98;
    /** Pairs stay distinct up to MAX_CONTACTS contacts per user in a pool of more than MAX_CONTACTS users. */
    static final int MIN_USERS = MAX_CONTACTS + 2;
    static final long MIN_EDGES = (long) MIN_USERS * LOADED_CONTACTS;
    private static final int SAMPLE = 20;
    private static final Duration LOAD_LIMIT = Duration.ofHours(12);

    private final RelationsClient client;
    private final Pairs pairs;
    private final long loadedPairs;
    private final Options options;
    private final Path dataDir;
    private final long servicePid;
    private final int port;
    private final WrkRunner runner;
    private final Wrk wrk;
    private final List<Report.Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    ScaleScenario(RelationsClient client, String runPrefix, Options options, Path dataDir, long servicePid, int port,
                  Wrk wrk, WrkRunner runner) {
        this.client = client;
        int users = (int) Math.max(MIN_USERS, (options.scaleEdges() + LOADED_CONTACTS - 1) / LOADED_CONTACTS);
        this.pairs = new Pairs(runPrefix + "-scale-", users);
        this.loadedPairs = pairs.capacity(LOADED_CONTACTS);
        this.options = options;
        this.dataDir = dataDir;
        this.servicePid = servicePid;
        this.port = port;
        this.wrk = wrk;
        this.runner = runner;
    }

    List<Report.Row> rows() {
        return rows;
    }

    List<String> notes() {
        return notes;
    }

    void run() throws Exception {
        var restart = new ServiceRestart(port, options.restartCommand(), dataDir, servicePid);
        System.out.printf("  registering %,d users (%s0..)%n", pairs.pool(), pairs.userPrefix());
        Parallel.registerUsers(client, pairs.userPrefix(), pairs.pool());
        load();
        atSize();
        var sample = snapshot();
        verifyLoaded(sample);
        notes.add("scale: resident memory " + ServiceProcess.residentMiB(ServiceProcess.listeningOn(port).orElse(-1))
                .stream().mapToObj(m -> m + " MiB").findFirst().orElse("not visible")
                + " after loading and measuring; disk use of " + dataDir + ": " + DiskUse.of(dataDir));
        restartAfter(restart, false, sample);
        restartAfter(restart, true, sample);
        notes.add("scale: " + restart.describe());
    }

    private void load() throws Exception {
        var script = WrkScript.post("scale-load", pairs.addTargetLua(client.appPath()), client.token()).until(loadedPairs);
        System.out.printf("  loading %,d mutual friendships (%,d edges) with wrk%n", loadedPairs, 2 * loadedPairs);
        long step = Math.max(10_000, loadedPairs / 10);
        var reported = new long[] {0};
        var result = runner.measure("scale load " + String.format(Locale.ROOT, "%,d", 2 * loadedPairs) + " edges",
                script, LOAD_LIMIT, options.clients(), List.of(), done -> {
                    if (done - reported[0] >= step) {
                        reported[0] = done;
                        System.out.printf("  … %,d friendships%n", done);
                    }
                });
        System.out.println(Report.line(result));
        rows.add(new Report.Row(result.name(), result.clients(), result, null));
    }

    /** Adds of fresh pairs (contacts 81 up to 98 of each user) and full-list reads, at size. */
    private void atSize() throws Exception {
        var adds = WrkScript.post("scale-add", pairs.addTargetLua(client.appPath()), client.token())
                .from(loadedPairs).until(pairs.capacity(MAX_CONTACTS));
        measureAtSize("scale contact-add", adds, true);
        var lists = WrkScript.get("scale-list",
                WrkScript.cycling(client.appPath() + "/users/", pairs.userPrefix(), "/contacts/users", pairs.pool()),
                client.token());
        measureAtSize("scale contact-list", lists, false);
    }

    private void measureAtSize(String name, WrkScript script, boolean continueAfterWarmup) throws Exception {
        var measured = script;
        if (!options.warmup().isZero()) {
            long next = wrk.run(script, options.warmup(), n -> { }).next();
            measured = continueAfterWarmup ? script.from(next) : script;
        }
        var result = runner.measure(name, measured, options.duration(), options.clients(), List.of(), n -> { });
        System.out.println(Report.line(result));
        rows.add(new Report.Row(name, options.clients(), result, null));
    }

    /** The contacts of {@value #SAMPLE} users spread over the pool, as listed now. */
    private Map<String, Set<String>> snapshot() throws Exception {
        var sample = new LinkedHashMap<String, Set<String>>();
        for (int s = 0; s < SAMPLE; s++) {
            var user = pairs.userPrefix() + (int) ((long) s * pairs.pool() / SAMPLE);
            sample.put(user, contacts(user));
        }
        return sample;
    }

    /** Every sampled user lists at least the contacts the load gave it. */
    private void verifyLoaded(Map<String, Set<String>> sample) {
        long missing = 0;
        for (var entry : sample.entrySet()) {
            int user = Integer.parseInt(entry.getKey().substring(pairs.userPrefix().length()));
            for (int r = 1; r <= LOADED_CONTACTS / 2; r++) {
                for (int friend : new int[] {Math.floorMod(user + r, pairs.pool()), Math.floorMod(user - r, pairs.pool())}) {
                    if (!entry.getValue().contains(pairs.userPrefix() + friend)) {
                        missing++;
                    }
                }
            }
        }
        notes.add(String.format(Locale.ROOT, "scale: %d sampled users list %s of their %d loaded contacts each",
                sample.size(), missing == 0 ? "all" : "all but " + missing + " in total", LOADED_CONTACTS));
    }

    private void restartAfter(ServiceRestart restart, boolean kill, Map<String, Set<String>> sample) throws Exception {
        var how = kill ? "kill -9" : "clean stop";
        System.out.printf("  %s, then %s%n", how, options.restartCommand());
        double stopped = restart.stop(kill);
        var first = sample.entrySet().iterator().next();
        double serving = restart.start(() -> contacts(first.getKey()).equals(first.getValue()), options.restartTimeout());
        int differing = 0;
        for (var entry : sample.entrySet()) {
            if (!contacts(entry.getKey()).equals(entry.getValue())) {
                differing++;
            }
        }
        var line = String.format(Locale.ROOT, "scale: restart after %s: stopped in %.1f s, serving %s's %d contacts "
                        + "again %.1f s after launch; %s",
                how, stopped, first.getKey(), first.getValue().size(), serving,
                differing == 0 ? "all " + sample.size() + " sampled users list the same contacts as before"
                        : differing + " of " + sample.size() + " sampled users list other contacts than before");
        System.out.println("  " + line);
        notes.add(line);
    }

    private Set<String> contacts(String user) throws Exception {
        var response = client.listContacts(user);
        if (!response.ok()) {
            throw new IllegalStateException(user + "'s contacts: " + response.errorLabel());
        }
        var names = new HashSet<String>();
        RelationsClient.tree(response).path("data").forEach(n -> names.add(n.asText()));
        return names;
    }
}
