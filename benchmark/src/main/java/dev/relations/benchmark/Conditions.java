package dev.relations.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * What else was going on during a measurement: the machine's load average and the CPU
 * the service process used. On a shared 2-core machine a busy neighbour halves the
 * numbers, so the report says how busy it was.
 */
final class Conditions {
    /** Linux reports process CPU time in clock ticks of 1/100 s on every common configuration. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final OptionalLong servicePid;

    Conditions(OptionalLong servicePid) {
        this.servicePid = servicePid;
    }

    record Sample(long nanos, double load1, long serviceTicks) {
    }

    Sample sample() {
        return new Sample(System.nanoTime(), loadAverage(), servicePid.isPresent() ? cpuTicks(servicePid.getAsLong()) : -1);
    }

    String describe(Sample start, Sample end) {
        var text = new StringBuilder(String.format(Locale.ROOT, "load avg %.1f→%.1f", start.load1(), end.load1()));
        if (start.serviceTicks() >= 0 && end.serviceTicks() >= start.serviceTicks()) {
            double seconds = (end.nanos() - start.nanos()) / 1e9;
            double cores = (end.serviceTicks() - start.serviceTicks()) / TICKS_PER_SECOND / seconds;
            text.append(String.format(Locale.ROOT, ", service process CPU %.2f cores", cores));
        }
        return text.toString();
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
