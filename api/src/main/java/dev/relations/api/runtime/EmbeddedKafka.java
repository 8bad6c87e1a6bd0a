package dev.relations.api.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Apache Kafka KRaft node (broker and controller in one) running inside this JVM, with its
 * data in one directory that survives restarts. Alone it is the embedded default's single-node
 * cluster; {@link LocalKafkaCluster} runs three of them as one replicated cluster.
 *
 * <p>The controller quorum is static ({@code controller.quorum.voters}, {@code kraft.version=0}):
 * no controller endpoint is written into the metadata log, so the controller listener may take a
 * different free port on every start while the broker port stays whatever the caller asks for.
 *
 * <p>As in a standalone Kafka server, a fatal fault of the controller or of the metadata log,
 * including a controller that fails to start, halts the whole JVM.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    // Generous: a cold start takes ~3 s on an idle 2-core machine but over 40 s on a saturated one.
    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

    private final KafkaRaftServer server;
    private final Path logDir;
    private final String clusterId;
    private final int brokerPort;
    private final int controllerPort;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, Path logDir, String clusterId, int brokerPort, int controllerPort) {
        this.server = server;
        this.logDir = logDir;
        this.clusterId = clusterId;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    /** Starts on a free loopback port. */
    public static EmbeddedKafka start(Path logDir) {
        return start(logDir, freePort(), Map.of(), DEFAULT_START_TIMEOUT);
    }

    public static EmbeddedKafka start(Path logDir, int brokerPort) {
        return start(logDir, brokerPort, Map.of(), DEFAULT_START_TIMEOUT);
    }

    /**
     * Formats {@code logDir} if it has never been formatted, starts the broker and controller, and
     * returns once an admin client can describe the cluster.
     *
     * @param brokerPort  port of the PLAINTEXT listener on 127.0.0.1; 0 picks a free one
     * @param overrides   broker settings that replace or extend the defaults of {@link #defaultConfig}
     * @param timeout     bound on the whole start, from formatting to the broker answering; it is
     *                    also Kafka's {@code server.max.startup.time.ms}, so one too short for even
     *                    the controller to come up (seconds in a cold JVM) halts the JVM
     * @throws IllegalStateException if the broker does not start or is not ready in time
     */
    public static EmbeddedKafka start(Path logDir, int brokerPort, Map<String, String> overrides, Duration timeout) {
        int port = brokerPort == 0 ? freePort() : brokerPort;
        var node = new Node(NODE_ID, port, freePort());
        var kafka = startNode(logDir, node, List.of(node), Uuid.randomUuid().toString(), overrides, timeout);
        HangingTransactions.closeAtStart(kafka.bootstrapServers());
        return kafka;
    }

    /** One node of a KRaft quorum: each node is broker and controller, on its two loopback ports. */
    public record Node(int id, int brokerPort, int controllerPort) {
        /** A node on free ports. */
        public static Node onFreePorts(int id) {
            return new Node(id, freePort(), freePort());
        }
    }

    /**
     * Starts one node of a quorum (see {@link LocalKafkaCluster}); the call returns once this
     * node's broker answers, which for a node of several needs a majority of the quorum up.
     *
     * @param clusterId the id a fresh directory is formatted with (all nodes of a cluster share it);
     *                  an already formatted directory keeps its own
     */
    public static EmbeddedKafka startNode(Path logDir, Node node, List<Node> quorum, String clusterId,
                                          Map<String, String> overrides, Duration timeout) {
        long began = System.nanoTime();
        Path dir = logDir.toAbsolutePath().normalize();
        int port = node.brokerPort();
        ensureFree(port);
        int controllerPort = node.controllerPort();
        Map<String, String> settings = nodeConfig(dir, node, quorum);
        // Otherwise the broker waits forever, e.g. for a registration the controller keeps refusing.
        settings.put("server.max.startup.time.ms", Long.toString(timeout.toMillis()));
        settings.putAll(overrides);
        KafkaConfig config = new KafkaConfig(settings, false);

        try {
            Files.createDirectories(dir);
            clusterId = formatIfNeeded(dir, config, clusterId);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka log directory " + dir + ": " + e.getMessage(), e);
        }

        KafkaRaftServer server;
        try {
            server = new KafkaRaftServer(config, Time.SYSTEM);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open Kafka log directory " + dir + ": " + e.getMessage(), e);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(server, dir, clusterId, port, controllerPort);
        try {
            server.startup();
            kafka.awaitReady(timeout, began);
        } catch (RuntimeException e) {
            RuntimeException failure = e instanceof IllegalStateException ? e
                    : new IllegalStateException("Embedded Kafka failed to start on " + kafka.bootstrapServers()
                            + " with log dir " + dir + ": " + e.getMessage(), e);
            try {
                kafka.close();
            } catch (RuntimeException closing) {
                failure.addSuppressed(closing);
            }
            throw failure;
        }
        LOG.info("Embedded Kafka ready on {} (cluster {}, log dir {}) in {} ms",
                kafka.bootstrapServers(), clusterId, dir, elapsedMillis(began));
        return kafka;
    }

    private static final String BROKER_OVERRIDE_PREFIX = "kafka.broker.";

    /** The broker settings used unless overridden; visible so callers can see what they get. */
    public static Map<String, String> defaultConfig(Path logDir, int brokerPort, int controllerPort) {
        var node = new Node(NODE_ID, brokerPort, controllerPort);
        return nodeConfig(logDir, node, List.of(node));
    }

    /**
     * The settings of one node of a quorum. Replication follows the quorum's size: one node
     * keeps one copy of everything; three or more keep three, and a write needs two of them
     * ({@code min.insync.replicas=2}), so one node may stop without losing an acknowledged write.
     */
    public static Map<String, String> nodeConfig(Path logDir, Node node, List<Node> quorum) {
        int brokerPort = node.brokerPort();
        int controllerPort = node.controllerPort();
        String replicas = quorum.size() >= 3 ? "3" : "1";
        String minInSync = quorum.size() >= 3 ? "2" : "1";
        Map<String, String> c = new LinkedHashMap<>();
        c.put("process.roles", "broker,controller");
        c.put("node.id", Integer.toString(node.id()));
        c.put("controller.quorum.voters", quorum.stream().map(n -> n.id() + "@" + HOST + ":" + n.controllerPort())
                .collect(java.util.stream.Collectors.joining(",")));
        c.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        c.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
        c.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        c.put("controller.listener.names", CONTROLLER_LISTENER);
        c.put("inter.broker.listener.name", BROKER_LISTENER);
        c.put("log.dirs", logDir.toString());

        c.put("auto.create.topics.enable", "false");
        c.put("num.partitions", "6");
        c.put("default.replication.factor", replicas);
        c.put("min.insync.replicas", minInSync);

        // Internal topics default to replication factor 3 and would never be created on one node.
        c.put("offsets.topic.replication.factor", replicas);
        c.put("offsets.topic.num.partitions", "6");
        c.put("transaction.state.log.replication.factor", replicas);
        c.put("transaction.state.log.min.isr", minInSync);
        c.put("transaction.state.log.num.partitions", "6");
        // A crashed instance's open transaction blocks its successor's committed-offset fetch
        // until the coordinator aborts it: look for timed-out transactions every second, not every 10 s.
        c.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
        c.put("share.coordinator.state.topic.replication.factor", replicas);
        c.put("share.coordinator.state.topic.min.isr", minInSync);

        // Nobody else is going to join: rebalance at once (classic and KIP-1071 streams groups).
        c.put("group.initial.rebalance.delay.ms", "0");
        c.put("group.streams.initial.rebalance.delay.ms", "0");
        // KIP-1071 streams groups: the same 10 s session as the classic members' (StreamsSettings),
        // instead of the broker-side default of 45 s.
        c.put("group.streams.min.session.timeout.ms", "10000");
        c.put("group.streams.session.timeout.ms", "10000");
        c.put("group.streams.min.heartbeat.interval.ms", "1000");
        c.put("group.streams.heartbeat.interval.ms", "3000");
        // Committed offsets of a group that has been empty this long are dropped (default 7 days);
        // a local service left off for a week must resume where it stopped, not reprocess its input.
        c.put("offsets.retention.minutes", Integer.toString(365 * 24 * 60));

        // After a crash the restarted controller keeps the dead incarnation's session alive and
        // rejects the new broker registration until it expires, so the session timeout (default
        // 9 s) delays every restart after kill -9. Heartbeats every second still tolerate a 5 s
        // stall before the broker, and with it every partition, is fenced.
        c.put("broker.heartbeat.interval.ms", "1000");
        c.put("broker.session.timeout.ms", "6000");

        c.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        c.put("log.retention.hours", "168");
        // The default 128 MiB cleaner buffer is allocated up front on the heap.
        c.put("log.cleaner.dedupe.buffer.size", Integer.toString(32 * 1024 * 1024));

        // Sized for a broker sharing a small machine with the service: the defaults (8 I/O and 3
        // network threads) only add context switches when the whole box has two cores.
        int cores = Runtime.getRuntime().availableProcessors();
        c.put("num.io.threads", Integer.toString(Math.max(2, cores)));
        c.put("num.network.threads", Integer.toString(Math.max(1, cores / 2)));
        c.put("background.threads", "2");
        // Log recovery after a crash runs one thread per data dir by default.
        c.put("num.recovery.threads.per.data.dir", Integer.toString(Math.max(2, cores)));
        // Operators (and measurements) may override any broker setting: -Dkafka.broker.<name>=<value>.
        System.getProperties().forEach((name, value) -> {
            if (name.toString().startsWith(BROKER_OVERRIDE_PREFIX)) {
                c.put(name.toString().substring(BROKER_OVERRIDE_PREFIX.length()), value.toString());
            }
        });
        return c;
    }

    public String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    public int brokerPort() {
        return brokerPort;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public String clusterId() {
        return clusterId;
    }

    public Path logDir() {
        return logDir;
    }

    /** Shuts the broker and controller down and waits for them to finish; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long began = System.nanoTime();
        try {
            server.shutdown();
        } finally {
            server.awaitShutdown();
        }
        LOG.info("Embedded Kafka on {} stopped in {} ms", bootstrapServers(), elapsedMillis(began));
    }

    /**
     * Formats the directory once. An existing {@code meta.properties} means earlier data lives
     * here; formatting again is refused by Kafka and must not be attempted, so its cluster id is
     * reused instead.
     */
    private static String formatIfNeeded(Path dir, KafkaConfig config, String clusterId) throws Exception {
        Path metaProperties = dir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME);
        if (Files.exists(metaProperties)) {
            Properties props = new Properties();
            try (var in = Files.newInputStream(metaProperties)) {
                props.load(in);
            }
            String existing = props.getProperty("cluster.id");
            if (existing == null || existing.isBlank()) {
                throw new IllegalStateException(metaProperties + " has no cluster.id");
            }
            return existing;
        }
        // Same steps as `kafka-storage.sh format` with controller.quorum.voters set (static quorum).
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(config.nodeId())
                .setClusterId(clusterId)
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(config.metadataLogDir())
                .setHasDynamicQuorum(false)
                .setDirectories(config.logDirs())
                .run();
        LOG.info("Formatted Kafka log directory {} with cluster id {}", dir, clusterId);
        return clusterId;
    }

    private void awaitReady(Duration timeout, long began) {
        long deadline = began + timeout.toNanos();
        Exception last = null;
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50);
        try (Admin admin = Admin.create(adminConfig)) {
            do {
                long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                int attemptMs = (int) Math.max(1_000, Math.min(5_000, remainingMs));
                try {
                    var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(attemptMs));
                    if (!cluster.nodes().get(attemptMs, TimeUnit.MILLISECONDS).isEmpty()
                            && cluster.controller().get(attemptMs, TimeUnit.MILLISECONDS) != null) {
                        return;
                    }
                } catch (ExecutionException e) {
                    last = e.getCause() instanceof Exception cause ? cause : e;
                } catch (TimeoutException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for embedded Kafka to start", e);
                }
                sleep(100);
            } while (System.nanoTime() < deadline);
        }
        throw new IllegalStateException("Embedded Kafka on " + bootstrapServers() + " (log dir " + logDir
                + ") was not ready within " + timeout.toMillis() + " ms"
                + (last == null ? "" : ": " + last), last);
    }

    /** Fails with a clear message instead of the broker's fatal-error stack traces. */
    private static void ensureFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port), 1);
        } catch (IOException e) {
            throw new IllegalStateException("Embedded Kafka cannot listen on " + HOST + ":" + port
                    + ": the port is in use (" + e.getMessage() + ")", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for embedded Kafka to start", e);
        }
    }

    private static long elapsedMillis(long sinceNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos);
    }
}
