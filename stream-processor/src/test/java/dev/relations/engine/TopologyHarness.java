package dev.relations.engine;

import dev.relations.mapping.RecordKeys;
import dev.relations.mapping.AvroSerdes;
import dev.relations.query.StateQueries;
import dev.relations.store.Keys;
import dev.relations.store.Slice;
import dev.relations.store.StateLayout;
import dev.relations.store.StoreBlocklist;
import dev.relations.store.StoreNames;
import dev.relations.store.StoreRoster;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.domain.contact.RosterLimits;
import dev.relations.schemas.AddContact;
import dev.relations.schemas.CommandEnvelope;
import dev.relations.schemas.Actor;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.Notification;
import dev.relations.schemas.Outcome;
import dev.relations.schemas.RegisterUser;
import dev.relations.schemas.StoredBatch;
import dev.relations.schemas.StoredBlock;
import dev.relations.schemas.StoredContact;
import dev.relations.schemas.StoredUser;
import dev.relations.schemas.UserView;
import dev.relations.schemas.serde.InMemorySchemaRegistryClient;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topology on a {@link TopologyTestDriver}: API commands in, and the topics and stores
 * to look at afterwards. The driver feeds records written to a topic the topology reads
 * (commands, events) straight back in, so a command's whole chain, its events and their
 * notifications have run by the time {@link #send} returns; re-piping the follow-ups read
 * from the steps topic would run every step twice.
 */
final class TopologyHarness implements AutoCloseable {
    static final long NOW = 1_700_000_000_000L;
    static final String APPLICATION_ID = "relations-topology-test";
    static final String ADD_API = "POST /users/{owner}/contacts/users/{friend}";
    /** The actor the API names for a call with an app token (SPEC E.5). */
    static final Actor APP_ADMIN = new Actor("app_admin", "@ppAdmin");

    final TestOutputTopic<String, CommandEnvelope> followUps;
    final TestOutputTopic<String, Outcome> outcomes;
    final TestOutputTopic<String, EventEnvelope> events;
    final TestOutputTopic<String, Notification> notifications;
    final TestOutputTopic<byte[], byte[]> deadLetters;
    static final Topics TOPICS = new Topics(APPLICATION_ID);
    private static final String HELD_STEPS = "held-steps";
    final TestOutputTopic<String, CommandEnvelope> heldSteps;
    private final TestInputTopic<String, CommandEnvelope> steps;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, CommandEnvelope> commands;
    private final TestInputTopic<byte[], byte[]> rawCommands;
    private int requests;
    private long issuedAt = NOW;
    private final StateLayout layout;
    private final AvroSerdes serdes;

    TopologyHarness(Path stateDir, Function<Tenant, RosterLimits> limits) {
        this(stateDir, Limits.withRoster(limits));
    }

    /** The driver's wall clock starts at {@link #NOW}, the time every command is issued at (unless {@link #issueAt}). */
    TopologyHarness(Path stateDir, Limits limits) {
        this(stateDir, limits, RequestRetention.of(RelationsTopology.REQUEST_RETENTION));
    }

    TopologyHarness(Path stateDir, Limits limits, RequestRetention retention) {
        this(stateDir, limits, retention, RelationsTopology.RESERVATION_DEADLINE, false);
    }

    /**
     * With {@code holdSteps} the engine's own steps are not run at once: they wait on
     * {@link #heldSteps} until the test delivers them ({@link #deliver}), late or never.
     */
    TopologyHarness(Path stateDir, Limits limits, RequestRetention retention, Duration reservationDeadline, boolean holdSteps) {
        serdes = AvroSerdes.using(new InMemorySchemaRegistryClient());
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.putAll(StreamsSettings.errorHandling(APPLICATION_ID));
        layout = new StateLayout(serdes, APPLICATION_ID);
        driver = new TopologyTestDriver(RelationsTopology.build(serdes, limits, retention, reservationDeadline, props,
                holdSteps ? HELD_STEPS : null),
                props, Instant.ofEpochMilli(NOW));
        var keys = new StringDeserializer();
        commands = driver.createInputTopic(TOPICS.commands(), new StringSerializer(), serdes.commands().serializer());
        followUps = driver.createOutputTopic(TOPICS.steps(), keys, serdes.commands().deserializer());
        outcomes = driver.createOutputTopic(TOPICS.outcomes(), keys, serdes.outcomes().deserializer());
        events = driver.createOutputTopic(TOPICS.events(), keys, serdes.events().deserializer());
        notifications = driver.createOutputTopic(TOPICS.notifications(), keys, serdes.notifications().deserializer());
        heldSteps = driver.createOutputTopic(HELD_STEPS, keys, serdes.commands().deserializer());
        steps = driver.createInputTopic(TOPICS.steps(), new StringSerializer(), serdes.commands().serializer());
        rawCommands = driver.createInputTopic(TOPICS.commands(), new ByteArraySerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic(TOPICS.deadLetters(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    /** Registers each user and forgets everything published so far. */
    void given(Tenant tenant, String... usernames) {
        for (var username : usernames) {
            assertThat(register(tenant, username).getStatus()).as("registering %s", username).isEqualTo(200);
        }
        clearOutputs();
    }

    Outcome register(Tenant tenant, String username) {
        return send(tenant, username, nextRequestId(), new RegisterUser(view(username), "pbkdf2$" + username));
    }

    Outcome add(Tenant tenant, String owner, String friend) {
        return send(tenant, owner, nextRequestId(), addBody(owner, friend));
    }

    /** Pipes one command as the API sends it, to the user aggregate {@code self}, and answers its single outcome. */
    Outcome send(Tenant tenant, String self, String requestId, Object body) {
        return sendTo(RecordKeys.user(tenant, name(self)), tenant, requestId, body);
    }

    /** Pipes one command as the API sends it to a chatroom's aggregate, and answers its single outcome. */
    Outcome sendToRoom(Tenant tenant, String room, Object body) {
        return sendTo(RecordKeys.room(tenant, new RoomId(room)), tenant, nextRequestId(), body);
    }

    /** A command's bytes as the API writes them, with a schema id the topology's registry knows. */
    byte[] serialized(CommandEnvelope envelope) {
        return serdes.commands().serializer().serialize(TOPICS.commands(), envelope);
    }

    /** Pipes a record onto the commands topic as any producer might have written it. */
    void pipeRaw(byte[] key, byte[] value) {
        rawCommands.pipeInput(key, value);
    }

    /** Overwrites one entry of the physical store with bytes no serde reads: the next step that reads it throws. */
    void corrupt(Slice<?> slice, String key) {
        KeyValueStore<String, byte[]> state = driver.getKeyValueStore(StoreNames.STATE);
        state.put(slice.tag() + ":" + key, new byte[] {1, 2, 3});
    }

    /** Pipes one command as the API sends it to a user's aggregate, without waiting for an answer; answers its request id. */
    String submit(Tenant tenant, String self, Object body) {
        var requestId = nextRequestId();
        commands.pipeInput(RecordKeys.user(tenant, name(self)), external(tenant, requestId, body));
        return requestId;
    }

    /** Pipes one command as the API sends it under any record key, without reading an answer. */
    void pipe(String key, Tenant tenant, Object body) {
        commands.pipeInput(key, external(tenant, nextRequestId(), body));
    }

    /** Pipes one command as the API sends it to a chatroom's aggregate, without waiting for an answer; answers its request id. */
    String submitToRoom(Tenant tenant, String room, Object body) {
        var requestId = nextRequestId();
        commands.pipeInput(RecordKeys.room(tenant, new RoomId(room)), external(tenant, requestId, body));
        return requestId;
    }

    /** A command as the API writes it for a call with an app token. */
    private CommandEnvelope external(Tenant tenant, String requestId, Object body) {
        return CommandEnvelope.newBuilder()
                .setRequestId(requestId)
                .setOrg(tenant.org())
                .setApp(tenant.app())
                .setIssuedAt(issuedAt)
                .setExternal(true)
                .setApi(body instanceof AddContact ? ADD_API : "")
                .setActor(APP_ADMIN)
                .setBody(body)
                .build();
    }

    /** With held steps: registers each user, running every step, and forgets everything published so far. */
    void givenRunningHeldSteps(Tenant tenant, String... usernames) {
        for (var user : usernames) {
            submit(tenant, user, new RegisterUser(view(user), "pbkdf2$" + user));
            deliverAllHeld();
        }
        clearOutputs();
    }

    /** With held steps: runs every held step and answers the request's single outcome, the only one sent. */
    Outcome runChain(String requestId) {
        deliverAllHeld();
        var answered = outcomes.readKeyValuesToList();
        assertThat(answered).extracting(kv -> kv.key).containsExactly(requestId);
        return answered.getFirst().value;
    }

    /** Pipes one command as the API sends it with an Idempotency-Key header, and answers its single outcome. */
    Outcome sendWithKey(Tenant tenant, String self, String requestId, String idempotencyKey, Object body) {
        var envelope = CommandEnvelope.newBuilder(external(tenant, requestId, body)).setIdempotencyKey(idempotencyKey).build();
        commands.pipeInput(RecordKeys.user(tenant, name(self)), envelope);
        var answered = outcomes.readKeyValuesToList();
        assertThat(answered).as("outcomes of %s", requestId).hasSize(1);
        return answered.getFirst().value;
    }

    /** Runs every held step, and the steps they send, until none is left. */
    void deliverAllHeld() {
        while (!heldSteps.isEmpty()) {
            heldSteps.readKeyValuesToList().forEach(this::deliver);
        }
    }

    /** Runs a held step now, as if it had just arrived on the steps topic. */
    void deliver(KeyValue<String, CommandEnvelope> step) {
        steps.pipeInput(step.key, step.value);
    }

    /** Commands sent from now on are issued at that time. */
    void issueAt(long time) {
        issuedAt = time;
    }

    /** Lets the driver's wall clock run, firing the punctuators that fall due. */
    void advanceWallClock(Duration by) {
        driver.advanceWallClockTime(by);
    }

    /** The typed reads the HTTP module answers from, over the driver's store. */
    StateQueries queries() {
        return new StateQueries(driver.getKeyValueStore(StoreNames.STATE), layout);
    }

    <V> ReadOnlyKeyValueStore<String, V> store(Slice<V> slice) {
        return layout.view(driver.getKeyValueStore(StoreNames.STATE), slice);
    }

    /** Pipes one command under any record key (an aggregate's, or one a faulty producer might use), and answers its single outcome. */
    Outcome sendTo(String key, Tenant tenant, Object body) {
        return sendTo(key, tenant, nextRequestId(), body);
    }

    private Outcome sendTo(String key, Tenant tenant, String requestId, Object body) {
        commands.pipeInput(key, external(tenant, requestId, body));
        var answered = outcomes.readKeyValuesToList();
        assertThat(answered).as("outcomes of %s", requestId).hasSize(1);
        assertThat(answered.getFirst().key).isEqualTo(requestId);
        return answered.getFirst().value;
    }

    Outcome send(Tenant tenant, String self, Object body) {
        return send(tenant, self, nextRequestId(), body);
    }

    void clearOutputs() {
        deadLetters.readRecordsToList();
        followUps.readRecordsToList();
        outcomes.readRecordsToList();
        events.readRecordsToList();
        notifications.readRecordsToList();
    }

    /** The aggregate key an event's envelope names ({@code org#app/user/alice}, {@code org#app/room/100}, {@code org#app/app}). */
    static String aggregateKey(EventEnvelope event) {
        var app = event.getOrg() + "#" + event.getApp();
        var aggregate = event.getAggregate();
        return switch (aggregate.getType()) {
            case "user" -> app + "/user/" + aggregate.getId();
            case "chatroom" -> app + "/room/" + aggregate.getId();
            case "app" -> app + "/app";
            default -> throw new IllegalArgumentException(aggregate.getType());
        };
    }

    static AddContact addBody(String owner, String friend) {
        return new AddContact(owner, friend, "rest", true);
    }

    static UserView view(String username) {
        return new UserView(uuid(username), username, NOW - 60_000, NOW - 60_000, true, null);
    }

    static String uuid(String username) {
        return "uuid-" + username;
    }

    static Username name(String username) {
        return Username.of(username);
    }

    ReadOnlyKeyValueStore<String, StoredUser> users() {
        return store(StoreNames.USERS);
    }

    ReadOnlyKeyValueStore<String, StoredContact> contacts() {
        return store(StoreNames.CONTACTS);
    }

    boolean confirmedEdge(Tenant tenant, String owner, String friend) {
        var edge = contacts().get(Keys.contact(tenant, name(owner), name(friend)));
        return edge != null && edge.getConfirmed();
    }

    /** The friends' names of every edge of an owner's roster, reservations included. */
    List<String> edges(Tenant tenant, String owner) {
        return prefixScan(contacts(), tenant, owner).stream().map(kv -> kv.key).toList();
    }

    /** The owner's confirmed friends in listing order. */
    List<String> listing(Tenant tenant, String owner) {
        ReadOnlyKeyValueStore<String, String> order = store(StoreNames.CONTACT_ORDER);
        return prefixScan(order, tenant, owner).stream().map(kv -> kv.value).toList();
    }

    /** The roster size counter the limit is checked against. */
    long size(Tenant tenant, String owner) {
        ReadOnlyKeyValueStore<String, Long> counters = store(StoreNames.COUNTERS);
        var size = counters.get(Keys.counter(tenant, name(owner), StoreRoster.SIZE));
        return size == null ? 0L : size;
    }

    ReadOnlyKeyValueStore<String, StoredBlock> blocks() {
        return store(StoreNames.BLOCKS);
    }

    ReadOnlyKeyValueStore<String, String> blockers() {
        return store(StoreNames.BLOCKERS);
    }

    ReadOnlyKeyValueStore<String, StoredBatch> batches() {
        return store(StoreNames.BATCHES);
    }

    /** The targets of every edge of an owner's blocklist, unconfirmed ones included. */
    List<String> blockEdges(Tenant tenant, String owner) {
        return prefixScan(blocks(), tenant, owner).stream().map(kv -> kv.key).toList();
    }

    /** The owner's confirmed blocks in listing order (oldest first). */
    List<String> blockListing(Tenant tenant, String owner) {
        ReadOnlyKeyValueStore<String, String> order = store(StoreNames.BLOCK_ORDER);
        return prefixScan(order, tenant, owner).stream().map(kv -> kv.value).toList();
    }

    /** Who blocks this user, as recorded at the user for the deletion cascade. */
    List<String> blockersOf(Tenant tenant, String target) {
        return prefixScan(blockers(), tenant, target).stream().map(kv -> kv.value).toList();
    }

    /** The blocklist size counter the limit is checked against. */
    long blockCount(Tenant tenant, String owner) {
        ReadOnlyKeyValueStore<String, Long> counters = store(StoreNames.COUNTERS);
        var size = counters.get(Keys.counter(tenant, name(owner), StoreBlocklist.SIZE));
        return size == null ? 0L : size;
    }

    /** Every key of a store, whoever it belongs to. */
    static List<String> allKeys(ReadOnlyKeyValueStore<String, ?> store) {
        var keys = new ArrayList<String>();
        try (var it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    /** The outcome is the documented Easemob error, with nothing else answered. */
    static void assertRejected(Outcome outcome, int status, String error, String exception, String description) {
        assertThat(outcome.getStatus()).as("status").isEqualTo(status);
        assertThat(outcome.getError()).as("error").isEqualTo(error);
        assertThat(outcome.getException()).as("exception").isEqualTo(exception);
        assertThat(outcome.getErrorDescription()).as("error_description").isEqualTo(description);
        assertThat(outcome.getEntities()).isEmpty();
    }

    @Override
    public void close() {
        driver.close();
    }

    private String nextRequestId() {
        return "req-" + ++requests;
    }

    /** Entries under the owner's prefix, keyed by the part after it. */
    private static <V> List<KeyValue<String, V>> prefixScan(ReadOnlyKeyValueStore<String, V> store, Tenant tenant, String owner) {
        var prefix = Keys.ownerPrefix(tenant, name(owner));
        var found = new ArrayList<KeyValue<String, V>>();
        try (var it = store.prefixScan(prefix, new StringSerializer())) {
            it.forEachRemaining(kv -> found.add(KeyValue.pair(kv.key.substring(prefix.length()), kv.value)));
        }
        return found;
    }
}
