package dev.relations.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds the service's process and its resident memory through /proc (Linux only): the
 * process owning the socket that listens on the service's port. Anything not visible to
 * this user is simply not reported.
 */
final class ServiceProcess {
    private static final String LISTEN = "0A";

    private ServiceProcess() {
    }

    static OptionalLong listeningOn(int port) {
        var inode = listeningInode(port);
        if (inode.isEmpty()) {
            return OptionalLong.empty();
        }
        var target = "socket:[" + inode.get() + "]";
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> ownsSocket(p, target))
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** VmRSS of the process in MiB. */
    static OptionalLong residentMiB(long pid) {
        try {
            for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    var kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return OptionalLong.of(kib / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not ours to read
        }
        return OptionalLong.empty();
    }

    /** The process's environment variables named RELATIONS_* and JAVA_HOME; empty when not readable. */
    static Map<String, String> relationsEnvironment(long pid) {
        var env = new TreeMap<String, String>();
        try {
            for (var entry : Files.readString(Path.of("/proc", Long.toString(pid), "environ")).split("\0")) {
                int eq = entry.indexOf('=');
                if (eq > 0 && (entry.startsWith("RELATIONS_") || entry.startsWith("JAVA_HOME="))) {
                    env.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not ours to read
        }
        return env;
    }

    /** The data directory of the service: its RELATIONS_DATA_DIR, else data/ in its working directory. */
    static Optional<Path> dataDir(long pid) {
        var cwd = workingDirectory(pid);
        var configured = relationsEnvironment(pid).get("RELATIONS_DATA_DIR");
        if (configured != null && !configured.isBlank()) {
            var dir = Path.of(configured);
            return dir.isAbsolute() ? Optional.of(dir) : cwd.map(c -> c.resolve(dir));
        }
        return cwd.map(c -> c.resolve("data"));
    }

    /** The process's working directory, when visible. */
    static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> listeningInode(int port) {
        var hexPort = String.format(":%04X", port);
        for (var table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try {
                for (var line : Files.readAllLines(Path.of(table))) {
                    var fields = line.trim().split("\\s+");
                    if (fields.length > 9 && fields[1].endsWith(hexPort) && fields[3].equals(LISTEN)) {
                        return Optional.of(fields[9]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // table missing (no IPv6, not Linux)
            }
        }
        return Optional.empty();
    }

    private static boolean ownsSocket(Path process, String target) {
        try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(target);
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
