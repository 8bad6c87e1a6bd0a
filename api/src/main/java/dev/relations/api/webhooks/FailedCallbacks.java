package dev.relations.api.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relations.api.runtime.KafkaSettings;
import dev.relations.engine.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Callbacks that could not be delivered, kept durably on the topic {@link Topics#callbackFailures()}:
 * keyed by the app key (one app's failures on one partition, in the order they failed), the
 * record's timestamp the failure's time, so a 10-minute bucket is found with
 * {@code offsetsForTimes}. The body is kept as it was signed and sent. A store waits for the
 * brokers' acknowledgement ({@code acks=all}) before the dispatcher moves past the event.
 */
@Singleton
public class FailedCallbacks implements AutoCloseable {
    /** A failure stored by another instance may carry a clock a little behind or ahead of ours. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    /** One stored callback. */
    public record Kept(String rule, String url, String body, long failedAt) {
    }

    private final KafkaSettings settings;
    private final String topic;
    private final ObjectMapper json;
    private volatile KafkaProducer<String, String> producer;

    public FailedCallbacks(KafkaSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.topic = new Topics(settings.getApplicationId()).callbackFailures();
        this.json = json;
    }

    /** Returns once the failure is on the brokers; throws when it could not be stored. */
    public void store(CallbackRule rule, String body, Instant failedAt) {
        try {
            var value = json.writeValueAsString(new Kept(rule.id(), rule.url(), body, failedAt.toEpochMilli()));
            producer().send(new ProducerRecord<>(topic, null, failedAt.toEpochMilli(), rule.appKey(), value)).get();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing a failed callback", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not store a failed callback: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** The app's callbacks to {@code url} that failed in {@code [from, to)}, in the order they failed. */
    public List<Kept> between(String appKey, Instant from, Instant to, String url) {
        var props = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.getBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "relations-api-callback-storage");
        var found = new ArrayList<Kept>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).size();
            // The producer's default partitioner for a keyed record.
            var tp = new TopicPartition(topic, Utils.toPositive(Utils.murmur2(appKey.getBytes(StandardCharsets.UTF_8))) % partitions);
            consumer.assign(List.of(tp));
            var start = consumer.offsetsForTimes(Map.of(tp, from.minus(CLOCK_SKEW).toEpochMilli()), Duration.ofSeconds(10)).get(tp);
            long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
            if (start == null || start.offset() >= end) {
                return found;
            }
            consumer.seek(tp, start.offset());
            long past = to.plus(CLOCK_SKEW).toEpochMilli();
            while (consumer.position(tp) < end) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.timestamp() >= past) {
                        return found;
                    }
                    if (!appKey.equals(record.key()) || record.timestamp() < from.toEpochMilli() || record.timestamp() >= to.toEpochMilli()) {
                        continue;
                    }
                    var kept = json.readValue(record.value(), Kept.class);
                    if (kept.url().equals(url)) {
                        found.add(kept);
                    }
                }
            }
            return found;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored callback: " + e.getOriginalMessage(), e);
        }
    }

    private KafkaProducer<String, String> producer() {
        var current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.getBootstrapServers(),
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.CLIENT_ID_CONFIG, "relations-api-callback-failures"),
                            new StringSerializer(), new StringSerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    @PreDestroy
    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
