package dev.relations.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The Markdown summary printed at the end of a run. */
final class Report {
    /** A scenario's result, or why it has none. */
    record Row(String scenario, int clients, ScenarioResult result, String failure) {
    }

    private Report() {
    }

    static String line(ScenarioResult r) {
        return String.format(Locale.ROOT, "  %s (%s): %,d ok in %.1f s = %,.0f ok/s; p50 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms; errors %s; CPU service %s, generator %s cores; %s",
                r.name(), r.driver(), r.ok(), r.elapsedSeconds(), r.okPerSecond(), r.p50Millis(), r.p99Millis(),
                r.maxMillis(), errors(r.errors()), cores(r.serviceCores()), cores(r.generatorCores()), r.conditions());
    }

    static String table(List<Row> rows, List<String> footer) {
        var out = new StringBuilder();
        out.append("| scenario | driver | clients | ok | ok/s | p50 ms | p99 ms | max ms | errors | service CPU | generator CPU |\n");
        out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |\n");
        for (var row : rows) {
            var r = row.result();
            if (r == null) {
                out.append(String.format(Locale.ROOT, "| %s | – | %d | – | – | – | – | – | failed: %s | – | – |%n",
                        row.scenario(), row.clients(), row.failure().replace("|", "/")));
                continue;
            }
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.0f | %s | %s | %s | %s | %s | %s |%n",
                    r.name(), r.driver(), r.clients(), r.ok(), r.okPerSecond(), millis(r.p50Millis()),
                    millis(r.p99Millis()), millis(r.maxMillis()), errors(r.errors()).replace("|", "/"),
                    cores(r.serviceCores()), cores(r.generatorCores())));
        }
        var lines = new ArrayList<>(footer);
        rows.stream().filter(r -> r.result() != null).flatMap(r -> r.result().notes().stream()).forEach(lines::add);
        rows.stream().filter(r -> r.result() != null)
                .forEach(r -> lines.add("while measuring " + r.scenario() + ": " + r.result().conditions()));
        if (!lines.isEmpty()) {
            out.append('\n');
            lines.forEach(l -> out.append(l).append('\n'));
        }
        return out.toString();
    }

    private static String cores(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String errors(Map<String, Long> errors) {
        long total = errors.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "0";
        }
        return total + " (" + errors.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }
}
