package dev.relations.api.runtime;

import dev.relations.engine.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Creates the service's topics at start when missing; existing topics are left as they are. */
final class TopicProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {
    }

    static void ensure(KafkaSettings settings) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.getBootstrapServers()))) {
            var existing = admin.listTopics().names().get();
            var topics = new Topics(settings.getApplicationId());
            var missing = List.of(
                            topic(topics.commands(), settings, Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(7L * 24 * 3600 * 1000))),
                            // Chain steps are consumed within seconds; kept as long as commands for diagnosis.
                            topic(topics.steps(), settings, Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(7L * 24 * 3600 * 1000))),
                            // Verdicts matter only while a caller waits.
                            topic(topics.outcomes(), settings, Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(3600L * 1000))),
                            // The event log is the replayable history: kept forever.
                            topic(topics.events(), settings, Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")),
                            topic(topics.notifications(), settings, Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(7L * 24 * 3600 * 1000))),
                            // Failed webhook callbacks: Easemob keeps them 3 days for the storage retry call.
                            topic(topics.callbackFailures(), settings,
                                    Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(3L * 24 * 3600 * 1000),
                                            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime")),
                            // Unreadable commands: rare, read by people rather than the service, so kept a month.
                            topic(topics.deadLetters(), settings,
                                    Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(30L * 24 * 3600 * 1000))))
                    .stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get();
                LOG.info("event=topics_created topics={}", missing.stream().map(NewTopic::name).toList());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static NewTopic topic(String name, KafkaSettings settings, Map<String, String> configs) {
        var all = new HashMap<>(configs);
        all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.min(2, settings.getReplicationFactor())));
        return new NewTopic(name, settings.getPartitions(), settings.getReplicationFactor()).configs(all);
    }
}
