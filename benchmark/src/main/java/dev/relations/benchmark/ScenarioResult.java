package dev.relations.benchmark;

import java.util.List;
import java.util.Map;

/**
 * What a measured run of one scenario came to. Latencies are in milliseconds (NaN when
 * nothing was measured); CPU in cores, of the service and of the load generator (the
 * benchmark's own JVM, or wrk), NaN when not visible.
 */
record ScenarioResult(String name, String driver, int clients, long ok, Map<String, Long> errors, double p50Millis,
                      double p99Millis, double maxMillis, double elapsedSeconds, double serviceCores,
                      double generatorCores, String conditions, List<String> notes) {

    ScenarioResult withNotes(List<String> more) {
        return new ScenarioResult(name, driver, clients, ok, errors, p50Millis, p99Millis, maxMillis, elapsedSeconds,
                serviceCores, generatorCores, conditions, List.copyOf(more));
    }

    double okPerSecond() {
        return elapsedSeconds <= 0 ? 0 : ok / elapsedSeconds;
    }
}
