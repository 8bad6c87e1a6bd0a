package dev.relations.engine;

import dev.relations.mapping.AvroSerdes;
import dev.relations.store.StoreNames;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.contact.RosterLimits;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.Properties;
import java.util.function.Function;

/**
 * commands + steps -> [command processor + state store] -> events, notifications, outcomes, steps (follow-ups).
 * Topic names follow the application id ({@link Topics}).
 */
public final class RelationsTopology {
    private static final String COMMANDS_SOURCE = "commands-source";
    private static final String COMMAND_PROCESSOR = "command-processor";

    private RelationsTopology() {
    }

    /** How long an Idempotency-Key is honoured by default. */
    public static final Duration REQUEST_RETENTION = Duration.ofHours(24);
    /** How long a chain's first step keeps a reservation for a step that does not answer, by default. */
    public static final Duration RESERVATION_DEADLINE = Duration.ofSeconds(60);

    public static Topology build(AvroSerdes serdes, Function<Tenant, RosterLimits> limits) {
        return build(serdes, limits, REQUEST_RETENTION);
    }

    public static Topology build(AvroSerdes serdes, Function<Tenant, RosterLimits> limits, Duration requestRetention) {
        return build(serdes, Limits.withRoster(limits), requestRetention);
    }

    public static Topology build(AvroSerdes serdes, Limits limits) {
        return build(serdes, limits, REQUEST_RETENTION);
    }

    public static Topology build(AvroSerdes serdes, Limits limits, Duration requestRetention) {
        var minimal = new Properties();
        minimal.put(StreamsConfig.APPLICATION_ID_CONFIG, "relations");
        minimal.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return build(serdes, limits, requestRetention, minimal);
    }

    /**
     * The topology carries the Streams configuration: transactional state stores are read
     * from the topology's config at start-up, and a bare {@code new Topology()} would have
     * Streams wipe "corrupted" stores after a crash instead.
     */
    public static Topology build(AvroSerdes serdes, Limits limits, Duration requestRetention, Properties streamsConfig) {
        return build(serdes, limits, RequestRetention.of(requestRetention), RESERVATION_DEADLINE, streamsConfig);
    }

    public static Topology build(AvroSerdes serdes, Limits limits, RequestRetention requestRetention,
                                 Duration reservationDeadline, Properties streamsConfig) {
        return build(serdes, limits, requestRetention, reservationDeadline, streamsConfig, null);
    }

    /**
     * {@code stepsSink} (null: the steps topic) lets a test receive the engine's own steps on a
     * topic the topology does not read, to deliver them late, out of order, or not at all.
     */
    static Topology build(AvroSerdes serdes, Limits limits, RequestRetention requestRetention,
                          Duration reservationDeadline, Properties streamsConfig, String stepsSink) {
        var strings = Serdes.String();
        var config = new StreamsConfig(streamsConfig);
        var topics = new Topics(config.getString(StreamsConfig.APPLICATION_ID_CONFIG));
        var topology = new Topology(new TopologyConfig(config));
        // A record without a key or a value cannot be a command: the deserializers refuse it, so the
        // deserialization handler sends it to the dead-letter topic like any other unreadable record.
        topology.addSource(COMMANDS_SOURCE, UnreadableCommands.required(strings.deserializer()),
                UnreadableCommands.required(serdes.commands().deserializer()), topics.commands(), topics.steps());
        topology.addProcessor(COMMAND_PROCESSOR, () -> new CommandProcessor(serdes, limits, requestRetention, reservationDeadline),
                COMMANDS_SOURCE);
        // One store for every aggregate family: each exactly-once step writes one changelog
        // partition. No record cache: it holds changelog writes back to the commit, which then
        // waits for them (measured slower here, see the README).
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.STATE),
                Serdes.String(), Serdes.ByteArray()).withCachingDisabled(), COMMAND_PROCESSOR);
        // Values arrive serialized: the processor serializes each step's records inside the step (StepOutputs).
        var bytes = Serdes.ByteArray().serializer();
        topology.addSink(StepOutputs.STEPS_SINK, stepsSink == null ? topics.steps() : stepsSink, strings.serializer(), bytes, COMMAND_PROCESSOR);
        topology.addSink(StepOutputs.OUTCOMES_SINK, topics.outcomes(), strings.serializer(), bytes, COMMAND_PROCESSOR);
        topology.addSink(StepOutputs.EVENTS_SINK, topics.events(), strings.serializer(), bytes, COMMAND_PROCESSOR);
        topology.addSink(StepOutputs.NOTIFICATIONS_SINK, topics.notifications(), strings.serializer(), bytes, COMMAND_PROCESSOR);
        return topology;
    }
}
