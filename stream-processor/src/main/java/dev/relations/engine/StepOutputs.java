package dev.relations.engine;

import dev.relations.mapping.AvroSerdes;
import dev.relations.schemas.CommandEnvelope;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.Notification;
import dev.relations.schemas.Outcome;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.util.ArrayList;
import java.util.List;

/**
 * The records one step sends, serialized as they are made and forwarded only when the step
 * completes: a serializer that fails (a registry that cannot register a schema, a value it
 * cannot write) fails the step, not the stream thread, and nothing of the step is sent.
 */
final class StepOutputs {
    static final String EVENTS_SINK = "events-sink";
    static final String STEPS_SINK = "steps-sink";
    static final String OUTCOMES_SINK = "outcomes-sink";
    static final String NOTIFICATIONS_SINK = "notifications-sink";

    private record Pending(Record<String, byte[]> record, String sink) {
    }

    private final Serializer<EventEnvelope> events;
    private final Serializer<CommandEnvelope> commands;
    private final Serializer<Outcome> outcomes;
    private final Serializer<Notification> notifications;
    private final Topics topics;
    private final List<Pending> pending = new ArrayList<>();

    StepOutputs(AvroSerdes serdes, Topics topics) {
        this.topics = topics;
        this.events = serdes.events().serializer();
        this.commands = serdes.commands().serializer();
        this.outcomes = serdes.outcomes().serializer();
        this.notifications = serdes.notifications().serializer();
    }

    void event(Record<?, ?> origin, String key, EventEnvelope event) {
        add(origin, key, events.serialize(topics.events(), event), EVENTS_SINK);
    }

    /** A step the engine sends itself: to the steps topic, never to the one clients write to. */
    void command(Record<?, ?> origin, String key, CommandEnvelope command) {
        add(origin, key, commands.serialize(topics.steps(), command), STEPS_SINK);
    }

    void outcome(Record<?, ?> origin, Outcome outcome) {
        add(origin, outcome.getRequestId(), outcomes.serialize(topics.outcomes(), outcome), OUTCOMES_SINK);
    }

    void notification(Record<?, ?> origin, String key, Notification notification) {
        add(origin, key, notifications.serialize(topics.notifications(), notification), NOTIFICATIONS_SINK);
    }

    /** Sends what the step made, in the order it made it. */
    void forward(ProcessorContext<String, byte[]> context) {
        for (var output : pending) {
            context.forward(output.record(), output.sink());
        }
        pending.clear();
    }

    void discard() {
        pending.clear();
    }

    private void add(Record<?, ?> origin, String key, byte[] value, String sink) {
        pending.add(new Pending(new Record<>(key, value, origin.timestamp(), origin.headers()), sink));
    }
}
