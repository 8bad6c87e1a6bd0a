package dev.relations.api.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relations.api.webhooks.WebhookDispatcher;
import dev.relations.engine.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks configured on a deployment with history: its dispatcher (default start) calls back
 * what happens from its start, including a write right after it, and none of the history.
 */
class WebhooksStartTest {
    private static final TestApp APP = TestApp.unique("hookstart", 100);
    private final CallbackReceiver receiver = new CallbackReceiver();

    @AfterEach
    void close() {
        receiver.close();
    }

    private static boolean banOf(JsonNode body, String target) {
        return "ban".equals(body.path("payload").path("operation").asText()) && target.equals(body.path("to").asText());
    }

    private static long committedStart(TestCluster cluster, String applicationId) throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            var group = WebhookDispatcher.groupOf(applicationId, APP.org() + "#" + APP.app() + "/hook");
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .values().stream().mapToLong(OffsetAndMetadata::offset).sum();
        }
    }

    private static long end(TestCluster cluster, String applicationId) throws Exception {
        var topic = new Topics(applicationId).events();
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(partitions, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        }
    }

    /** A deployment, run once without webhooks and stopped after {@code blocker} blocked {@code blocked}. */
    private record Deployment(TestCluster cluster, String applicationId, Path stateDir, int port) {
        static Deployment withHistory(String name, String blocker, String blocked, String other) throws Exception {
            var cluster = TestCluster.get();
            var deployment = new Deployment(cluster, name + "-" + APP.name(), cluster.newDirectory(name), TestCluster.freePort());
            try (var before = deployment.start(Map.of())) {
                var client = new Client(before, APP).authenticated();
                for (var u : List.of(blocker, blocked, other)) {
                    client.registerUser(u);
                }
                assertThat(client.post("/users/" + blocker + "/blocks/users", Map.of("usernames", List.of(blocked))).status())
                        .isEqualTo(200);
            }
            return deployment;
        }

        ServiceInstance start(Map<String, Object> properties) throws Exception {
            return ServiceInstance.start(cluster, applicationId, stateDir, port, properties, APP);
        }

        /** Started again with one callback rule, {@code hook}, calling {@code url}. */
        ServiceInstance startWithHook(String url) throws Exception {
            var rule = "relations.apps." + APP.name() + ".callbacks.hook.";
            return start(Map.of(rule + "url", url, rule + "secret", "s"));
        }
    }

    @Test
    void a_new_dispatcher_calls_back_from_its_start_on_and_not_the_history_before_it() throws Exception {
        var deployment = Deployment.withHistory("webhooks-start", "sa", "sb", "sc");

        try (var after = deployment.startWithHook(receiver.url("/start"))) {
            // The group's start is committed at the events topic's end before the service takes a write.
            assertThat(committedStart(deployment.cluster(), deployment.applicationId()))
                    .isEqualTo(end(deployment.cluster(), deployment.applicationId())).isPositive();
            var client = new Client(after, APP).authenticated();
            assertThat(client.post("/users/sa/blocks/users", Map.of("usernames", List.of("sc"))).status()).isEqualTo(200);

            Eventually.until(() -> !receiver.delivered("/start", b -> banOf(b, "sc")).isEmpty());
            Thread.sleep(1_000);
            assertThat(receiver.delivered("/start", b -> banOf(b, "sb"))).isEmpty();
            assertThat(receiver.all("/start")).hasSize(1);
        }
    }

    @Test
    void a_rules_group_starts_where_the_single_group_of_earlier_versions_stood() throws Exception {
        var deployment = Deployment.withHistory("webhooks-upgrade", "ua", "ub", "uc");
        var applicationId = deployment.applicationId();
        // The single group of earlier versions had handled nothing yet: it stood at the events topic's start.
        var topic = new Topics(applicationId).events();
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, deployment.cluster().bootstrapServers()))) {
            var start = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(WebhookDispatcher.groupOf(applicationId), start).all().get();
        }

        try (var after = deployment.startWithHook(receiver.url("/upgrade"))) {
            // A new group starts at the topic's end (above): this ban from before the start is called back
            // only because the rule's group took the earlier group's place.
            Eventually.until(() -> !receiver.delivered("/upgrade", b -> banOf(b, "ub")).isEmpty());
        }
    }
}
