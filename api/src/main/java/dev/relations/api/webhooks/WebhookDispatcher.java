package dev.relations.api.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relations.api.runtime.KafkaSettings;
import dev.relations.api.runtime.StreamsRuntime;
import dev.relations.engine.StreamsSettings;
import dev.relations.engine.Topics;
import dev.relations.schemas.EventEnvelope;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Consumes the events topic in its own consumer group and calls each app's callback rules back
 * (SPEC E.1). At least once, in order per aggregate: each rule gets a partition's callbacks one
 * after the other (partitions and rules side by side, on virtual threads), and the group's offsets
 * are committed only once every callback of a poll was delivered or stored. Any failure to store, or a crash,
 * leaves the offsets where they were, so those events are handled again (a receiver may see a
 * callback twice, with the same {@code callId}). Off with {@code relations.webhooks.enabled=false};
 * idle (no consumer) when no app has a rule.
 */
@Context
@Requires(property = "relations.webhooks.enabled", notEquals = "false")
public class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final KafkaSettings settings;
    private final String topic;
    private final Deserializer<EventEnvelope> events;
    private final CallbackRules rules;
    private final CallbackProjection projection;
    private final WebhookMetrics metrics;
    private final ObjectMapper json;
    private final String startFrom;
    private final String instanceId;
    private final CallbackDelivery delivery;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;

    public WebhookDispatcher(KafkaSettings settings, StreamsRuntime runtime, CallbackRules rules, CallbackSender sender,
                             FailedCallbacks failures, WebhookMetrics metrics, ObjectMapper json,
                             @Value("${relations.webhooks.host:relations}") String host,
                             @Value("${relations.webhooks.start-from:latest}") String startFrom,
                             @Value("${micronaut.server.port:8080}") int httpPort) {
        this.settings = settings;
        this.topic = new Topics(settings.getApplicationId()).events();
        // The service's own serde: each record decoded by its writer schema id, as relations-log does.
        this.events = runtime.serdes().events().deserializer();
        this.rules = rules;
        this.projection = new CallbackProjection(host);
        this.delivery = new CallbackDelivery(sender, failures, metrics, Clock.systemUTC());
        this.metrics = metrics;
        this.json = json;
        this.startFrom = startFrom;
        this.instanceId = StreamsSettings.instanceId(groupOf(settings.getApplicationId()), settings.getAdvertisedHost() + ":" + httpPort);
        if (rules.any()) {
            StartPosition.pin(settings.getBootstrapServers(), groupOf(settings.getApplicationId()), topic, !"earliest".equals(startFrom));
            this.thread = Thread.ofPlatform().name("relations-webhooks").daemon().start(this::run);
        } else {
            this.thread = null;
            LOG.info("event=webhooks_idle reason=no_callback_rules");
        }
    }

    /** The consumer group of the dispatchers of one deployment. */
    public static String groupOf(String applicationId) {
        return applicationId + "-webhooks";
    }

    private void run() {
        long backoffMs = 100;
        while (running) {
            try (var opened = open()) {
                consumer = opened;
                opened.subscribe(List.of(topic));
                while (running) {
                    var records = opened.poll(POLL);
                    metrics.lag(lag(opened));
                    if (!records.isEmpty()) {
                        dispatch(records);
                        opened.commitSync(next(records));
                    }
                    backoffMs = 100;
                }
            } catch (WakeupException e) {
                // closing
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                // Reopened at the committed offsets: the events of the failed poll are handled again.
                LOG.warn("event=webhook_dispatch_failed retry_in_ms={} error={}", backoffMs, e.toString());
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    private KafkaConsumer<String, byte[]> open() {
        var props = new HashMap<String, Object>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.getBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupOf(settings.getApplicationId()));
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "relations-api-webhooks");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, startFrom);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        // As the Streams instances: static membership, so an instance restarted after a crash takes its
        // partitions back at once, and a dead one's move after 10 s.
        props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        // A poll's callbacks may wait out timeouts (two tries each) before a failing rule is banned.
        props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(30).toMillis());
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** A rule's signed callbacks from one partition's events of a poll, in the events' order. */
    private record Lane(CallbackRule rule, List<String> bodies) {
    }

    /**
     * Sends a poll's callbacks on one lane per partition and rule, side by side: each rule gets a
     * partition's callbacks in order (so in order per aggregate), and a slow rule does not hold
     * back another rule's callbacks of the same poll. Returns once every lane is done.
     */
    private void dispatch(ConsumerRecords<String, byte[]> records) throws InterruptedException, ExecutionException {
        var lanes = new LinkedHashMap<String, Lane>();
        for (var record : records) {
            project(record, lanes);
        }
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            var done = new ArrayList<Future<?>>();
            for (var lane : lanes.values()) {
                done.add(senders.submit(() -> lane.bodies().forEach(body -> delivery.deliver(lane.rule(), body))));
            }
            for (var future : done) {
                future.get();
            }
        }
    }

    private void project(ConsumerRecord<String, byte[]> record, Map<String, Lane> lanes) {
        var key = record.key();
        int slash = key == null ? -1 : key.indexOf('/');
        if (slash < 0 || record.value() == null) {
            return;
        }
        // Other apps' events are skipped by their key, before any decoding.
        var appRules = rules.of(key.substring(0, slash));
        if (appRules.isEmpty()) {
            return;
        }
        EventEnvelope event;
        try {
            event = events.deserialize(topic, record.value());
        } catch (SerializationException e) {
            LOG.error("event=webhook_event_undecodable partition={} offset={} error={}", record.partition(), record.offset(), e.toString());
            return;
        }
        var byFormat = new EnumMap<CallbackRule.Format, List<Callback>>(CallbackRule.Format.class);
        for (var rule : appRules) {
            if (rule.wants(event.getEventType())) {
                var lane = lanes.computeIfAbsent(record.partition() + "|" + rule.id(), k -> new Lane(rule, new ArrayList<>()));
                for (var callback : byFormat.computeIfAbsent(rule.format(), f -> projection.of(event, f))) {
                    lane.bodies().add(signed(rule, callback));
                }
            }
        }
    }

    private String signed(CallbackRule rule, Callback callback) {
        try {
            return json.writeValueAsString(callback.signedWith(rule.secret()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> next(ConsumerRecords<String, byte[]> records) {
        var offsets = new HashMap<TopicPartition, OffsetAndMetadata>();
        for (var tp : records.partitions()) {
            var list = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(list.getLast().offset() + 1));
        }
        return offsets;
    }

    private static long lag(KafkaConsumer<String, byte[]> consumer) {
        long total = 0;
        for (var tp : consumer.assignment()) {
            total += consumer.currentLag(tp).orElse(0);
        }
        return total;
    }

    @PreDestroy
    @Override
    public void close() {
        running = false;
        if (thread == null) {
            return;
        }
        try {
            // A poll ends within half a second: let the callbacks in hand finish and their offsets be committed.
            thread.join(Duration.ofSeconds(10));
            var current = consumer;
            if (thread.isAlive() && current != null) {
                current.wakeup();
                thread.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
