package dev.relations.benchmark;

import dev.relations.eventlog.EventLogCli;
import dev.relations.schemas.ContactAdded;
import dev.relations.schemas.ContactRemarkSet;
import dev.relations.schemas.ContactRemoved;
import dev.relations.schemas.Actor;
import dev.relations.schemas.EventAggregate;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.EventRequest;
import dev.relations.schemas.RoomAdminsAdded;
import dev.relations.schemas.RoomAllowlistAdded;
import dev.relations.schemas.RoomBlocklistAdded;
import dev.relations.schemas.RoomCreated;
import dev.relations.schemas.RoomMembersJoined;
import dev.relations.schemas.RoomMembersLeft;
import dev.relations.schemas.RoomMuteAllSet;
import dev.relations.schemas.RoomMutesAdded;
import dev.relations.schemas.UserRegistered;
import dev.relations.schemas.UserUnblocked;
import dev.relations.schemas.UserView;
import dev.relations.schemas.UsersBlocked;
import dev.relations.schemas.serde.ConfluentAvroSerde;
import dev.relations.schemas.serde.HttpSchemaRegistryClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Replay speed of the event log tool: writes a synthetic history of one app (users with
 * rosters, remarks and blocks; rooms with joins, admins, mutes and lists) to a scratch topic
 * on the broker, then folds it with {@code relations-log as-of now --stats} a few times and
 * prints events/s. The scratch topic is deleted at the end.
 *
 * <pre>benchmark/run.sh replay [--bootstrap-servers localhost:9092] [--registry-url URL] [--users 70000] [--runs 3] [--keep-topic true]</pre>
 */
public final class ReplayBenchmark {
    private static final int CONTACTS_PER_USER = 20;
    private static final int PARTITIONS = 6;

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var flags = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            flags.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        var bootstrap = flags.getOrDefault("bootstrap-servers", "localhost:9092");
        var registry = flags.getOrDefault("registry-url", "http://localhost:8081/apis/ccompat/v7");
        int users = Integer.parseInt(flags.getOrDefault("users", "70000"));
        int runs = Integer.parseInt(flags.getOrDefault("runs", "3"));
        boolean keep = Boolean.parseBoolean(flags.getOrDefault("keep-topic", "false"));
        var app = "replay" + Long.toString(System.currentTimeMillis(), 36);
        var topic = "relations.events." + app;
        var adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (var admin = Admin.create(adminProps)) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
            try {
                long started = System.nanoTime();
                long events = write(bootstrap, registry, topic, app, users);
                System.out.printf("wrote %,d events of bench#%s to %s in %.1f s%n", events, app, topic,
                        (System.nanoTime() - started) / 1e9);
                for (int run = 1; run <= runs; run++) {
                    var err = new StringWriter();
                    int exit = EventLogCli.run(new PrintWriter(Writer.nullWriter()), new PrintWriter(err, true),
                            "as-of", "now", "--user", "u1", "--stats", "--topic", topic, "--bootstrap-servers", bootstrap,
                            "--registry-url", registry, "--org", "bench", "--app", app);
                    System.out.printf("run %d (exit %d): %s", run, exit, err);
                }
            } finally {
                if (!keep) {
                    admin.deleteTopics(List.of(topic)).all().get();
                }
            }
        }
    }

    private static long write(String bootstrap, String registry, String topic, String app, int users) throws Exception {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20);
        var serde = ConfluentAvroSerde.forValues(new HttpSchemaRegistryClient(registry), EventEnvelope.class);
        long count = 0;
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), serde.serializer())) {
            var history = new History(app);
            for (int u = 0; u < users; u++) {
                var name = "u" + u;
                var events = new ArrayList<Object>();
                events.add(new UserRegistered(new UserView("uuid-" + u, name, (long) u, (long) u, true, null)));
                for (int k = 1; k <= CONTACTS_PER_USER; k++) {
                    events.add(new ContactAdded(name, "u" + ((u + k) % users), true, "rest", true, name));
                }
                events.add(new ContactRemarkSet(name, "u" + ((u + 1) % users), "best friend"));
                events.add(new ContactRemarkSet(name, "u" + ((u + 2) % users), "colleague"));
                events.add(new UsersBlocked(name, List.of("u" + ((u + 50) % users), "u" + ((u + 51) % users))));
                events.add(new ContactRemoved(name, "u" + ((u + 3) % users), "REST", name, true));
                events.add(new UserUnblocked(name, "u" + ((u + 51) % users), "REST"));
                for (var payload : events) {
                    producer.send(history.record(topic, "user", name, payload));
                    count++;
                }
                if (u % 7 == 0) {
                    count += room(producer, history, topic, u, users);
                }
            }
        }
        return count;
    }

    private static int room(KafkaProducer<String, EventEnvelope> producer, History history, String topic, int u, int users) {
        var id = Long.toString(1_000_000_000L + u);
        var owner = "u" + u;
        var events = new ArrayList<Object>();
        events.add(new RoomCreated(id, "room " + u, "synthetic", 1000, owner, "", (long) u, List.of(owner), List.of()));
        for (int batch = 0; batch < 5; batch++) {
            var members = new ArrayList<String>();
            for (int m = 1; m <= 4; m++) {
                members.add("u" + ((u + batch * 4 + m) % users));
            }
            events.add(new RoomMembersJoined(id, members, "DIRECT", 1 + (batch + 1) * 4));
        }
        events.add(new RoomAdminsAdded(id, List.of("u" + ((u + 1) % users))));
        events.add(new RoomMutesAdded(id, List.of("u" + ((u + 2) % users)), null));
        events.add(new RoomBlocklistAdded(id, List.of("u" + ((u + 30) % users))));
        events.add(new RoomAllowlistAdded(id, List.of("u" + ((u + 4) % users))));
        events.add(new RoomMembersLeft(id, List.of("u" + ((u + 5) % users)), "KICK"));
        events.add(new RoomMuteAllSet(id, true));
        for (var payload : events) {
            producer.send(history.record(topic, "chatroom", id, payload));
        }
        return events.size();
    }

    /** Envelopes with each aggregate's own sequence, keyed as the service keys them. */
    private static final class History {
        private final String app;
        private final Map<String, Long> seqs = new HashMap<>();
        private long clock = 1_700_000_000_000L;

        History(String app) {
            this.app = app;
        }

        ProducerRecord<String, EventEnvelope> record(String topic, String type, String id, Object payload) {
            var key = "bench#" + app + "/" + (type.equals("user") ? "user/" : "room/") + id;
            long seq = seqs.merge(key, 1L, Long::sum);
            var event = EventEnvelope.newBuilder()
                    .setEventId("e-" + key + "-" + seq)
                    .setEventType(payload.getClass().getSimpleName())
                    .setSchema$(2)
                    .setOrg("bench")
                    .setApp(app)
                    .setAggregate(new EventAggregate(type, id))
                    .setSeq(seq)
                    .setOccurredAt(clock++)
                    .setActor(new Actor("app_admin", "@ppAdmin"))
                    .setRequest(new EventRequest("synthetic", null, ""))
                    .setCorrelationId("synthetic")
                    .setCausationId("synthetic")
                    .setPayload(payload)
                    .build();
            return new ProducerRecord<>(topic, key, event);
        }
    }
}
