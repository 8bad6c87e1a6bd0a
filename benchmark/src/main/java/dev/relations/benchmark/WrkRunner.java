package dev.relations.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.function.LongConsumer;

/** Runs a {@link WrkScenario}: the warm-up run, then the measured run with the service's CPU sampled around it. */
final class WrkRunner {
    private final Wrk wrk;
    private final Duration warmup;
    private final Duration duration;
    private final Conditions conditions;

    WrkRunner(Wrk wrk, Duration warmup, Duration duration, Conditions conditions) {
        this.wrk = wrk;
        this.warmup = warmup;
        this.duration = duration;
        this.conditions = conditions;
    }

    ScenarioResult run(WrkScenario scenario, int clients) throws Exception {
        long next = 0;
        if (!warmup.isZero()) {
            next = wrk.run(scenario.warmup(), warmup, n -> { }).next();
        }
        return measure(scenario.name(), scenario.measured(next), duration, clients, List.of(), n -> { })
                .withNotes(scenario.notes());
    }

    /** One measured wrk run of {@code script} as a report row. */
    ScenarioResult measure(String name, WrkScript script, Duration runFor, int clients, List<String> notes,
                           LongConsumer progress) throws Exception {
        var start = conditions.sample();
        var run = wrk.run(script, runFor, progress);
        var end = conditions.sampleAfter(start);
        return result(name, run, clients, Conditions.serviceCores(start, end), conditions.describe(start, end), notes);
    }

    static ScenarioResult result(String name, Wrk.Run run, int clients, double serviceCores, String conditions,
                                 List<String> notes) {
        return new ScenarioResult(name, "wrk", clients, run.ok(), run.errors(), run.p50Micros() / 1000.0,
                run.p99Micros() / 1000.0, run.maxMicros() / 1000.0, run.seconds(), serviceCores,
                run.cpuSeconds() / run.seconds(), conditions, notes);
    }
}
