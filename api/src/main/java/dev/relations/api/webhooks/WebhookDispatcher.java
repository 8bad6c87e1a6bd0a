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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Consumes the events topic and calls each app's callback rules back (SPEC E.1). Each rule reads
 * the events on its own, in its own consumer group with its own committed offsets, so a rule
 * whose receiver is slow or times out holds back only its own callbacks. At least once, in order
 * per aggregate: a rule gets a partition's callbacks one after the other (partitions side by side,
 * on virtual threads), and its group's offsets are committed only once every callback of a poll
 * was delivered or stored. Any failure to store, or a crash, leaves the offsets where they were,
 * so those events are handled again (a receiver may see a callback twice, with the same
 * {@code callId}). Off with {@code relations.webhooks.enabled=false}; idle (no consumer) when no
 * app has a rule.
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
    private final CallbackProjection projection;
    private final WebhookMetrics metrics;
    private final ObjectMapper json;
    private final String startFrom;
    private final String instanceId;
    private final CallbackDelivery delivery;
    private final List<RuleLoop> loops = new ArrayList<>();
    private volatile boolean running = true;

    public WebhookDispatcher(KafkaSettings settings, StreamsRuntime runtime, CallbackRules rules, CallbackSender sender,
                             FailedCallbacks failures, WebhookMetrics metrics, ObjectMapper json,
                             @Value("${relations.webhooks.host:relations}") String host,
                             @Value("${relations.webhooks.start-from:latest}") String startFrom,
                             @Value("${micronaut.server.port:8080}") int httpPort) {
        this.settings = settings;
        this.topic = new Topics(settings.getApplicationId()).events();
        // The service's own serde: each record decoded by its writer schema id, as relations-log does.
        this.events = runtime.serdes().events().deserializer();
        this.projection = new CallbackProjection(host);
        this.delivery = new CallbackDelivery(sender, failures, metrics, Clock.systemUTC());
        this.metrics = metrics;
        this.json = json;
        this.startFrom = startFrom;
        this.instanceId = StreamsSettings.instanceId(groupOf(settings.getApplicationId()), settings.getAdvertisedHost() + ":" + httpPort);
        for (var rule : rules.all()) {
            var group = groupOf(settings.getApplicationId(), rule.id());
            // A rule's group starts where the deployment's one group of earlier versions stood, if it has offsets.
            StartPosition.pin(settings.getBootstrapServers(), group, groupOf(settings.getApplicationId()), topic,
                    !"earliest".equals(startFrom));
            var loop = new RuleLoop(rule, group);
            loops.add(loop);
            loop.thread.start();
        }
        if (loops.isEmpty()) {
            LOG.info("event=webhooks_idle reason=no_callback_rules");
        }
    }

    /** The consumer group the dispatchers of one deployment used before each rule had its own; its offsets seed new rule groups. */
    public static String groupOf(String applicationId) {
        return applicationId + "-webhooks";
    }

    /** The consumer group of one rule's dispatchers (all instances of a deployment share it); {@code ruleId} is {@code org#app/rule}. */
    public static String groupOf(String applicationId, String ruleId) {
        return groupOf(applicationId) + "." + safe(ruleId);
    }

    private static String safe(String name) {
        return name.replaceAll("[^a-zA-Z0-9._-]", "-");
    }

    /** One rule's reading of the events topic: its consumer, its offsets, its lanes. */
    private final class RuleLoop {
        private final CallbackRule rule;
        private final String group;
        private final String keyPrefix;
        private final Thread thread;
        private volatile KafkaConsumer<String, byte[]> consumer;

        RuleLoop(CallbackRule rule, String group) {
            this.rule = rule;
            this.group = group;
            this.keyPrefix = rule.appKey() + "/";
            this.thread = Thread.ofPlatform().name("relations-webhooks-" + rule.id()).daemon().unstarted(this::run);
        }

        void run() {
            long backoffMs = 100;
            while (running) {
                try (var opened = open()) {
                    consumer = opened;
                    opened.subscribe(List.of(topic));
                    while (running) {
                        var records = opened.poll(POLL);
                        metrics.lag(rule.id(), lag(opened));
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
                    LOG.warn("event=webhook_dispatch_failed rule={} retry_in_ms={} error={}", rule.id(), backoffMs, e.toString());
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
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "relations-api-webhooks-" + safe(rule.id()));
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, startFrom);
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
            // As the Streams instances: static membership, so an instance restarted after a crash takes its
            // partitions back at once, and a dead one's move after 10 s.
            props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId + "." + safe(rule.id()));
            props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
            // A poll's callbacks may wait out timeouts (two tries each) before a failing rule is banned.
            props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(30).toMillis());
            return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        }

        /**
         * Sends a poll's callbacks for this rule on one lane per partition, side by side, each
         * lane in the events' order (so in order per aggregate). Returns once every lane is done.
         */
        private void dispatch(ConsumerRecords<String, byte[]> records) throws InterruptedException, ExecutionException {
            var lanes = new LinkedHashMap<Integer, List<String>>();
            for (var record : records) {
                project(record, lanes);
            }
            try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
                var done = new ArrayList<Future<?>>();
                for (var lane : lanes.values()) {
                    done.add(senders.submit(() -> lane.forEach(body -> delivery.deliver(rule, body))));
                }
                for (var future : done) {
                    future.get();
                }
            }
        }

        private void project(ConsumerRecord<String, byte[]> record, Map<Integer, List<String>> lanes) {
            var key = record.key();
            // Other apps' events are skipped by their key, before any decoding.
            if (key == null || record.value() == null || !key.startsWith(keyPrefix)) {
                return;
            }
            EventEnvelope event;
            try {
                event = events.deserialize(topic, record.value());
            } catch (SerializationException e) {
                LOG.error("event=webhook_event_undecodable rule={} partition={} offset={} error={}",
                        rule.id(), record.partition(), record.offset(), e.toString());
                return;
            }
            if (rule.wants(event.getEventType())) {
                var lane = lanes.computeIfAbsent(record.partition(), p -> new ArrayList<>());
                for (var callback : projection.of(event, rule.format())) {
                    lane.add(signed(rule, callback));
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
        try {
            // A poll ends within half a second: let the callbacks in hand finish and their offsets be committed.
            for (var loop : loops) {
                loop.thread.join(Duration.ofSeconds(10));
            }
            for (var loop : loops) {
                var current = loop.consumer;
                if (loop.thread.isAlive() && current != null) {
                    current.wakeup();
                    loop.thread.join(Duration.ofSeconds(5));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
