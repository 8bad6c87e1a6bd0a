package dev.relations.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Each write scenario's throughput against the bare Streams request-reply pipeline of the same run. */
final class Ratios {
    static final List<String> WRITES = List.of("contact-add", "room-members", "block-unblock", "room-mute",
            "scale contact-add");
    /** The target for contact adds and room member adds. */
    static final double TARGET = 0.45;
    static final List<String> TARGETED = List.of("contact-add", "room-members", "scale contact-add");

    private Ratios() {
    }

    static List<String> toBare(List<Report.Row> rows) {
        var lines = new ArrayList<String>();
        var bare = find(rows, "bare").filter(b -> b.okPerSecond() > 0);
        if (bare.isEmpty()) {
            return lines;
        }
        for (var write : WRITES) {
            find(rows, write).ifPresent(w -> lines.add(String.format(Locale.ROOT,
                    "%s / bare throughput: %.0f / %.0f = %.2f%s", write, w.okPerSecond(), bare.get().okPerSecond(),
                    w.okPerSecond() / bare.get().okPerSecond(),
                    TARGETED.contains(write) ? String.format(Locale.ROOT, " (target ≥ %.2f)", TARGET) : "")));
        }
        return lines;
    }

    private static Optional<ScenarioResult> find(List<Report.Row> rows, String name) {
        return rows.stream().filter(r -> r.scenario().equals(name) && r.result() != null).map(Report.Row::result)
                .findFirst();
    }
}
