package dev.relations.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
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
