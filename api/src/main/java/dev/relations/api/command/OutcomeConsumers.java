package dev.relations.api.command;

import dev.relations.schemas.Outcome;
import org.apache.kafka.clients.consumer.Consumer;

/** Opens the consumers the verdict listener reads the outcomes topic with (one at a time; a new one after a failure). */
@FunctionalInterface
public interface OutcomeConsumers {
    Consumer<String, Outcome> open();
}
