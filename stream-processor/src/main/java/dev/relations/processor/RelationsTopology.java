package dev.relations.processor;

import dev.relations.domain.common.Tenant;
import dev.relations.domain.contact.RosterLimits;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.function.Function;

/**
 * commands -> [command processor + stores] -> events, outcomes, commands (follow-ups);
 * events -> [notifier] -> notifications.
 */
public final class RelationsTopology {
    private static final String COMMANDS_SOURCE = "commands-source";
    private static final String COMMAND_PROCESSOR = "command-processor";
    private static final String EVENTS_SOURCE = "events-source";
    private static final String NOTIFIER = "notifier";
    private static final String NOTIFICATIONS_SINK = "notifications-sink";

    private RelationsTopology() {
    }

    /** How long an Idempotency-Key is honoured by default. */
    public static final Duration REQUEST_RETENTION = Duration.ofHours(24);

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
        var strings = Serdes.String();
        var topology = new Topology();
        topology.addSource(COMMANDS_SOURCE, strings.deserializer(), serdes.commands().deserializer(), Topics.COMMANDS);
        topology.addProcessor(COMMAND_PROCESSOR, () -> new CommandProcessor(limits, requestRetention), COMMANDS_SOURCE);
        topology.addStateStore(store(StoreNames.USERS, serdes.storedUsers()), COMMAND_PROCESSOR);
        topology.addStateStore(store(StoreNames.CONTACTS, serdes.storedContacts()), COMMAND_PROCESSOR);
        topology.addStateStore(store(StoreNames.CONTACT_ORDER, Serdes.String()), COMMAND_PROCESSOR);
        topology.addStateStore(store(StoreNames.BLOCKS, serdes.storedBlocks()), COMMAND_PROCESSOR);
        topology.addStateStore(store(StoreNames.BLOCK_ORDER, Serdes.String()), COMMAND_PROCESSOR);
        topology.addStateStore(store(StoreNames.BLOCKERS, Serdes.String()), COMMAND_PROCESSOR);
        topology.addStateStore(store(StoreNames.BATCHES, serdes.storedBatches()), COMMAND_PROCESSOR);
        topology.addStateStore(store(StoreNames.COUNTERS, Serdes.Long()), COMMAND_PROCESSOR);
        topology.addStateStore(store(StoreNames.REQUESTS, serdes.storedRequests()), COMMAND_PROCESSOR);
        topology.addStateStore(store(StoreNames.SEATS, serdes.storedSeats()), COMMAND_PROCESSOR);
        topology.addStateStore(store(StoreNames.SEAT_ORDER, Serdes.String()), COMMAND_PROCESSOR);
        topology.addStateStore(store(StoreNames.ROOMS, serdes.storedRooms()), COMMAND_PROCESSOR);
        topology.addStateStore(store(StoreNames.ROOM_MEMBERS, serdes.storedMembers()), COMMAND_PROCESSOR);
        topology.addStateStore(store(StoreNames.ROOM_MEMBER_ORDER, Serdes.String()), COMMAND_PROCESSOR);
        topology.addStateStore(store(StoreNames.ROOM_BLOCKS, Serdes.String()), COMMAND_PROCESSOR);
        topology.addStateStore(store(StoreNames.ROOM_ALLOWS, Serdes.String()), COMMAND_PROCESSOR);
        topology.addStateStore(store(StoreNames.ROOM_MUTES, Serdes.Long()), COMMAND_PROCESSOR);
        topology.addStateStore(store(StoreNames.MUTE_EXPIRY, Serdes.String()), COMMAND_PROCESSOR);
        topology.addStateStore(store(StoreNames.ROOM_BATCHES, serdes.storedRoomBatches()), COMMAND_PROCESSOR);
        topology.addStateStore(store(StoreNames.ROOM_COUNTERS, Serdes.Long()), COMMAND_PROCESSOR);
        topology.addSink(CommandProcessor.COMMANDS_SINK, Topics.COMMANDS, strings.serializer(), serdes.commands().serializer(), COMMAND_PROCESSOR);
        topology.addSink(CommandProcessor.OUTCOMES_SINK, Topics.OUTCOMES, strings.serializer(), serdes.outcomes().serializer(), COMMAND_PROCESSOR);
        topology.addSink(CommandProcessor.EVENTS_SINK, Topics.EVENTS, strings.serializer(), serdes.events().serializer(), COMMAND_PROCESSOR);

        topology.addSource(EVENTS_SOURCE, strings.deserializer(), serdes.events().deserializer(), Topics.EVENTS);
        topology.addProcessor(NOTIFIER, Notifier::new, EVENTS_SOURCE);
        topology.addSink(NOTIFICATIONS_SINK, Topics.NOTIFICATIONS, strings.serializer(), serdes.notifications().serializer(), NOTIFIER);
        return topology;
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }
}
