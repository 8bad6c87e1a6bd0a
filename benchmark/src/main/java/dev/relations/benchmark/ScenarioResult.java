package dev.relations.benchmark;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Map;

/** What a measured run of one scenario came to. Latencies are of successful operations, in microseconds. */
record ScenarioResult(String name, int clients, long ok, Map<String, Long> errors, Histogram latencyMicros,
                      double elapsedSeconds, String conditions, List<String> notes) {

    double okPerSecond() {
        return elapsedSeconds <= 0 ? 0 : ok / elapsedSeconds;
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
    }
}
