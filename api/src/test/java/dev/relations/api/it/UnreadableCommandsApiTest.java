package dev.relations.api.it;

import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.engine.Topics;
import dev.relations.mapping.AvroSerdes;
import dev.relations.mapping.RecordKeys;
import dev.relations.schemas.CommandEnvelope;
import dev.relations.schemas.DeleteUser;
import dev.relations.schemas.serde.HttpSchemaRegistryClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records nobody can read as a command, written straight onto every partition of the commands
 * topic, stop nothing: writes on every partition still answer, and the records wait in the
 * dead-letter topic with their origin.
 */
class UnreadableCommandsApiTest {
    private static final TestApp APP = TestApp.unique("poison", 100);
    private static final String APPLICATION_ID = "poison-it-" + APP.name();
    private static final Topics TOPICS = new Topics(APPLICATION_ID);
    private static ServiceInstance service;

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(TestCluster.get(), APPLICATION_ID, APP);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void writes_for_keys_on_every_partition_succeed_after_unreadable_records_on_each_partition() throws Exception {
        var cluster = TestCluster.get();
        var poison = poisonRecords(cluster.registryUrl(), TOPICS, APP);
        int partitions = poisonEveryPartition(cluster.bootstrapServers(), TOPICS, poison);
        var client = new Client(service, APP).authenticated();
        var users = usersOnEveryPartition(partitions);

        for (var user : users) {
            assertThat(client.post("/users", Map.of("username", user, "password", "pw-" + user)).status())
                    .as("registering %s", user).isEqualTo(200);
        }
        for (int i = 1; i < users.size(); i++) {
            assertThat(client.post("/users/" + users.getFirst() + "/contacts/users/" + users.get(i), null).status())
                    .as("adding %s", users.get(i)).isEqualTo(200);
        }

        var dead = readDeadLetters(cluster, partitions * poison.size());
        assertThat(dead).hasSize(partitions * poison.size());
        assertThat(dead).allSatisfy(record -> {
            assertThat(header(record, "__streams.errors.topic")).isEqualTo(TOPICS.commands());
            assertThat(header(record, "__streams.errors.offset")).isNotBlank();
            assertThat(header(record, "__streams.errors.exception")).isNotBlank();
        });
        var perPartition = dead.stream().collect(Collectors.groupingBy(r -> header(r, "__streams.errors.partition"),
                TreeMap::new, Collectors.counting()));
        assertThat(perPartition).hasSize(partitions).allSatisfy((partition, count) -> assertThat(count).isEqualTo(poison.size()));
    }

    /** Writes every poison record to every partition of the deployment's commands topic; answers the partition count. */
    static int poisonEveryPartition(String bootstrapServers, Topics topics, List<byte[][]> poison) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers), new ByteArraySerializer(), new ByteArraySerializer())) {
            int partitions = producer.partitionsFor(topics.commands()).size();
            for (int partition = 0; partition < partitions; partition++) {
                for (var record : poison) {
                    producer.send(new ProducerRecord<>(topics.commands(), partition, record[0], record[1])).get();
                }
            }
            return partitions;
        }
    }

    /** Key and value pairs: random bytes, an empty value, no value, an unknown schema id, truncated Avro, no key. */
    static List<byte[][]> poisonRecords(String registryUrl, Topics topics, TestApp app) {
        var tenant = new Tenant(app.org(), app.app());
        var key = RecordKeys.user(tenant, Username.of("poison-target")).getBytes(StandardCharsets.UTF_8);
        var random = new byte[48];
        new Random(11).nextBytes(random);
        random[0] = 17;
        var envelope = CommandEnvelope.newBuilder()
                .setRequestId("poison-" + app.name())
                .setOrg(tenant.org())
                .setApp(tenant.app())
                .setIssuedAt(System.currentTimeMillis())
                .setExternal(true)
                .setApi("")
                .setBody(new DeleteUser("poison-target"))
                .build();
        var valid = AvroSerdes.using(new HttpSchemaRegistryClient(registryUrl)).commands().serializer()
                .serialize(topics.commands(), envelope);
        return List.of(
                new byte[][] {key, random},
                new byte[][] {key, new byte[0]},
                new byte[][] {key, null},
                new byte[][] {key, {0, 0x7f, 0x7f, 0x7f, 0x7f, 2, 4, 6}},
                new byte[][] {key, Arrays.copyOf(valid, valid.length - 4)},
                new byte[][] {null, valid});
    }

    /** One username whose record key lands on each partition (the producer's default partitioning). */
    private static List<String> usersOnEveryPartition(int partitions) {
        var tenant = new Tenant(APP.org(), APP.app());
        var byPartition = new TreeMap<Integer, String>();
        for (int i = 0; byPartition.size() < partitions; i++) {
            var name = "poisoned-" + i;
            var key = RecordKeys.user(tenant, Username.of(name)).getBytes(StandardCharsets.UTF_8);
            byPartition.putIfAbsent(Utils.toPositive(Utils.murmur2(key)) % partitions, name);
        }
        return new ArrayList<>(byPartition.values());
    }

    private static List<ConsumerRecord<byte[], byte[]>> readDeadLetters(TestCluster cluster, int expected) {
        var topic = TOPICS.deadLetters();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var found = new ArrayList<ConsumerRecord<byte[], byte[]>>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (found.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
            }
            return found;
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
