package dev.relations.benchmark;

import org.HdrHistogram.Histogram;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs a scenario closed-loop: each client (a virtual thread) issues its next operation
 * as soon as the previous one is answered, first for the warm-up, then for the measured
 * duration. Operations that straddle the switch count as warm-up.
 */
final class LoadRunner {
    private final Scenario scenario;
    private final int clients;
    private final Duration warmup;
    private final Duration duration;
    private final Duration opTimeout;
    private final Conditions conditions;

    private final Histogram[] latencies;
    private final long[] ok;
    private final long[] lastCompletion;
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final CountDownLatch finished;
    private volatile boolean measuring;
    private volatile boolean stop;

    LoadRunner(Scenario scenario, int clients, Duration warmup, Duration duration, Duration opTimeout, Conditions conditions) {
        this.scenario = scenario;
        this.conditions = conditions;
        this.clients = clients;
        this.warmup = warmup;
        this.duration = duration;
        this.opTimeout = opTimeout;
        this.latencies = new Histogram[clients];
        this.ok = new long[clients];
        this.lastCompletion = new long[clients];
        this.finished = new CountDownLatch(clients);
        long highest = Math.max(TimeUnit.MILLISECONDS.toMicros(opTimeout.toMillis()) * 4, 1_000_000);
        for (int i = 0; i < clients; i++) {
            latencies[i] = new Histogram(highest, 3);
        }
    }

    ScenarioResult run() throws InterruptedException {
        var threads = new ArrayList<Thread>(clients);
        if (warmup.isZero()) {
            startMeasuring();
        }
        for (int i = 0; i < clients; i++) {
            int client = i;
            threads.add(Thread.ofVirtual().name(scenario.name() + "-client-" + i).start(() -> loop(client)));
        }
        if (!warmup.isZero()) {
            finished.await(warmup.toNanos(), TimeUnit.NANOSECONDS);
            startMeasuring();
        }
        long measureStart = System.nanoTime();
        var startSample = conditions.sample();
        finished.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        stop = true;
        long stoppedAt = System.nanoTime();
        var endSample = conditions.sampleAfter(startSample);
        if (!finished.await(opTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
            threads.forEach(Thread::interrupt);
            finished.await(5, TimeUnit.SECONDS);
            errors.computeIfAbsent("client stuck past timeout", k -> new LongAdder()).add(finished.getCount());
        }
        var merged = new Histogram(latencies[0].getHighestTrackableValue(), 3);
        long okTotal = 0;
        long last = stoppedAt;
        for (int i = 0; i < clients; i++) {
            synchronized (latencies[i]) {
                merged.add(latencies[i]);
                okTotal += ok[i];
                last = Math.max(last, lastCompletion[i]);
            }
        }
        // When every client ran out of work early (DONE), stoppedAt is already when the last one finished.
        long end = last;
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((label, count) -> errorCounts.put(label, count.sum()));
        return new ScenarioResult(scenario.name(), "java", clients, okTotal, errorCounts, millis(merged, 50),
                millis(merged, 99), millis(merged, 100), (end - measureStart) / 1e9,
                Conditions.serviceCores(startSample, endSample), Conditions.ownCores(startSample, endSample),
                conditions.describe(startSample, endSample), List.copyOf(scenario.notes()));
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private void startMeasuring() {
        scenario.measuring();
        measuring = true;
    }

    private void loop(int client) {
        try {
            while (!stop && !Thread.currentThread().isInterrupted()) {
                boolean measured = measuring;
                long started = System.nanoTime();
                OpResult result;
                try {
                    result = scenario.execute(client);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    result = OpResult.error(label(e));
                }
                long completed = System.nanoTime();
                if (result.kind() == OpResult.Kind.DONE) {
                    return;
                }
                if (measured) {
                    record(client, result, started, completed);
                }
                if (result.kind() == OpResult.Kind.ERROR && result.label().startsWith("io:")) {
                    // A refused connection answers in microseconds; do not spin.
                    Thread.sleep(10);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished.countDown();
        }
    }

    private void record(int client, OpResult result, long started, long completed) {
        if (result.kind() == OpResult.Kind.OK) {
            synchronized (latencies[client]) {
                var histogram = latencies[client];
                histogram.recordValue(Math.min((completed - started) / 1_000, histogram.getHighestTrackableValue()));
                ok[client]++;
                lastCompletion[client] = completed;
            }
        } else {
            errors.computeIfAbsent(result.label(), k -> new LongAdder()).increment();
            synchronized (latencies[client]) {
                lastCompletion[client] = completed;
            }
        }
    }

    private static String label(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && (cause instanceof java.util.concurrent.ExecutionException
                || cause instanceof java.util.concurrent.CompletionException)) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "timeout";
        }
        if (cause instanceof java.io.IOException) {
            return "io: " + cause.getClass().getSimpleName();
        }
        return cause.getClass().getSimpleName();
    }
}
