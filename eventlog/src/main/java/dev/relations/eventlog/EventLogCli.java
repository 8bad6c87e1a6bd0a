package dev.relations.eventlog;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;

/** {@code relations-log}: the events topic of a deployment, replayed for analysts. */
@Command(name = "relations-log", mixinStandardHelpOptions = true, version = "relations-log 0.1.0",
        description = "Replays the events topic of a Relations deployment (read_committed, decoded by writer schema id).",
        subcommands = {AsOfCommand.class, EventsCommand.class, VerifyCommand.class})
public final class EventLogCli {
    /** Exit code of verify when the log and the service differ. */
    public static final int DIFFERENCES = 1;
    /** Exit code of a run that could not finish (broker, registry or service unreachable, bad data). */
    public static final int FAILED = 3;

    private EventLogCli() {
    }

    public static void main(String[] args) {
        // Named apart from logback.xml so that a test classpath holding the service too keeps the service's.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "relations-log-logback.xml");
        }
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code (2 for a usage error). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true, StandardCharsets.UTF_8), new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                args);
    }

    /** Runs one command line with its output and errors going where given. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new EventLogCli())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    line.getErr().println("relations-log: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    return FAILED;
                })
                .execute(args);
    }
}
