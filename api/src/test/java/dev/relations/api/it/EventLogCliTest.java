package dev.relations.api.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relations.engine.Topics;
import dev.relations.eventlog.EventLogCli;
import dev.relations.schemas.serde.ConfluentAvroSerde;
import dev.relations.schemas.serde.HttpSchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event log tool against a live instance: a mixed workload with a restart of the service in
 * the middle, then the state as of a moment before the second half, an aggregate's filtered
 * history, and verify finding the folded log and the service's answers equal; and, on a second
 * app, events appended by hand in the first schema version, which the tool folds and verify
 * reports as differences.
 */
class EventLogCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestApp MAIN = TestApp.unique("evlog", 100);
    private static final TestApp SIDE = TestApp.unique("evside", 100);

    private static TestCluster cluster;
    private static ServiceInstance instance;
    private static Client client;
    private static String room1;
    private static String room2;
    /** A moment between the workload's two halves, before the restart. */
    private static long between;

    record Run(int exit, List<JsonNode> lines, String err) {
        JsonNode only() {
            assertThat(lines).as("stderr: %s", err).hasSize(1);
            return lines.getFirst();
        }
    }

    /** The deployment under test: its application id names its topics. */
    private static final String applicationId = "evlog-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void mixedWorkloadWithARestartInTheMiddle() throws Exception {
        cluster = TestCluster.get();
        Path stateDir = cluster.newDirectory(applicationId);
        int port = TestCluster.freePort();
        instance = ServiceInstance.start(cluster, applicationId, stateDir, port, Map.of(), MAIN, SIDE);
        client = new Client(instance, MAIN).authenticated();
        for (var name : List.of("ann", "bob", "cid", "dan", "eve", "fay", "gus")) {
            client.registerUser(name);
        }
        ok(client.post("/users/ann/contacts/users/bob", null));
        ok(client.post("/users/ann/contacts/users/cid", null));
        ok(client.post("/users/bob/contacts/users/cid", null));
        ok(client.post("/users/bob/contacts/users/gus", null));
        ok(client.put("/users/ann/contacts/users/bob", Map.of("remark", "Bobby")));
        ok(client.put("/users/cid/contacts/users/ann", Map.of("remark", "Annie")));
        ok(client.post("/users/ann/blocks/users", Map.of("usernames", List.of("dan", "eve"))));
        ok(client.post("/users/dan/blocks/users", Map.of("usernames", List.of("ann"))));
        room1 = ok(client.post("/chatrooms", Map.of("name", "lounge", "description", "first", "owner", "ann",
                "members", List.of("bob", "cid")))).get("data").get("id").asText();
        ok(client.post("/chatrooms/" + room1 + "/users", Map.of("usernames", List.of("dan", "eve", "gus", "fay"))));
        ok(client.post("/chatrooms/" + room1 + "/admin", Map.of("newadmin", "bob")));
        ok(client.post("/chatrooms/" + room1 + "/mute", Map.of("usernames", List.of("cid"), "mute_duration", 3_600_000)));
        ok(client.post("/chatrooms/" + room1 + "/blocks/users/eve", null));
        ok(client.post("/chatrooms/" + room1 + "/white/users/fay", null));
        room2 = ok(client.post("/chatrooms", Map.of("name", "den", "description", "second", "owner", "bob",
                "members", List.of("ann")))).get("data").get("id").asText();

        Thread.sleep(20);
        between = System.currentTimeMillis();
        Thread.sleep(20);

        instance.close();
        instance = ServiceInstance.start(cluster, applicationId, stateDir, port, Map.of(), MAIN, SIDE);
        client = new Client(instance, MAIN).authenticated();

        ok(client.post("/users/ann/contacts/users/dan", null));
        ok(client.delete("/users/ann/contacts/users/cid"));
        ok(client.put("/users/bob/contacts/users/ann", Map.of("remark", "A.")));
        ok(client.delete("/users/ann/blocks/users/eve"));
        ok(client.put("/chatrooms/" + room1, Map.of("newowner", "cid")));
        ok(client.put("/chatrooms/" + room1, Map.of("description", "renamed")));
        ok(client.delete("/chatrooms/" + room1 + "/users/dan"));
        ok(client.delete("/chatrooms/" + room1 + "/mute/cid"));
        ok(client.post("/chatrooms/" + room1 + "/ban", null));
        ok(client.delete("/chatrooms/" + room2));
        ok(client.delete("/users/fay"));
        ok(client.delete("/users/gus"));
        // A deletion answers before its cascade reaches the other aggregates: wait for it.
        Eventually.until(() -> !ContactsApiTest.names(client.get("/users/bob/contacts/users")).contains("gus")
                && !client.get("/chatrooms/" + room1 + "/users?version=v3").body().get("data").toString().matches(".*(gus|fay).*"));
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    @Test
    void a_user_as_of_a_moment_before_the_second_half_has_the_roster_blocklist_and_rooms_of_then() {
        var then = asOf(MAIN, Long.toString(between), "--user", "ann").only();
        assertThat(then.get("exists").asBoolean()).isTrue();
        assertThat(then.get("contacts").toString())
                .isEqualTo("[{\"username\":\"cid\",\"remark\":null},{\"username\":\"bob\",\"remark\":\"Bobby\"}]");
        assertThat(texts(then.get("blocks"))).containsExactly("eve", "dan");
        assertThat(texts(then.get("joined_rooms"))).containsExactlyInAnyOrder(room1, room2);

        var now = asOf(MAIN, "now", "--user", "ann").only();
        assertThat(now.get("contacts").toString())
                .isEqualTo("[{\"username\":\"dan\",\"remark\":null},{\"username\":\"bob\",\"remark\":\"Bobby\"}]");
        assertThat(texts(now.get("blocks"))).containsExactly("dan");
        assertThat(texts(now.get("joined_rooms"))).containsExactly(room1);
    }

    @Test
    void a_room_as_of_a_moment_before_the_second_half_has_its_owner_members_and_lists_of_then() {
        var then = asOf(MAIN, java.time.Instant.ofEpochMilli(between).toString(), "--room", room1).only();
        assertThat(then.get("owner").asText()).isEqualTo("ann");
        assertThat(then.get("description").asText()).isEqualTo("first");
        assertThat(texts(then.get("members"))).containsExactly("ann", "bob", "cid", "dan", "gus", "fay");
        assertThat(texts(then.get("admins"))).containsExactly("bob");
        assertThat(texts(then.get("blocklist"))).containsExactly("eve");
        assertThat(texts(then.get("allowlist"))).containsExactly("fay");
        assertThat(then.get("mutes").get(0).get("user").asText()).isEqualTo("cid");
        assertThat(then.get("mute_all").asBoolean()).isFalse();

        var now = asOf(MAIN, "now", "--room", room1).only();
        assertThat(now.get("owner").asText()).isEqualTo("cid");
        assertThat(now.get("description").asText()).isEqualTo("renamed");
        assertThat(texts(now.get("members"))).containsExactly("ann", "bob", "cid");
        assertThat(now.get("mutes")).isEmpty();
        assertThat(now.get("mute_all").asBoolean()).isTrue();
        assertThat(asOf(MAIN, "now", "--room", room2).only().get("exists").asBoolean()).isFalse();
    }

    @Test
    void the_whole_app_as_of_a_moment_lists_what_existed_then() {
        var then = asOf(MAIN, Long.toString(between)).lines();
        var now = asOf(MAIN, "now").lines();
        assertThat(names(then, "user", "username")).containsExactly("ann", "bob", "cid", "dan", "eve", "fay", "gus");
        assertThat(names(then, "chatroom", "id")).containsExactlyInAnyOrder(room1, room2);
        assertThat(names(now, "user", "username")).containsExactly("ann", "bob", "cid", "dan", "eve");
        assertThat(names(now, "chatroom", "id")).containsExactly(room1);
    }

    @Test
    void a_cut_at_offsets_stops_the_aggregate_where_its_second_half_begins() {
        var history = events(MAIN, "--user", "ann").lines();
        var firstLater = history.stream().filter(e -> e.get("occurred_at").asLong() > between).findFirst().orElseThrow();
        var cut = firstLater.get("partition").asText() + ":" + firstLater.get("offset").asText();
        var atCut = asOf(MAIN, cut, "--user", "ann").only();
        var atTime = asOf(MAIN, Long.toString(between), "--user", "ann").only();
        assertThat(atCut.get("contacts")).isEqualTo(atTime.get("contacts"));
        assertThat(atCut.get("blocks")).isEqualTo(atTime.get("blocks"));
    }

    @Test
    void events_of_a_user_are_filtered_by_type_and_time() {
        var all = events(MAIN, "--user", "ann").lines();
        assertThat(all.getFirst().get("event_type").asText()).isEqualTo("user.registered");
        assertThat(all).allSatisfy(e -> {
            assertThat(e.get("aggregate").get("type").asText()).isEqualTo("user");
            assertThat(e.get("aggregate").get("id").asText()).isEqualTo("ann");
            assertThat(e.get("schema").asInt()).isEqualTo(2);
            assertThat(e.get("actor").get("id").asText()).isEqualTo("@ppAdmin");
        });
        assertThat(all).extracting(e -> e.get("seq").asLong()).isSorted();

        var contacts = events(MAIN, "--user", "ann", "--types", "contact.*").lines();
        assertThat(contacts).extracting(e -> e.get("event_type").asText())
                .containsExactly("contact.added", "contact.added", "contact.remark_set", "contact.added", "contact.removed");
        assertThat(contacts.get(2).get("payload").get("remark").asText()).isEqualTo("Bobby");

        var later = events(MAIN, "--user", "ann", "--since", Long.toString(between + 1)).lines();
        assertThat(later).extracting(e -> e.get("event_type").asText())
                .containsExactly("contact.added", "contact.removed", "block.removed");
        var earlier = events(MAIN, "--user", "ann", "--until", Long.toString(between), "--types", "block.added,user.registered").lines();
        assertThat(earlier).extracting(e -> e.get("event_type").asText()).containsExactly("user.registered", "block.added");

        var mutes = events(MAIN, "--room", room1, "--types", "room.mutes.*,room.owner_changed").lines();
        assertThat(mutes).extracting(e -> e.get("event_type").asText())
                .as("the transfer lifts the new owner's mute first")
                .containsExactly("room.mutes.added", "room.mutes.removed", "room.owner_changed");
    }

    @Test
    void verify_finds_no_difference_after_a_mixed_workload_with_a_restart_in_the_middle() {
        var run = verify(MAIN, "--stats");
        assertThat(run.lines()).as("differences; stderr: %s", run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("verified 7 users and 2 rooms").contains("0 differences").contains("events/s");
    }

    @Test
    void events_of_the_first_schema_version_fold_and_verify_reports_what_the_service_never_applied() throws Exception {
        var side = new Client(instance, SIDE).authenticated();
        side.registerUser("xia");
        side.registerUser("yao");
        ok(side.post("/users/xia/contacts/users/yao", null));
        assertThat(verify(SIDE).exit()).isZero();

        var appKey = SIDE.org() + "#" + SIDE.app();
        appendFirstVersion(appKey + "/user/ghost", "user.registered", "UserRegistered",
                Map.of("user", Map.of("uuid", "ghost-uuid", "username", "ghost", "created", 1L, "modified", 1L)));
        appendFirstVersion(appKey + "/user/xia", "contact.removed", "ContactRemoved", Map.of("owner", "xia", "friend", "yao"));

        var ghost = asOf(SIDE, "now", "--user", "ghost").only();
        assertThat(ghost.get("exists").asBoolean()).isTrue();
        assertThat(ghost.get("uuid").asText()).isEqualTo("ghost-uuid");
        var history = events(SIDE, "--user", "xia").lines();
        assertThat(history.getLast().get("event_type").asText()).isEqualTo("contact.removed");
        assertThat(history.getLast().get("payload").get("reason").asText()).as("the field's default").isEqualTo("REST");
        assertThat(history.getLast().get("request").get("api").asText()).isEmpty();
        assertThat(history.getLast().get("schema").asInt()).isEqualTo(1);

        var run = verify(SIDE, "--settle", "1s");
        assertThat(run.exit()).isEqualTo(EventLogCli.DIFFERENCES);
        assertThat(run.lines()).extracting(d -> d.get("aggregate").asText() + " " + d.get("what").asText())
                .containsExactlyInAnyOrder(appKey + "/user/ghost exists", appKey + "/user/xia contacts");
        var contacts = run.lines().stream().filter(d -> d.get("what").asText().equals("contacts")).findFirst().orElseThrow();
        assertThat(contacts.get("log")).isEmpty();
        assertThat(contacts.get("service").get(0).get("username").asText()).isEqualTo("yao");
    }

    /**
     * Schema 1's last version named member lists {@code users} and a permanent mute's expiry -1;
     * the current schema reads them through aliases and the fold keeps a permanent mute.
     */
    @Test
    void room_events_of_the_last_schema_1_version_fold_their_renamed_lists_and_a_permanent_mute() throws Exception {
        var legacy = TestApp.unique("evlegacy", 100);
        var key = legacy.org() + "#" + legacy.app() + "/room/77";
        appendLastSchema1(key, "room.created", "RoomCreated", Map.of("room", "77", "name", "old", "description", "d",
                "maxusers", 200, "owner", "ann", "created", 1L));
        appendLastSchema1(key, "room.members.joined", "RoomMembersJoined", Map.of("room", "77", "members", List.of("bob", "cid")));
        appendLastSchema1(key, "room.mutes.added", "RoomMutesAdded", Map.of("room", "77", "users", List.of("bob"), "expire_at", -1L));
        appendLastSchema1(key, "room.members.left", "RoomMembersLeft", Map.of("room", "77", "members", List.of("cid"), "reason", "BLOCK"));
        appendLastSchema1(key, "room.blocklist.added", "RoomBlocklistAdded", Map.of("room", "77", "users", List.of("cid")));
        appendLastSchema1(key, "room.allowlist.added", "RoomAllowlistAdded", Map.of("room", "77", "users", List.of("bob")));

        var room = asOf(legacy, "now", "--room", "77").only();
        assertThat(room.get("exists").asBoolean()).isTrue();
        assertThat(room.get("members")).extracting(JsonNode::asText).containsExactly("ann", "bob");
        assertThat(room.get("mutes")).hasSize(1);
        assertThat(room.get("mutes").get(0).get("user").asText()).isEqualTo("bob");
        assertThat(room.get("mutes").get(0).get("expire").asLong()).isEqualTo(-1L);
        assertThat(room.get("blocklist")).extracting(JsonNode::asText).containsExactly("cid");
        assertThat(room.get("allowlist")).extracting(JsonNode::asText).containsExactly("bob");
        var mutes = events(legacy, "--room", "77", "--types", "room.mutes.added").lines();
        assertThat(mutes).hasSize(1);
        assertThat(mutes.getFirst().get("payload").get("members").get(0).asText()).isEqualTo("bob");
    }

    /** Writes an event encoded with the first version of EventEnvelope, registered in the registry as such. */
    private static void appendFirstVersion(String key, String type, String payloadType, Map<String, Object> payload)
            throws IOException {
        append("/eventlog/event-envelope-v1.avsc", "relations.events-first-version", key, type, payloadType, payload);
    }

    /** Writes an event encoded with the last version of schema 1 (before aggregate, actor and request), registered as such. */
    private static void appendLastSchema1(String key, String type, String payloadType, Map<String, Object> payload)
            throws IOException {
        append("/eventlog/event-envelope-schema1-last.avsc", "relations.events-schema1-last", key, type, payloadType, payload);
    }

    private static void append(String resource, String subject, String key, String type, String payloadType,
                               Map<String, Object> payload) throws IOException {
        Schema schema;
        try (InputStream in = EventLogCliTest.class.getResourceAsStream(resource)) {
            schema = new Schema.Parser().parse(in);
        }
        // Its own subject: the events subject's BACKWARD check would refuse a version with fewer payload branches.
        int id = new HttpSchemaRegistryClient(cluster.registryUrl()).register(subject, schema);
        var payloadSchema = schema.getField("payload").schema().getTypes().stream()
                .filter(s -> s.getName().equals(payloadType)).findFirst().orElseThrow();
        var envelope = new GenericRecordBuilder(schema)
                .set("event_id", UUID.randomUUID().toString())
                .set("event_type", type)
                .set("org", key.substring(0, key.indexOf('#')))
                .set("app", key.substring(key.indexOf('#') + 1, key.indexOf('/')))
                .set("aggregate_type", key.contains("/room/") ? "chatroom" : "user")
                .set("aggregate_id", key)
                .set("seq", 1_000L)
                .set("occurred_at", System.currentTimeMillis())
                .set("request_id", "by-hand")
                .set("payload", record(payloadSchema, payload))
                .build();
        var bytes = new ByteArrayOutputStream();
        bytes.write(ConfluentAvroSerde.MAGIC_BYTE);
        bytes.write(java.nio.ByteBuffer.allocate(4).putInt(id).array());
        var encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(schema).write(envelope, encoder);
        encoder.flush();
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(new Topics(applicationId).events(), key, bytes.toByteArray())).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static GenericData.Record record(Schema schema, Map<String, Object> values) {
        var builder = new GenericRecordBuilder(schema);
        values.forEach((field, value) -> builder.set(field, value instanceof Map<?, ?> nested
                ? record(schema.getField(field).schema(), (Map<String, Object>) nested) : value));
        return builder.build();
    }

    private static Run asOf(TestApp app, String cut, String... more) {
        return cli(app, Stream.concat(Stream.of("as-of", cut), Stream.of(more)).toArray(String[]::new));
    }

    private static Run events(TestApp app, String... more) {
        return cli(app, Stream.concat(Stream.of("events"), Stream.of(more)).toArray(String[]::new));
    }

    private static Run verify(TestApp app, String... more) {
        return cli(app, Stream.concat(Stream.of("verify", "--base-url", instance.baseUrl(), "--client-id", app.clientId(),
                "--client-secret", app.clientSecret()), Stream.of(more)).toArray(String[]::new));
    }

    private static Run cli(TestApp app, String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", cluster.bootstrapServers(), "--registry-url", cluster.registryUrl(),
                "--application-id", applicationId, "--org", app.org(), "--app", app.app()));
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = EventLogCli.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        var lines = new ArrayList<JsonNode>();
        try {
            for (var line : out.toString().split("\n")) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(out.toString(), e);
        }
        if (exit != 0 && exit != EventLogCli.DIFFERENCES) {
            throw new AssertionError("relations-log " + String.join(" ", all) + " exited " + exit + ": " + err);
        }
        return new Run(exit, lines, err.toString());
    }

    private static List<String> names(List<JsonNode> lines, String type, String field) {
        return lines.stream().filter(l -> l.get("type").asText().equals(type)).map(l -> l.get(field).asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static JsonNode ok(Client.Reply reply) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body();
    }
}
