package dev.relations.api.health;

import dev.relations.api.runtime.KafkaSettings;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Ready only while a Kafka broker answers (a cluster description within two seconds). */
@Singleton
@Readiness
public class KafkaHealthIndicator extends RemoteProbe implements AutoCloseable {
    private static final int TIMEOUT_MS = 2_000;
    private final Admin admin;

    public KafkaHealthIndicator(KafkaSettings settings, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        super(executor);
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.getBootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "relations-health",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS));
    }

    @Override
    protected String getName() {
        return "kafka";
    }

    @Override
    protected Map<String, Object> probe() throws Exception {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
        var id = cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        int nodes = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
        return Map.of("cluster-id", id, "brokers", nodes);
    }

    @PreDestroy
    @Override
    public void close() {
        admin.close();
    }
}
