package dev.relations.api.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relations.api.webhooks.Callback;
import dev.relations.api.webhooks.CallbackStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks end to end: REST calls on a live instance, the events they commit, and the Easemob
 * callbacks a real HTTP receiver gets for each app's rules (SPEC E.1–E.4).
 */
class WebhooksApiTest {
    private static final TestApp APP = TestApp.unique("hooks", 100);
    private static final TestApp OTHER = TestApp.unique("hooksother", 100);
    private static final TestApp FLAKY = TestApp.unique("hooksflaky", 100);
    private static final TestApp TWO = TestApp.unique("hookstwo", 100);
    private static final String SECRET = "hook-secret";
    private static final String FLAKY_SECRET = "flaky-secret";
    private static final DateTimeFormatter BUCKET = DateTimeFormatter.ofPattern("uuuuMMddHHmm").withZone(ZoneOffset.UTC);

    private static CallbackReceiver receiver;
    private static ServiceInstance service;
    private static Client client;

    @BeforeAll
    static void start() {
        receiver = new CallbackReceiver();
        var cluster = TestCluster.get();
        var props = new HashMap<String, Object>();
        props.put("relations.webhooks.start-from", "earliest");
        rule(props, APP, "all", receiver.url("/all"), SECRET, null, null);
        rule(props, APP, "blocks", receiver.url("/blocks"), SECRET, "block.*", null);
        rule(props, APP, "muc", receiver.url("/muc"), SECRET, "room.*", "muc");
        rule(props, OTHER, "other", receiver.url("/other"), SECRET, null, null);
        rule(props, FLAKY, "flaky", receiver.url("/flaky"), FLAKY_SECRET, "block.*", null);
        // Rules are taken in name order: the slow one first.
        rule(props, TWO, "first", receiver.url("/slow"), SECRET, null, null);
        rule(props, TWO, "second", receiver.url("/fast"), SECRET, null, null);
        service = ServiceInstance.start(cluster, "webhooks-it-" + APP.name(), cluster.newDirectory("webhooks"),
                TestCluster.freePort(), props, APP, OTHER, FLAKY, TWO);
        client = new Client(service, APP).authenticated();
    }

    private static void rule(Map<String, Object> props, TestApp app, String name, String url, String secret, String events, String format) {
        var prefix = "relations.apps." + app.name() + ".callbacks." + name + ".";
        props.put(prefix + "url", url);
        props.put(prefix + "secret", secret);
        if (events != null) {
            props.put(prefix + "events", events);
        }
        if (format != null) {
            props.put(prefix + "format", format);
        }
    }

    @AfterAll
    static void stop() {
        service.close();
        receiver.close();
    }

    private static String appKey(TestApp app) {
        return app.org() + "#" + app.app();
    }

    private static void ok(Client.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private static List<String> fieldNames(JsonNode body) {
        var names = new ArrayList<String>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Waits until the path was delivered {@code count} matching bodies, and answers them. */
    private static List<JsonNode> await(String path, int count, Predicate<JsonNode> which) {
        Eventually.until(() -> receiver.delivered(path, which).size() >= count);
        return receiver.delivered(path, which);
    }

    private static void assertSigned(JsonNode body, String secret) {
        assertThat(body.get("security").asText())
                .isEqualTo(Callback.security(body.get("callId").asText(), secret, body.get("timestamp").asLong()));
    }

    private static Predicate<JsonNode> roster(String operation, String to) {
        return b -> "roster".equals(b.path("chat_type").asText()) && operation.equals(b.path("payload").path("operation").asText())
                && to.equals(b.path("to").asText());
    }

    // ------------------------------------------------------------------ roster (E.2)

    @Test
    void contact_and_block_changes_call_back_roster_add_remove_ban_and_allow_field_by_field() {
        for (var u : List.of("ra", "rb", "rc")) {
            client.registerUser(u);
        }
        ok(client.post("/users/ra/contacts/users/rb", null));
        ok(client.post("/users/ra/blocks/users", Map.of("usernames", List.of("rc"))));
        ok(client.delete("/users/ra/blocks/users/rc"));
        ok(client.delete("/users/ra/contacts/users/rb"));
        var key = appKey(APP);

        var ban = await("/all", 1, roster("ban", "rc")).getFirst();
        assertThat(fieldNames(ban)).containsExactly("chat_type", "callId", "security", "payload", "host", "appkey", "from", "to",
                "eventType", "msg_id", "timestamp");
        assertThat(ban.get("msg_id").asText()).matches("[0-9]+");
        assertThat(ban.get("callId").asText()).isEqualTo(key + "_" + ban.get("msg_id").asText());
        assertSigned(ban, SECRET);
        assertThat(ban.get("payload").toString()).isEqualTo("{\"operation\":\"ban\",\"status\":{\"error_code\":\"ok\"}}");
        assertThat(ban.get("host").asText()).isEqualTo("relations");
        assertThat(ban.get("appkey").asText()).isEqualTo(key);
        assertThat(ban.get("from").asText()).isEqualTo(key + "_ra@easemob.com");
        assertThat(ban.get("eventType").asText()).isEqualTo("chat");
        assertThat(ban.get("timestamp").asLong()).isGreaterThan(0);

        var allow = await("/all", 1, roster("allow", "rc")).getFirst();
        assertThat(allow.get("payload").toString()).isEqualTo("{\"operation\":\"allow\",\"status\":{\"error_code\":\"ok\"}}");
        assertThat(allow.get("from").asText()).isEqualTo(key + "_ra@easemob.com");
        assertSigned(allow, SECRET);

        var add = await("/all", 1, roster("add", "rb")).getFirst();
        assertThat(add.get("payload").toString()).isEqualTo("{\"operation\":\"add\",\"reason\":\"\"}");
        assertThat(add.get("from").asText()).isEqualTo(key + "_ra@easemob.com");
        assertSigned(add, SECRET);

        var remove = await("/all", 1, roster("remove", "rb")).getFirst();
        assertThat(remove.get("payload").get("roster_ver").asText()).matches("[0-9a-f]{32}");
        assertThat(remove.get("from").asText()).isEqualTo(key + "_ra@easemob.com");
        assertSigned(remove, SECRET);
        // E.2: add and remove go to the target only, from the initiator; the initiator is not told.
        assertThat(receiver.delivered("/all", roster("add", "ra"))).isEmpty();
        assertThat(receiver.delivered("/all", roster("remove", "ra"))).isEmpty();

        // The owner's history, in order: ban before allow; the add before both.
        var onA = receiver.delivered("/all", b -> b.path("from").asText().equals(key + "_ra@easemob.com")).stream()
                .map(b -> b.get("payload").get("operation").asText() + ":" + b.get("to").asText()).distinct().toList();
        assertThat(onA).containsSubsequence("ban:rc", "allow:rc");

        // The rule asking for block.* only gets ban and allow.
        var blocks = await("/blocks", 2, b -> b.path("appkey").asText().equals(key) && b.path("to").asText().equals("rc"));
        assertThat(blocks).extracting(b -> b.get("payload").get("operation").asText()).containsExactly("ban", "allow");
        assertThat(receiver.delivered("/blocks", b -> !"roster".equals(b.path("chat_type").asText())
                || List.of("add", "remove").contains(b.path("payload").path("operation").asText()))).isEmpty();
    }

    // ------------------------------------------------------------------ chatrooms (E.3, E.4)

    @Test
    void every_room_change_calls_back_a_group_op_event_in_the_rooms_order_and_the_muc_rule_gets_the_old_format() {
        for (var u : List.of("go", "gm1", "gm2", "gm3")) {
            client.registerUser(u);
        }
        var created = client.post("/chatrooms", Map.of("name", "lounge", "description", "chat", "maxusers", 300,
                "owner", "go", "members", List.of("gm1")));
        ok(created);
        var id = created.body().get("data").get("id").asText();
        var room = "/chatrooms/" + id;
        ok(client.post(room + "/users/gm2", null));
        ok(client.post(room + "/admin", Map.of("newadmin", "gm1")));
        ok(client.post(room + "/mute", Map.of("usernames", List.of("gm2"), "mute_duration", 600_000)));
        ok(client.delete(room + "/mute/gm2"));
        ok(client.post(room + "/white/users/gm2", null));
        ok(client.delete(room + "/white/users/gm2"));
        ok(client.post(room + "/ban", null));
        ok(client.delete(room + "/ban"));
        ok(client.put(room, Map.of("name", "hall")));
        ok(client.post(room + "/users/gm3", null));
        ok(client.post(room + "/blocks/users/gm3", null));
        ok(client.delete(room + "/blocks/users/gm3"));
        ok(client.delete(room + "/users/gm2"));
        ok(client.put(room, Map.of("newowner", "gm1")));
        ok(client.delete(room));
        ok(client.post("/chatrooms/super_admin", Map.of("superadmin", "go")));
        var key = appKey(APP);

        var events = await("/all", 20, b -> "group_op_event".equals(b.path("event").asText()) && id.equals(b.path("id").asText()));
        assertThat(events.stream().map(b -> b.get("operation").asText() + "/" + b.get("payload").path("type").asText("")).toList())
                .containsExactly("CREATE/", "JOIN/DIRECT", "JOIN/DIRECT", "ADMIN/ADD", "MUTE/ADD", "MUTE/REMOVE", "WHITE/ADD",
                        "WHITE/REMOVE", "UPDATE/MUTE", "UPDATE/MUTE", "UPDATE/INFO", "JOIN/DIRECT", "LEAVE/BLOCK", "BLOCK/ADD",
                        "BLOCK/REMOVE", "LEAVE/KICK", "ADMIN/REMOVE", "UPDATE/OWNER", "LEAVE/DELETE", "DELETE/");
        for (var body : events) {
            assertThat(fieldNames(body)).startsWith("callId", "security", "appkey", "id", "type", "event", "operation", "operator",
                    "timestamp", "payload");
            assertThat(body.get("callId").asText()).matches(java.util.regex.Pattern.quote(key) + "_[0-9a-f-]{36}");
            assertSigned(body, SECRET);
            assertThat(body.get("appkey").asText()).isEqualTo(key);
            assertThat(body.get("type").asText()).isEqualTo("CHATROOM");
            assertThat(body.get("operator").asText()).isEqualTo("@ppAdmin");
        }
        var create = events.get(0).get("payload");
        assertThat(create.get("role").toString()).isEqualTo("{\"go\":\"owner\"}");
        assertThat(create.get("member").toString()).isEqualTo("[]");
        var info = create.get("info");
        assertThat(info.get("owner").asText()).isEqualTo(key + "_go");
        assertThat(info.get("title").asText()).isEqualTo("lounge");
        assertThat(info.get("description").asText()).isEqualTo("chat");
        assertThat(info.get("max_users").asText()).isEqualTo("300");
        assertThat(info.get("mute").asText()).isEqualTo("false");
        info.fields().forEachRemaining(f -> assertThat(f.getValue().isTextual()).as("info.%s is a string", f.getKey()).isTrue());
        assertThat(events.get(1).get("payload").get("member").toString()).isEqualTo("[\"gm1\"]");
        assertThat(events.get(2).get("payload").get("member").toString()).isEqualTo("[\"gm2\"]");
        assertThat(events.get(2).get("member_count").asInt()).isEqualTo(3);
        assertThat(events.get(3).get("payload").get("admin").toString()).isEqualTo("[\"gm1\"]");
        assertThat(events.get(4).get("payload").get("member").toString()).isEqualTo("[\"gm2\"]");
        assertThat(events.get(4).get("payload").get("expire_timestamp").asLong())
                .isBetween(events.get(4).get("timestamp").asLong() + 599_000, events.get(4).get("timestamp").asLong() + 601_000);
        assertThat(events.get(8).get("payload").get("mute").asBoolean()).isTrue();
        assertThat(events.get(9).get("payload").get("mute").asBoolean()).isFalse();
        assertThat(events.get(10).get("payload").get("info").get("title").asText()).isEqualTo("hall");
        assertThat(events.get(12).get("payload").get("member").toString()).isEqualTo("[\"gm3\"]");
        assertThat(events.get(13).get("payload").get("expire_timestamp").asLong()).isEqualTo(4638873600000L);
        assertThat(events.get(15).get("payload").get("member").toString()).isEqualTo("[\"gm2\"]");
        // The new owner stops being an admin.
        assertThat(events.get(16).get("payload").get("admin").toString()).isEqualTo("[\"gm1\"]");
        assertThat(events.get(17).get("payload").get("owner").asText()).isEqualTo("go");
        assertThat(events.get(17).get("payload").get("new_owner").asText()).isEqualTo("gm1");
        assertThat(events.get(18).get("payload").get("member")).extracting(JsonNode::asText).containsExactlyInAnyOrder("go", "gm1");

        var superAdmin = await("/all", 1, b -> "ROOM_SUPER_ADMIN".equals(b.path("operation").asText())
                && b.path("appkey").asText().equals(key)).getFirst();
        assertThat(superAdmin.get("id").asText()).isEmpty();
        assertThat(superAdmin.get("payload").toString()).isEqualTo("{\"type\":\"ADD\",\"admin\":[\"go\"]}");

        var muc = await("/muc", 15, b -> b.path("group_id").asText().equals(key + "_" + id));
        assertThat(muc.stream().map(b -> b.get("payload").get("operation").asText() + ":" + b.get("from").asText()
                .replace(key + "_", "").replace("@easemob.com", "")).toList())
                .containsExactly("presence:gm1", "presence:gm2", "add_admin:gm1", "add_mute:gm2", "remove_mute:gm2",
                        "add_user_white_list:gm2", "remove_user_white_list:gm2", "ban_group:@ppAdmin", "remove_ban_group:@ppAdmin",
                        "update:@ppAdmin", "presence:gm3", "kick:gm3", "kick:gm2", "remove_admin:gm1", "destroy:@ppAdmin");
        var kick = muc.get(12);
        assertThat(fieldNames(kick)).containsExactly("chat_type", "callId", "security", "securityVersion", "payload", "group_id",
                "host", "appkey", "from", "to", "eventType", "msg_id", "timestamp");
        assertThat(kick.get("chat_type").asText()).isEqualTo("muc");
        assertThat(kick.get("securityVersion").asText()).isEqualTo("1.0.0");
        assertSigned(kick, SECRET);
        assertThat(kick.get("callId").asText()).isEqualTo(key + "_" + kick.get("msg_id").asText());
        assertThat(kick.get("payload").toString()).isEqualTo("{\"muc_id\":\"" + key + "_" + id + "@conference.easemob.com\","
                + "\"is_chatroom\":true,\"operation\":\"kick\",\"reason\":\"\",\"status\":{\"description\":\"\",\"error_code\":\"ok\"}}");
        assertThat(kick.get("to").asText()).isEqualTo(key + "_" + id + "@conference.easemob.com");
        // The muc rule asks for room events only.
        assertThat(receiver.delivered("/muc", b -> !"muc".equals(b.path("chat_type").asText()))).isEmpty();
    }

    // ------------------------------------------------------------------ apps

    @Test
    void an_apps_events_go_to_its_own_rules_only() {
        var other = new Client(service, OTHER).authenticated();
        other.registerUser("ox");
        other.registerUser("oy");
        ok(other.post("/users/ox/blocks/users", Map.of("usernames", List.of("oy"))));
        client.registerUser("ax");
        client.registerUser("ay");
        ok(client.post("/users/ax/blocks/users", Map.of("usernames", List.of("ay"))));

        var ban = await("/other", 1, roster("ban", "oy")).getFirst();
        assertThat(ban.get("appkey").asText()).isEqualTo(appKey(OTHER));
        await("/all", 1, roster("ban", "ay"));
        assertThat(receiver.delivered("/other", b -> !b.path("appkey").asText().equals(appKey(OTHER)))).isEmpty();
        for (var path : List.of("/all", "/blocks", "/muc", "/flaky")) {
            assertThat(receiver.delivered(path, b -> b.path("appkey").asText().equals(appKey(OTHER)))).as(path).isEmpty();
        }
    }

    // ------------------------------------------------------------------ delivery (E.1)

    @Test
    void a_slow_rule_does_not_hold_back_another_rules_callbacks_and_still_gets_its_own_in_order() {
        var two = new Client(service, TWO).authenticated();
        for (var u : List.of("ta", "t1", "t2", "t3", "t4")) {
            two.registerUser(u);
        }
        receiver.delay("/slow", 2_500);
        ok(two.post("/users/ta/blocks/users", Map.of("usernames", List.of("t1", "t2", "t3"))));

        var fast = await("/fast", 3, b -> "ban".equals(b.path("payload").path("operation").asText()));
        assertThat(fast).extracting(b -> b.get("to").asText()).containsExactly("t1", "t2", "t3");
        assertThat(receiver.all("/slow")).as("the slow rule's receiver is still on its first callback").hasSizeLessThanOrEqualTo(1);
        // A later event, in a later poll: the fast rule does not wait for the slow one to finish the first.
        ok(two.post("/users/ta/blocks/users", Map.of("usernames", List.of("t4"))));
        var later = await("/fast", 4, b -> "ban".equals(b.path("payload").path("operation").asText()));
        assertThat(later).extracting(b -> b.get("to").asText()).containsExactly("t1", "t2", "t3", "t4");
        assertThat(receiver.all("/slow")).as("the slow rule is still on the first write's callbacks").hasSizeLessThan(3);
        var slow = await("/slow", 4, b -> "ban".equals(b.path("payload").path("operation").asText()));
        assertThat(slow).extracting(b -> b.get("to").asText()).containsExactly("t1", "t2", "t3", "t4");
    }

    @Test
    void a_failed_callback_is_retried_once_then_stored_and_the_storage_retry_call_resends_its_bucket() {
        var flaky = new Client(service, FLAKY).authenticated();
        for (var u : List.of("fa", "fb", "fc")) {
            flaky.registerUser(u);
        }
        // One failure: the immediate retry delivers it.
        receiver.fail("/flaky", 1);
        ok(flaky.post("/users/fa/blocks/users", Map.of("usernames", List.of("fb"))));
        await("/flaky", 1, roster("ban", "fb"));
        var tries = receiver.all("/flaky").stream().filter(r -> "fb".equals(r.body().path("to").asText())).toList();
        assertThat(tries).extracting(CallbackReceiver.Received::answered).containsExactly(503, 200);
        assertThat(tries.get(1).body()).isEqualTo(tries.get(0).body());

        // Failing for good: two tries, then stored.
        receiver.fail("/flaky", -1);
        var before = Instant.now();
        ok(flaky.post("/users/fa/blocks/users", Map.of("usernames", List.of("fc"))));
        Eventually.until(() -> metric(appKey(FLAKY), "stored") >= 1);
        var after = Instant.now();
        var failed = receiver.all("/flaky").stream().filter(r -> "fc".equals(r.body().path("to").asText())).toList();
        assertThat(failed).extracting(CallbackReceiver.Received::answered).containsExactly(503, 503);
        assertThat(metric(appKey(FLAKY), "retried")).isEqualTo(2);
        assertThat(metric(appKey(FLAKY), "failed")).isEqualTo(1);
        assertThat(metric(appKey(FLAKY), "delivered")).isEqualTo(1);
        assertThat(OperationsApiTest.get(service, "/prometheus").body()).contains("relations_webhook_lag_records ");
        var buckets = new LinkedHashSet<>(List.of(BUCKET.format(CallbackStorage.bucketOf(before)), BUCKET.format(CallbackStorage.bucketOf(after))));

        // The storage retry while the receiver still fails: failure, and it stays stored.
        var url = receiver.url("/flaky");
        assertThat(buckets.stream().map(date -> retry(flaky, date, url)).toList()).contains("failure");
        receiver.heal("/flaky");
        assertThat(buckets.stream().map(date -> retry(flaky, date, url)).toList()).containsOnly("success");
        var resent = receiver.delivered("/flaky", roster("ban", "fc"));
        assertThat(resent).hasSize(1);
        assertThat(resent.getFirst()).isEqualTo(failed.getFirst().body());

        // Another bucket, or another URL, holds nothing of it.
        int seen = receiver.all("/flaky").size();
        var earlier = BUCKET.format(CallbackStorage.bucketOf(before).minus(CallbackStorage.BUCKET));
        assertThat(retry(flaky, earlier, url)).isEqualTo("success");
        assertThat(retry(flaky, buckets.iterator().next(), receiver.url("/elsewhere"))).isEqualTo("success");
        assertThat(receiver.all("/flaky")).hasSize(seen);
        assertThat(receiver.all("/elsewhere")).isEmpty();
    }

    private static String retry(Client client, String date, String url) {
        var reply = client.post("/callbacks/storage/retry", Map.of("date", date, "retry", 0, "targetUrl", url));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body().get("action").asText()).isEqualTo("post");
        return reply.body().get("data").asText();
    }

    @Test
    void the_storage_retry_call_needs_a_token_a_date_and_a_target_url() {
        var flaky = new Client(service, FLAKY);
        var anonymous = flaky.post("/callbacks/storage/retry", Map.of("date", "202108272230", "retry", 0, "targetUrl", "http://h/"));
        assertThat(anonymous.status()).isEqualTo(401);
        var authed = flaky.authenticated();
        var badDate = authed.post("/callbacks/storage/retry", Map.of("date", "2021-08-27", "retry", 0, "targetUrl", "http://h/"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.error()).isEqualTo("invalid_parameter");
        assertThat(badDate.description()).isEqualTo("date must be yyyyMMddHHmm");
        var noUrl = authed.post("/callbacks/storage/retry", Map.of("date", "202108272230", "retry", 0));
        assertThat(noUrl.status()).isEqualTo(400);
        assertThat(noUrl.description()).isEqualTo("targetUrl must be provided");
    }

    /** A webhook counter of the app as /prometheus shows it (0 when not there yet). */
    private static double metric(String appKey, String outcome) {
        var text = OperationsApiTest.get(service, "/prometheus").body();
        for (var line : text.split("\n")) {
            if (line.startsWith("relations_webhook_callbacks_total{") && line.contains("app=\"" + appKey + "\"")
                    && line.contains("outcome=\"" + outcome + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
