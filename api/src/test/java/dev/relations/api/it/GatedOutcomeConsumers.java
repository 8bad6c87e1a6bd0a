package dev.relations.api.it;

import dev.relations.api.command.KafkaOutcomeConsumers;
import dev.relations.api.command.OutcomeConsumers;
import dev.relations.api.runtime.KafkaSettings;
import dev.relations.api.runtime.StreamsRuntime;
import dev.relations.schemas.Outcome;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;

/**
 * The real outcome consumers, with a gate a test can close (opening a consumer then fails)
 * and a way to break the consumer in use (its poll then throws), for instances started with
 * {@code relations.test.gated-outcome-consumers=true}.
 */
@Singleton
@Replaces(KafkaOutcomeConsumers.class)
@Requires(property = GatedOutcomeConsumers.PROPERTY, value = "true")
public class GatedOutcomeConsumers implements OutcomeConsumers {
    static final String PROPERTY = "relations.test.gated-outcome-consumers";

    private final KafkaOutcomeConsumers real;
    private volatile boolean open = true;
    private volatile Consumer<String, Outcome> current;

    public GatedOutcomeConsumers(KafkaSettings settings, StreamsRuntime runtime) {
        this.real = new KafkaOutcomeConsumers(settings, runtime);
    }

    @Override
    public Consumer<String, Outcome> open() {
        if (!open) {
            throw new KafkaException("the test keeps the outcomes topic out of reach");
        }
        current = real.open();
        return current;
    }

    /** Makes the consumer in use fail its poll (a wake-up nobody asked for) and keeps new ones from opening. */
    void breakAndCloseGate() {
        open = false;
        current.wakeup();
    }

    void openGate() {
        open = true;
    }
}
