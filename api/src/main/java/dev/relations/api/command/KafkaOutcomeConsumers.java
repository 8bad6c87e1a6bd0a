package dev.relations.api.command;

import dev.relations.api.runtime.KafkaSettings;
import dev.relations.api.runtime.StreamsRuntime;
import dev.relations.engine.StreamsSettings;
import dev.relations.schemas.Outcome;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.Map;

/** Verdicts are read read_committed: only those whose effects are committed. */
@Singleton
public class KafkaOutcomeConsumers implements OutcomeConsumers {
    private final KafkaSettings settings;
    private final StreamsRuntime runtime;

    public KafkaOutcomeConsumers(KafkaSettings settings, StreamsRuntime runtime) {
        this.settings = settings;
        this.runtime = runtime;
    }

    @Override
    public Consumer<String, Outcome> open() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.getBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, StreamsSettings.FETCH_MAX_WAIT_MS,
                ConsumerConfig.CLIENT_ID_CONFIG, "relations-api-outcomes"),
                new StringDeserializer(), runtime.serdes().outcomes().deserializer());
    }
}
