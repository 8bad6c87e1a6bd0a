package dev.relations.api.webhooks;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Where a dispatcher group without offsets starts. The consumer's own reset to "latest" happens
 * at its first poll, seconds after the service took its first writes; so a new group's offsets
 * are committed here, at the events topic's end (or start), before the HTTP server accepts a write.
 */
final class StartPosition {
    private static final Logger LOG = LoggerFactory.getLogger(StartPosition.class);

    private StartPosition() {
    }

    /**
     * Commits {@code group}'s start on {@code topic} unless it has offsets: {@code earlier}'s
     * offsets if that group has any (so a rule keeps its place when groups are renamed), else the
     * topic's end (or start). A failure leaves it to the consumer's reset.
     */
    static void pin(String bootstrapServers, String group, String earlier, String topic, boolean fromEnd) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            if (!committed.isEmpty()) {
                return;
            }
            var inherited = admin.listConsumerGroupOffsets(earlier).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            if (!inherited.isEmpty()) {
                admin.alterConsumerGroupOffsets(group, inherited).all().get(30, TimeUnit.SECONDS);
                LOG.info("event=webhooks_start_pinned group={} from={}", group, earlier);
                return;
            }
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions();
            var spec = fromEnd ? OffsetSpec.latest() : OffsetSpec.earliest();
            var wanted = partitions.stream().collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> spec));
            var offsets = admin.listOffsets(wanted, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS);
            var start = offsets.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
            admin.alterConsumerGroupOffsets(group, start).all().get(30, TimeUnit.SECONDS);
            LOG.info("event=webhooks_start_pinned group={} from={}", group, fromEnd ? "latest" : "earliest");
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("event=webhooks_start_not_pinned group={} error={}", group, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
