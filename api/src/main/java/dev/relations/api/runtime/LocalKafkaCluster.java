package dev.relations.api.runtime;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Several KRaft nodes in this JVM forming one cluster on loopback: every node is broker and
 * controller, topics keep three replicas and a write needs two ({@code min.insync.replicas=2}).
 * A node can be stopped and started again on its ports and directory, so tests (and people
 * trying scale-out) can take a broker away under load. Nodes start side by side: a node's
 * broker only answers once a majority of the controllers has elected a leader.
 */
public final class LocalKafkaCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaCluster.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Path root;
    private final List<EmbeddedKafka.Node> quorum;
    private final String clusterId;
    private final EmbeddedKafka[] running;

    private LocalKafkaCluster(Path root, List<EmbeddedKafka.Node> quorum, String clusterId) {
        this.root = root;
        this.quorum = quorum;
        this.clusterId = clusterId;
        this.running = new EmbeddedKafka[quorum.size()];
    }

    /**
     * Starts {@code size} nodes with their data under {@code root/node-<id>}. Broker ports are
     * {@code firstBrokerPort}, {@code +1}, … (0: free ports); controller ports are free ones.
     */
    public static LocalKafkaCluster start(Path root, int size, int firstBrokerPort) {
        var quorum = new ArrayList<EmbeddedKafka.Node>();
        for (int id = 1; id <= size; id++) {
            quorum.add(firstBrokerPort == 0 ? EmbeddedKafka.Node.onFreePorts(id)
                    : new EmbeddedKafka.Node(id, firstBrokerPort + id - 1, EmbeddedKafka.freePort()));
        }
        var cluster = new LocalKafkaCluster(root.toAbsolutePath().normalize(), List.copyOf(quorum), Uuid.randomUuid().toString());
        try {
            cluster.onEveryNode(cluster::startNode);
        } catch (RuntimeException e) {
            cluster.close();
            throw new IllegalStateException("local Kafka cluster did not start: " + e.getMessage(), e);
        }
        // As the embedded default's single node: all nodes restarted after a crash may hold such transactions.
        HangingTransactions.closeAtStart(cluster.bootstrapServers());
        LOG.info("Local Kafka cluster of {} nodes ready on {}", size, cluster.bootstrapServers());
        return cluster;
    }

    /** Every broker's address: clients find the others through any of them. */
    public String bootstrapServers() {
        return quorum.stream().map(n -> "127.0.0.1:" + n.brokerPort()).collect(Collectors.joining(","));
    }

    public int size() {
        return quorum.size();
    }

    /** Starts node {@code id} (1-based) again on its ports and data; a running node is left alone. */
    public void startNode(int id) {
        var node = quorum.get(id - 1);
        synchronized (this) {
            if (running[id - 1] != null) {
                return;
            }
        }
        var kafka = EmbeddedKafka.startNode(root.resolve("node-" + id), node, quorum, clusterId, Map.of(), START_TIMEOUT);
        synchronized (this) {
            running[id - 1] = kafka;
        }
    }

    /** Stops node {@code id} (1-based) the way a broker is stopped for maintenance: a controlled shutdown. */
    public void stopNode(int id) {
        EmbeddedKafka kafka;
        synchronized (this) {
            kafka = running[id - 1];
            running[id - 1] = null;
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    /**
     * Stops every node at once: one at a time, the last brokers would wait for a controller
     * quorum that the first ones took away (a controlled shutdown needs the active controller).
     */
    @Override
    public void close() {
        onEveryNode(id -> {
            try {
                stopNode(id);
            } catch (RuntimeException e) {
                LOG.warn("event=local_cluster_node_stop_failed node={}", id, e);
            }
        });
    }

    /** Runs the action for every node side by side, each on its own thread, and waits for all. */
    private void onEveryNode(java.util.function.IntConsumer action) {
        try (var threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("local-cluster-", 1).factory())) {
            CompletableFuture.allOf(quorum.stream()
                    .map(node -> CompletableFuture.runAsync(() -> action.accept(node.id()), threads))
                    .toArray(CompletableFuture[]::new)).join();
        }
    }

    /**
     * Runs a three-node cluster and a schema registry until stopped, for trying several
     * instances of the service on one machine (see the README's "Local cluster").
     */
    public static void main(String[] args) {
        var env = System.getenv();
        var dataDir = Path.of(env.getOrDefault("RELATIONS_DATA_DIR", "data-cluster")).toAbsolutePath();
        int size = Integer.parseInt(env.getOrDefault("RELATIONS_CLUSTER_BROKERS", "3"));
        int firstPort = Integer.parseInt(env.getOrDefault("RELATIONS_CLUSTER_KAFKA_PORT", "19092"));
        int registryPort = Integer.parseInt(env.getOrDefault("RELATIONS_CLUSTER_REGISTRY_PORT", "18081"));
        var registryStart = CompletableFuture.supplyAsync(
                () -> RegistryProcess.start(RegistryProcess.defaultJar(), dataDir.resolve("registry"), registryPort));
        var cluster = start(dataDir.resolve("kafka"), size, firstPort);
        var registry = registryStart.join();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            cluster.close();
        }, "local-cluster-shutdown"));
        System.out.printf("""
                
                Local cluster: %d Kafka brokers on %s, schema registry on %s (data in %s).
                Start service instances against it, each on its own port and state directory, e.g.:
                  RELATIONS_KAFKA_BOOTSTRAP_SERVERS=%s RELATIONS_KAFKA_REGISTRY_URL=%s \\
                  RELATIONS_KAFKA_REPLICATION_FACTOR=%d RELATIONS_KAFKA_STANDBY_REPLICAS=1 \\
                  RELATIONS_TOKEN_SECRET=<the same 32+ byte secret for every instance> RELATIONS_CLIENT_SECRET=<app secret> \\
                  RELATIONS_PORT=8080 RELATIONS_DATA_DIR=data-instance-1 ./run.sh
                Stop with Ctrl-C.
                %n""", size, cluster.bootstrapServers(), registry.ccompatUrl(), dataDir,
                cluster.bootstrapServers(), registry.ccompatUrl(), Math.min(3, size));
    }
}
