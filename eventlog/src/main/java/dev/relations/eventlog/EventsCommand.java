package dev.relations.eventlog;

import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.json.AvroJson;
import dev.relations.schemas.serde.HttpSchemaRegistryClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"One user's or room's history, filtered by type and time, as JSON Lines.",
                "Oldest first; each line has the event's partition, offset, writer schema id, envelope fields and payload."})
final class EventsCommand implements Callable<Integer> {
    @Mixin
    private Connection connection;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    @Option(names = "--types", split = ",", paramLabel = "TYPE",
            description = "only these event types; a type ending in '*' is a prefix (contact.*, room.mutes.*)")
    private List<String> types;

    @Option(names = "--since", paramLabel = "TIME", description = "only events that occurred at or after this time")
    private String since;

    @Option(names = "--until", paramLabel = "TIME", description = "only events that occurred at or before this time")
    private String until;

    @Override
    public Integer call() {
        var key = target.key(connection);
        // The record key, not the envelope: events of schema 1 name their aggregate only there.
        var keyBytes = key.getBytes(StandardCharsets.UTF_8);
        long from = since == null ? Long.MIN_VALUE : Cut.time(since);
        long to = until == null ? Long.MAX_VALUE : Cut.time(until);
        int partition = EventReader.partitionOf(key, EventReader.partitionCount(connection.bootstrapServers(), connection.topic()));
        var writer = spec.commandLine().getOut();
        var out = new JsonLines(writer);
        long started = System.nanoTime();
        long[] printed = {0};
        try (var reader = new EventReader(connection.bootstrapServers(), new HttpSchemaRegistryClient(connection.registryUrl()),
                connection.topic(), connection.appKey(), List.of(partition))) {
            reader.readTo(reader.endOffsets(), positioned -> {
                var event = positioned.event();
                if (Arrays.equals(keyBytes, positioned.key()) && event.getOccurredAt() >= from && event.getOccurredAt() <= to
                        && typeMatches(event)) {
                    var line = JsonLines.JSON.createObjectNode()
                            .put("partition", positioned.partition())
                            .put("offset", positioned.offset())
                            .put("writer_schema_id", positioned.writerSchemaId());
                    line.setAll(AvroJson.record(event));
                    out.write(line);
                    printed[0]++;
                }
            });
            out.flush();
            if (connection.stats()) {
                spec.commandLine().getErr().printf("printed %,d events of %s (%,d records read from partition %d) in %.2f s%n", printed[0], key,
                        reader.recordsRead(), partition, (System.nanoTime() - started) / 1e9);
            }
        }
        return 0;
    }

    private boolean typeMatches(EventEnvelope event) {
        if (types == null || types.isEmpty()) {
            return true;
        }
        var type = event.getEventType();
        return types.stream().anyMatch(t -> t.endsWith("*") ? type.startsWith(t.substring(0, t.length() - 1)) : type.equals(t));
    }
}
