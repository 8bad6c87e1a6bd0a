package dev.relations.eventlog;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "as-of", mixinStandardHelpOptions = true,
        description = {"State as of a moment or offsets: a user, a room, or the whole app, as JSON Lines.",
                "Folds the app's events up to the cut and prints the state then:",
                "with --user, the user's contacts (newest first, with remarks), blocklist and joined rooms;",
                "with --room, the room's info, owner, admins, members (join order), blocklist, allowlist and mutes in force;",
                "with neither, every user and room of the app that existed then, one per line."})
final class AsOfCommand implements Callable<Integer> {
    @Mixin
    private Connection connection;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TIME|OFFSETS",
            description = "now, ms since the epoch, an ISO time (2026-12-03T17:00:00Z; UTC when no offset), or PARTITION:OFFSET,... "
                    + "(events below each offset; partitions not named are read to their end)")
    private String cut;

    @ArgGroup(exclusive = true)
    private Target target;

    @Option(names = {"-o", "--output"}, description = "write to this file instead of standard output")
    private Path output;

    @Override
    public Integer call() throws IOException {
        var at = Cut.parse(cut);
        // A room's state is its own events only; a user's joined rooms come from every room's.
        List<Integer> partitions = target != null && !target.isUser()
                ? List.of(EventReader.partitionOf(target.key(connection),
                        EventReader.partitionCount(connection.bootstrapServers(), connection.topic())))
                : null;
        var writer = output == null ? spec.commandLine().getOut()
                : new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8));
        try (var replay = new Replay(connection, partitions)) {
            var state = replay.foldTo(at);
            long moment = at.moment(replay.newestOccurredAt());
            var out = new JsonLines(writer);
            if (target == null) {
                state.users(name -> {
                    var user = state.user(name);
                    if (user.exists()) {
                        out.write(user);
                    }
                });
                state.rooms(id -> {
                    var room = state.room(id, moment);
                    if (room.exists()) {
                        out.write(room);
                    }
                });
            } else if (target.isUser()) {
                out.write(state.user(target.user()));
            } else {
                out.write(state.room(target.room(), moment));
            }
            out.flush();
            if (connection.stats()) {
                spec.commandLine().getErr().println(replay.stats());
            }
        } finally {
            if (output != null) {
                writer.close();
            }
        }
        return 0;
    }
}
