package dev.relations.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Disk use of a data directory's subdirectories (broker log, registry, Streams state), as du reports it. */
final class DiskUse {
    private DiskUse() {
    }

    /** E.g. "kafka 1.7 GiB, registry 1.2 MiB, streams 612 MiB; total 2.3 GiB". */
    static String of(Path dataDir) throws IOException, InterruptedException {
        var parts = new ArrayList<String>();
        List<Path> children;
        try (Stream<Path> list = Files.list(dataDir)) {
            children = list.filter(Files::isDirectory).sorted().toList();
        }
        for (var dir : children) {
            parts.add(dir.getFileName() + " " + human(kib(dir)));
        }
        return String.join(", ", parts) + "; total " + human(kib(dataDir));
    }

    private static long kib(Path path) throws IOException, InterruptedException {
        var process = new ProcessBuilder("du", "-sk", path.toString()).redirectErrorStream(true).start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        try {
            return Long.parseLong(out.lines().reduce((a, b) -> b).orElse("").split("\\s+")[0]);
        } catch (NumberFormatException e) {
            throw new IOException("du " + path + ": " + RelationsClient.abbreviate(out));
        }
    }

    static String human(long kib) {
        if (kib >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", kib / 1024.0);
    }
}
