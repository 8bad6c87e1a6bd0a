package dev.relations.api.it;

import dev.relations.api.runtime.LocalKafkaCluster;
import dev.relations.engine.Topics;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out as an operator runs it: three KRaft brokers (replication 3, min.insync.replicas 2)
 * and two instances of the service in their own JVMs with one standby replica each, all on
 * loopback. Under a steady load of contact adds with a ledger of every acknowledged one:
 * {@code kill -9} of an instance, a broker stopped, and an instance joining. No acknowledged
 * write may be lost, reads never answer 5xx, writes for every partition succeed again within
 * 30 s; unreadable records on every partition of the commands topic stop none of them. The
 * failover time it measures is printed (and recorded in the README).
 *
 * <p>{@code -Drelations.failover.group-protocol=streams} and {@code -Drelations.failover.standbys=0}
 * run the same test with KIP-1071's rebalance protocol or without standbys, for the comparison.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverTest {
    private static final String SECRET = "YXA6cluster-failover-secret";
    private static final TestApp APP = new TestApp("default", "failover", "relations", "YXA6-failover", SECRET, 100);
    private static final int PARTITIONS = 6;
    private static final int USERS = 48;

    private static LocalKafkaCluster kafka;
    private static Path root;
    private static final Map<String, ChildService> instances = new HashMap<>();
    private static final Map<String, Integer> ports = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        root = Files.createTempDirectory("relations-cluster");
        kafka = LocalKafkaCluster.start(root.resolve("kafka"), 3, 0);
        startInstance("a");
        startInstance("b");
        var client = client("a");
        for (int u = 0; u < USERS; u++) {
            assertThat(client.registerUser(user(u)).status()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (var instance : instances.values()) {
            instance.kill();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void kill_9_of_one_instance_loses_no_acknowledged_write_and_every_partition_writes_again_within_30_s() throws Exception {
        var load = new Load(List.of("a", "b"), 0);
        load.start();
        Thread.sleep(4_000);
        long killedAt = System.nanoTime();
        instances.remove("a").kill();
        load.only("b");
        var firstSuccess = load.awaitEveryPartitionWritesAfter(killedAt, 60_000);
        Thread.sleep(2_000);
        load.stop();

        long failoverMs = firstSuccess.values().stream().mapToLong(t -> (t - killedAt) / 1_000_000).max().orElseThrow();
        System.out.printf("[failover] kill -9 of one of two instances (%s protocol, %s standby): every partition "
                + "took writes again after %,d ms; %d acknowledged adds and %d registrations, %d refused or timed out, "
                + "%d reads, %d read 5xx%n", protocol(), standbys(), failoverMs, load.acknowledged.size(),
                load.registered.size(), load.failed.get(), load.reads.get(), load.read5xx.get());
        assertThat(firstSuccess).as("partitions that took a write after the kill").hasSize(PARTITIONS);
        assertThat(failoverMs).as("ms until every partition took writes again").isLessThan(30_000);
        assertThat(load.read5xx.get()).as("reads answered 5xx while the partitions moved").isZero();
        load.assertLedgerReadableThrough("b");
    }

    @Test
    @Order(2)
    void an_instance_joining_moves_partitions_while_reads_keep_answering() throws Exception {
        var load = new Load(List.of("b"), 1);
        load.start();
        startInstance("a");
        Thread.sleep(8_000);
        load.stop();
        assertThat(load.read5xx.get()).as("reads answered 5xx while an instance joined").isZero();
        load.assertLedgerReadableThrough("a");
        load.assertLedgerReadableThrough("b");
    }

    @Test
    @Order(3)
    void a_broker_stopped_under_load_loses_no_acknowledged_write_and_writes_resume() throws Exception {
        var load = new Load(List.of("a", "b"), 2);
        load.start();
        Thread.sleep(3_000);
        kafka.stopNode(2);
        long stoppedAt = System.nanoTime();
        var firstSuccess = load.awaitEveryPartitionWritesAfter(stoppedAt, 60_000);
        Thread.sleep(2_000);
        load.stop();
        long resumedMs = firstSuccess.values().stream().mapToLong(t -> (t - stoppedAt) / 1_000_000).max().orElseThrow();
        System.out.printf("[failover] one of three brokers stopped: every partition took writes again after %,d ms; "
                + "%d acknowledged adds and %d registrations, %d refused or timed out%n", resumedMs, load.acknowledged.size(),
                load.registered.size(), load.failed.get());
        assertThat(firstSuccess).hasSize(PARTITIONS);
        load.assertLedgerReadableThrough("a");
        kafka.startNode(2);
        load.assertLedgerReadableThrough("b");
    }

    @Test
    @Order(4)
    void unreadable_records_on_every_partition_of_the_commands_topic_stop_no_partition() throws Exception {
        var topics = new Topics(applicationId());
        UnreadableCommandsApiTest.poisonEveryPartition(kafka.bootstrapServers(), topics,
                UnreadableCommandsApiTest.poisonRecords(TestCluster.get().registryUrl(), topics, APP));
        long poisonedAt = System.nanoTime();
        var load = new Load(List.of("a", "b"), 0);
        load.start();
        var firstSuccess = load.awaitEveryPartitionWritesAfter(poisonedAt, 30_000);
        load.stop();
        assertThat(firstSuccess).as("partitions that took a write after the poison").hasSize(PARTITIONS);
        load.assertLedgerReadableThrough("a");
    }

    /**
     * A few writer threads, alternating over instances, each sending a contact add between a
     * distinct pair (while pairs last) and a fresh user's registration, so that writes reach every
     * partition however long the test runs; and a reader listing contacts beside them. Every
     * write answered 200 goes into the ledger.
     */
    private static final class Load {
        private static final AtomicInteger REGISTERED = new AtomicInteger();
        private final List<String> pairs = new ArrayList<>();
        private final AtomicInteger next = new AtomicInteger();
        private volatile List<String> targets;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        final ConcurrentLinkedQueue<String[]> acknowledged = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> registered = new ConcurrentLinkedQueue<>();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger read5xx = new AtomicInteger();
        /** Per partition of the written aggregate, the times (nanoTime) of acknowledged writes. */
        private final Map<Integer, ConcurrentLinkedQueue<Long>> successes = new ConcurrentHashMap<>();

        /** Each {@code band} adds edges at distances no other band uses (7 per band, below half the ring). */
        Load(List<String> targets, int band) {
            this.targets = targets;
            for (int d = band * 7 + 1; d <= band * 7 + 7; d++) {
                for (int u = 0; u < USERS; u++) {
                    pairs.add(user(u) + "|" + user((u + d) % USERS));
                }
            }
        }

        void only(String instance) {
            targets = List.of(instance);
        }

        void start() {
            for (int t = 0; t < 4; t++) {
                threads.add(Thread.ofPlatform().start(this::write));
            }
            threads.add(Thread.ofPlatform().start(this::read));
        }

        private void write() {
            int sent = 0;
            while (running.get()) {
                int i = next.getAndIncrement();
                if (i < pairs.size()) {
                    var pair = pairs.get(i).split("\\|");
                    if (send(targets.get(sent++ % targets.size()), "/users/" + pair[0] + "/contacts/users/" + pair[1], null, pair[0])) {
                        acknowledged.add(pair);
                    }
                }
                var fresh = "fr" + REGISTERED.incrementAndGet();
                if (send(targets.get(sent++ % targets.size()), "/users", Map.of("username", fresh, "password", "secret1"), fresh)) {
                    registered.add(fresh);
                }
                pause(10);
            }
        }

        private boolean send(String via, String path, Object body, String aggregateUser) {
            try {
                if (client(via).post(path, body).status() == 200) {
                    successes.computeIfAbsent(partition(aggregateUser), p -> new ConcurrentLinkedQueue<>()).add(System.nanoTime());
                    return true;
                }
            } catch (RuntimeException unreachable) {
                // the instance just killed: counted as failed like any other refusal
            }
            failed.incrementAndGet();
            return false;
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void read() {
            int u = 0;
            while (running.get()) {
                var via = targets.get(u % targets.size());
                try {
                    var reply = client(via).get("/users/" + user(u++ % USERS) + "/contacts/users");
                    reads.incrementAndGet();
                    if (reply.status() >= 500) {
                        read5xx.incrementAndGet();
                        System.out.printf("[failover] read answered %d: %s%n", reply.status(), reply.body());
                    }
                } catch (RuntimeException unreachable) {
                    // the instance just killed: the client would go to another one
                }
            }
        }

        /** For each partition, the first acknowledged add sent after {@code since}; waits up to {@code limitMs}. */
        Map<Integer, Long> awaitEveryPartitionWritesAfter(long since, long limitMs) throws InterruptedException {
            long deadline = since + limitMs * 1_000_000;
            var first = new HashMap<Integer, Long>();
            while (System.nanoTime() < deadline && first.size() < PARTITIONS) {
                Thread.sleep(200);
                successes.forEach((partition, times) -> times.stream().filter(t -> t > since).min(Long::compare)
                        .ifPresent(t -> first.put(partition, t)));
            }
            return first;
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (var thread : threads) {
                thread.join();
            }
        }

        /** Every acknowledged add is listed on both sides, read through {@code instance}. */
        void assertLedgerReadableThrough(String instance) {
            var client = client(instance);
            var lists = new HashMap<String, List<String>>();
            for (int u = 0; u < USERS; u++) {
                lists.put(user(u), ContactsApiTest.names(client.get("/users/" + user(u) + "/contacts/users")));
            }
            for (var pair : acknowledged) {
                assertThat(lists.get(pair[0])).as("%s lists %s", pair[0], pair[1]).contains(pair[1]);
                assertThat(lists.get(pair[1])).as("%s lists %s", pair[1], pair[0]).contains(pair[0]);
            }
            for (var user : registered) {
                assertThat(client.get("/users/" + user).status()).as("registered user %s", user).isEqualTo(200);
            }
        }
    }

    private static void startInstance(String name) throws Exception {
        int port = ports.computeIfAbsent(name, n -> TestCluster.freePort());
        var env = Map.of(
                "RELATIONS_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "RELATIONS_KAFKA_REGISTRY_URL", TestCluster.get().registryUrl(),
                "RELATIONS_KAFKA_APPLICATION_ID", applicationId(),
                "RELATIONS_KAFKA_REPLICATION_FACTOR", "3",
                "RELATIONS_KAFKA_STANDBY_REPLICAS", standbys(),
                "RELATIONS_DATA_DIR", root.resolve("instance-" + name).toString(),
                "RELATIONS_TOKEN_SECRET", ServiceInstance.TOKEN_SECRET,
                "RELATIONS_ORG", APP.org(), "RELATIONS_APP", APP.app(), "RELATIONS_CLIENT_ID", APP.clientId());
        var withSecret = new HashMap<>(env);
        withSecret.put("RELATIONS_CLIENT_SECRET", SECRET);
        withSecret.put("RELATIONS_RATE_LIMITS_ENABLED", "false");
        instances.put(name, ChildService.start(root, "instance-" + name + "-" + System.nanoTime(), port, withSecret,
                List.of("-Dkafka.streams.group.protocol=" + protocol())));
    }

    private static final Map<String, Client> clients = new ConcurrentHashMap<>();

    private static Client client(String instance) {
        return clients.computeIfAbsent(instance + ports.get(instance),
                k -> new Client("http://localhost:" + ports.get(instance), APP).authenticated());
    }

    private static String applicationId() {
        return "failover-" + root.getFileName();
    }

    private static String user(int u) {
        return "fo" + u;
    }

    /** The commands partition of a user's writes: Kafka's default partitioner over the record key. */
    private static int partition(String user) {
        var key = APP.org() + "#" + APP.app() + "/user/" + user;
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private static String protocol() {
        return System.getProperty("relations.failover.group-protocol", "classic");
    }

    private static String standbys() {
        return System.getProperty("relations.failover.standbys", "1");
    }
}
