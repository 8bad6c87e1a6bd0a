package dev.relations.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * What else was going on during a measurement: the machine's load average and the CPU
 * the service process and this benchmark's JVM used. On a shared 2-core machine a busy
 * neighbour halves the numbers, so the report says how busy it was.
 */
final class Conditions {
    /** Linux reports process CPU time in clock ticks of 1/100 s on every common configuration. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Supplier<OptionalLong> servicePid;

    /** {@code servicePid} is asked at every start sample: a restarted service has a new one. */
    Conditions(Supplier<OptionalLong> servicePid) {
        this.servicePid = servicePid;
    }

    record Sample(long nanos, double load1, OptionalLong pid, long serviceTicks, long ownTicks) {
    }

    Sample sample() {
        return sample(servicePid.get());
    }

    /** The end of a measurement: the same service process as at its start. */
    Sample sampleAfter(Sample start) {
        return sample(start.pid());
    }

    private static Sample sample(OptionalLong pid) {
        return new Sample(System.nanoTime(), loadAverage(), pid, pid.isPresent() ? cpuTicks(pid.getAsLong()) : -1,
                cpuTicks(ProcessHandle.current().pid()));
    }

    String describe(Sample start, Sample end) {
        return String.format(Locale.ROOT, "load avg %.1f→%.1f", start.load1(), end.load1());
    }

    /** Cores of CPU the service used between the samples, or NaN. */
    static double serviceCores(Sample start, Sample end) {
        return cores(start.serviceTicks(), end.serviceTicks(), start, end);
    }

    /** Cores of CPU this JVM (the Java load generator) used between the samples, or NaN. */
    static double ownCores(Sample start, Sample end) {
        return cores(start.ownTicks(), end.ownTicks(), start, end);
    }

    private static double cores(long from, long to, Sample start, Sample end) {
        if (from < 0 || to < from) {
            return Double.NaN;
        }
        return (to - from) / TICKS_PER_SECOND / ((end.nanos() - start.nanos()) / 1e9);
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** utime + stime of the process (fields 14 and 15 of /proc/pid/stat), or -1. */
    private static long cpuTicks(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may contain spaces; count fields after its closing parenthesis.
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
