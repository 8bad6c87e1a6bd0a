package dev.relations.api.it;

import dev.relations.engine.Topics;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.Notification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static dev.relations.api.it.ContactsApiTest.assertNotFound;
import static dev.relations.api.it.ContactsApiTest.concurrently;
import static dev.relations.api.it.ContactsApiTest.names;
import static org.assertj.core.api.Assertions.assertThat;

/** Remarks, paged contacts, import, the user blocklist and the deletion cascade, over HTTP. */
class RelationsApiTest {
    private static final TestApp SMALL = TestApp.unique("small", 3);
    private static final TestApp BIG = TestApp.unique("big", 3000);
    private static final Topics TOPICS = new Topics("relations-it-" + BIG.name());
    private static ServiceInstance service;
    private static Client small;
    private static Client big;

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(TestCluster.get(), TOPICS.applicationId(), SMALL, BIG);
        small = new Client(service, SMALL).authenticated();
        big = new Client(service, BIG).authenticated();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    // ------------------------------------------------------------------ remarks

    @Test
    void a_remark_is_set_for_one_direction_only_on_both_spellings() {
        small.registerUser("rem-a");
        small.registerUser("rem-b");
        small.post("/users/rem-a/contacts/users/rem-b", null);

        var singular = small.put("/user/rem-a/contacts/users/rem-b", Map.of("remark", "old friend"));
        var plural = small.put("/users/rem-b/contacts/users/rem-a", Map.of("remark", "colleague"));

        assertThat(singular.status()).isEqualTo(200);
        assertThat(singular.body().get("action").asText()).isEqualTo("put");
        assertThat(singular.body().get("status").asText()).isEqualTo("ok");
        assertThat(plural.status()).isEqualTo(200);
        var ofA = small.get("/user/rem-a/contacts?needReturnRemark=true").body().get("data").get("contacts").get(0);
        assertThat(ofA.get("username").asText()).isEqualTo("rem-b");
        assertThat(ofA.get("remark").asText()).isEqualTo("old friend");
        var ofB = small.get("/users/rem-b/contacts?needReturnRemark=true").body().get("data").get("contacts").get(0);
        assertThat(ofB.get("remark").asText()).isEqualTo("colleague");
        var withoutRemark = small.get("/users/rem-b/contacts").body().get("data").get("contacts").get(0);
        assertThat(withoutRemark.has("remark")).isFalse();
        assertThat(withoutRemark.get("username").asText()).isEqualTo("rem-a");
    }

    @Test
    void a_remark_on_someone_who_is_not_a_friend_is_refused() {
        small.registerUser("rem-c");
        small.registerUser("rem-d");

        var reply = small.put("/user/rem-c/contacts/users/rem-d", Map.of("remark", "x"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("illegal_argument");
        assertThat(reply.description()).isEqualTo("updateRemark they are not friends, please add as a friend first.");
    }

    @Test
    void a_remark_naming_an_unknown_user_is_404() {
        small.registerUser("rem-e");
        assertNotFound(small.put("/user/rem-e/contacts/users/rem-ghost", Map.of("remark", "x")));
        assertNotFound(small.put("/user/rem-ghost/contacts/users/rem-e", Map.of("remark", "x")));
    }

    @Test
    void a_remark_over_100_characters_is_refused() {
        small.registerUser("rem-f");
        small.registerUser("rem-g");
        small.post("/users/rem-f/contacts/users/rem-g", null);

        var reply = small.put("/user/rem-f/contacts/users/rem-g", Map.of("remark", "x".repeat(101)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("illegal_argument");
        assertThat(small.put("/user/rem-f/contacts/users/rem-g", Map.of("remark", "y".repeat(100))).status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ paged contacts

    @Test
    void the_paged_list_defaults_to_ten_newest_first_and_ends_without_a_cursor() {
        big.registerUser("pg-owner");
        var friends = IntStream.range(0, 12).mapToObj(i -> "pg-f" + i).toList();
        registerAll(big, friends);
        friends.forEach(f -> assertThat(big.post("/users/pg-owner/contacts/users/" + f, null).status()).isEqualTo(200));

        var first = big.get("/user/pg-owner/contacts");
        var cursor = first.body().get("data").get("cursor").asText();
        var second = big.get("/user/pg-owner/contacts?limit=10&cursor=" + cursor);

        assertThat(first.body().get("count").asInt()).isEqualTo(10);
        assertThat(first.body().get("uri").asText()).as("SPEC C.5's internal uri").isEqualTo(big.base() + "/users/pg-owner/rostersByPage");
        assertThat(usernames(first)).containsExactlyElementsOf(friends.reversed().subList(0, 10));
        assertThat(usernames(second)).containsExactly("pg-f1", "pg-f0");
        assertThat(second.body().get("data").has("cursor")).isFalse();
        assertThat(names(big.get("/users/pg-owner/contacts/users"))).containsExactlyElementsOf(friends.reversed());
    }

    @Test
    void a_page_size_over_50_is_refused() {
        big.registerUser("pg-limit");

        var reply = big.get("/user/pg-limit/contacts?limit=51");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("illegal_argument");
        assertThat(reply.description()).isEqualTo("getContacts page size more than max limit : 50");
    }

    @Test
    void paging_a_3000_contact_roster_while_writes_continue_loses_and_repeats_nothing() throws Exception {
        big.registerUser("whale");
        var friends = IntStream.range(0, 3000).mapToObj(i -> "whale-f" + i).toList();
        registerAll(big, friends);
        importAll(big, "whale", friends);
        assertThat(names(big.get("/users/whale/contacts/users"))).hasSize(3000);
        var latecomers = IntStream.range(0, 200).mapToObj(i -> "whale-late" + i).toList();
        registerAll(big, latecomers);
        // make room for the latecomers while paging: the limit is 3000
        var removed = friends.subList(0, 200);
        var writing = new AtomicBoolean(true);
        var writer = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 200 && writing.get(); i++) {
                big.delete("/users/whale/contacts/users/" + removed.get(i));
                big.post("/users/whale/contacts/users/" + latecomers.get(i), null);
            }
        });

        var seen = new ArrayList<String>();
        String cursor = null;
        do {
            var page = big.get("/users/whale/contacts?limit=50" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            seen.addAll(usernames(page));
            cursor = page.body().get("data").has("cursor") ? page.body().get("data").get("cursor").asText() : null;
        } while (cursor != null);
        writing.set(false);
        writer.join();

        assertThat(new HashSet<>(seen)).hasSize(seen.size());
        assertThat(seen).containsAll(friends.subList(200, 3000));
        assertThat(seen).noneMatch(n -> n.startsWith("whale-late"));
    }

    // ------------------------------------------------------------------ import

    @Test
    void import_answers_every_bucket_and_adds_both_sides() {
        small.registerUser("imp-owner");
        small.registerUser("imp-a");
        small.registerUser("imp-b");
        small.registerUser("imp-c");
        small.registerUser("imp-d");

        var reply = small.post("/users/imp-owner/contacts/import?isSendNotice=false",
                Map.of("usernames", List.of("imp-a", "imp-missing", "imp-b", "imp-c", "imp-d")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("status").asText()).isEqualTo("ok");
        assertThat(reply.body().get("action").asText()).isEqualTo("post");
        var data = reply.body().get("data");
        assertThat(values(data.get("success"))).containsExactly("imp-a", "imp-b", "imp-c");
        assertThat(values(data.get("NotExistFailed"))).containsExactly("imp-missing");
        assertThat(values(data.get("maxLimitFailed"))).containsExactly("imp-d");
        assertThat(values(data.get("UnKnowFailed"))).isEmpty();
        assertThat(names(small.get("/users/imp-owner/contacts/users"))).containsExactlyInAnyOrder("imp-a", "imp-b", "imp-c");
        assertThat(names(small.get("/users/imp-a/contacts/users"))).containsExactly("imp-owner");
    }

    @Test
    void import_by_a_full_owner_is_refused_whole() {
        small.registerUser("imp-full");
        for (int i = 0; i < 3; i++) {
            small.registerUser("imp-full-f" + i);
            small.post("/users/imp-full/contacts/users/imp-full-f" + i, null);
        }
        small.registerUser("imp-full-x");

        var reply = small.post("/users/imp-full/contacts/import", Map.of("usernames", List.of("imp-full-x")));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error()).isEqualTo("exceed_limit");
        assertThat(reply.description()).isEqualTo("Inviter's contact max count.");
        assertThat(names(small.get("/users/imp-full-x/contacts/users"))).isEmpty();
    }

    @Test
    void import_of_more_than_ten_is_refused() {
        small.registerUser("imp-many");
        var reply = small.post("/users/imp-many/contacts/import",
                Map.of("usernames", IntStream.range(0, 11).mapToObj(i -> "u" + i).toList()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("illegal_argument");
        assertThat(reply.description()).isEqualTo("request user over flow limit:10.");
    }

    @Test
    void import_notifies_both_users_only_when_asked_and_always_records_events() {
        small.registerUser("imp-n");
        small.registerUser("imp-n1");
        small.registerUser("imp-q");
        small.registerUser("imp-q1");
        try (var notifications = new TopicReader<>(TestCluster.get(), TOPICS.notifications(), Notification.class);
             var events = new TopicReader<>(TestCluster.get(), TOPICS.events(), EventEnvelope.class)) {
            small.post("/users/imp-n/contacts/import?isSendNotice=true", Map.of("usernames", List.of("imp-n1")));
            small.post("/users/imp-q/contacts/import?isSendNotice=false", Map.of("usernames", List.of("imp-q1")));

            var told = notifications.collect(r -> r.value().getOrg().equals(SMALL.org()), Duration.ofSeconds(3));
            assertThat(told).extracting(r -> r.key() + " " + r.value().getType() + " " + r.value().getFrom())
                    .as("E.2: add is told to the target only, from the initiator")
                    .containsExactly(SMALL.org() + "#" + SMALL.app() + "/user/imp-n1 roster.add "
                            + SMALL.org() + "#" + SMALL.app() + "_imp-n@easemob.com");
            var recorded = events.collect(r -> r.value().getOrg().equals(SMALL.org()) && r.value().getEventType().equals("contact.added"),
                    Duration.ofSeconds(1));
            assertThat(recorded).extracting(r -> r.key())
                    .containsExactlyInAnyOrder(
                            SMALL.org() + "#" + SMALL.app() + "/user/imp-n", SMALL.org() + "#" + SMALL.app() + "/user/imp-n1",
                            SMALL.org() + "#" + SMALL.app() + "/user/imp-q", SMALL.org() + "#" + SMALL.app() + "/user/imp-q1");
        }
    }

    // ------------------------------------------------------------------ blocklist

    @Test
    void blocking_lists_newest_first_keeps_friendship_and_unblocking_answers_the_entity() {
        small.registerUser("blk-o");
        small.registerUser("blk-1");
        small.registerUser("blk-2");
        small.post("/users/blk-o/contacts/users/blk-1", null);

        var blocked = small.post("/users/blk-o/blocks/users", Map.of("usernames", List.of("blk-1")));
        small.post("/users/blk-o/blocks/users", Map.of("usernames", List.of("blk-2")));

        assertThat(blocked.status()).isEqualTo(200);
        assertThat(values(blocked.body().get("data"))).containsExactly("blk-1");
        var list = small.get("/users/blk-o/blocks/users");
        assertThat(values(list.body().get("data"))).containsExactly("blk-2", "blk-1");
        assertThat(list.body().get("count").asInt()).isEqualTo(2);
        assertThat(list.body().has("cursor")).isFalse();
        assertThat(names(small.get("/users/blk-o/contacts/users"))).containsExactly("blk-1");

        var unblocked = small.delete("/users/blk-o/blocks/users/blk-1");
        assertThat(unblocked.status()).isEqualTo(200);
        assertThat(unblocked.body().get("action").asText()).isEqualTo("delete");
        assertThat(unblocked.body().get("entities").get(0).get("username").asText()).isEqualTo("blk-1");
        var owner = small.get("/users/blk-o").body().get("entities").get(0).get("uuid").asText();
        assertThat(unblocked.body().get("path").asText()).isEqualTo("/users/" + owner + "/blocks");
        assertThat(unblocked.body().get("uri").asText()).as("SPEC A.3's internal form").isEqualTo(small.base() + "/users/" + owner + "/blocks");
        assertThat(values(small.get("/users/blk-o/blocks/users").body().get("data"))).containsExactly("blk-2");
    }

    @Test
    void a_block_batch_naming_an_unknown_user_is_404_and_blocks_nobody() {
        small.registerUser("blk-p");
        small.registerUser("blk-p1");

        var reply = small.post("/users/blk-p/blocks/users", Map.of("usernames", List.of("blk-p1", "blk-nobody")));

        assertNotFound(reply);
        assertThat(values(small.get("/users/blk-p/blocks/users").body().get("data"))).isEmpty();
        // the known target forgot the failed batch's blocker: deleting it later must not touch blk-p
        assertThat(small.post("/users/blk-p/blocks/users", Map.of("usernames", List.of("blk-p1"))).status()).isEqualTo(200);
    }

    @Test
    void blocking_oneself_is_refused() {
        small.registerUser("blk-self");

        var reply = small.post("/users/blk-self/blocks/users", Map.of("usernames", List.of("blk-self")));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("illegal_argument");
        assertThat(reply.description()).isEqualTo("user could not block himself");
        assertThat(values(small.get("/users/blk-self/blocks/users").body().get("data"))).isEmpty();
    }

    @Test
    void unknown_owners_are_404_for_every_blocklist_call() {
        small.registerUser("blk-known");
        assertNotFound(small.post("/users/blk-ghost/blocks/users", Map.of("usernames", List.of("blk-known"))));
        assertNotFound(small.get("/users/blk-ghost/blocks/users"));
        assertNotFound(small.delete("/users/blk-ghost/blocks/users/blk-known"));
        assertNotFound(small.delete("/users/blk-known/blocks/users/blk-ghost"));
    }

    @Test
    void five_hundred_blocks_page_without_loss_while_writes_continue_and_the_501st_is_refused() throws Exception {
        big.registerUser("bouncer");
        var targets = IntStream.range(0, 500).mapToObj(i -> "bnc-" + i).toList();
        registerAll(big, targets);
        // concurrent batches racing to fill the list
        var batches = new ArrayList<Callable<Client.Reply>>();
        for (int i = 0; i < 500; i += 25) {
            var chunk = targets.subList(i, i + 25);
            batches.add(() -> big.post("/users/bouncer/blocks/users", Map.of("usernames", chunk)));
        }
        assertThat(concurrently(batches)).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        big.registerUser("bnc-extra");

        var overflow = big.post("/users/bouncer/blocks/users", Map.of("usernames", List.of("bnc-extra")));
        assertThat(overflow.status()).isEqualTo(403);
        assertThat(overflow.error()).isEqualTo("exceed_limit");
        assertThat(overflow.description()).isEqualTo("user block number exceed limit");

        var unpaged = big.get("/users/bouncer/blocks/users");
        assertThat(unpaged.body().get("count").asInt()).isEqualTo(500);
        assertThat(unpaged.body().has("cursor")).isFalse();

        var removing = Thread.ofVirtual().start(() -> targets.subList(0, 50).forEach(t -> big.delete("/users/bouncer/blocks/users/" + t)));
        var seen = new ArrayList<String>();
        String cursor = null;
        do {
            var page = big.get("/users/bouncer/blocks/users?pageSize=50" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            seen.addAll(values(page.body().get("data")));
            cursor = page.body().has("cursor") ? page.body().get("cursor").asText() : null;
        } while (cursor != null);
        removing.join();

        assertThat(new HashSet<>(seen)).hasSize(seen.size());
        assertThat(seen).containsAll(targets.subList(50, 500));
    }

    @Test
    void concurrent_blocks_racing_for_the_last_slots_never_exceed_500() throws Exception {
        big.registerUser("racer-o");
        var first = IntStream.range(0, 490).mapToObj(i -> "rco-" + i).toList();
        registerAll(big, first);
        for (int i = 0; i < 490; i += 70) {
            assertThat(big.post("/users/racer-o/blocks/users", Map.of("usernames", first.subList(i, Math.min(490, i + 70)))).status())
                    .isEqualTo(200);
        }
        var contenders = IntStream.range(0, 40).mapToObj(i -> "rco-c" + i).toList();
        registerAll(big, contenders);

        var replies = concurrently(contenders.stream()
                .map(c -> (Callable<Client.Reply>) () -> big.post("/users/racer-o/blocks/users", Map.of("usernames", List.of(c))))
                .toList());

        assertThat(replies.stream().filter(r -> r.status() == 200)).hasSize(10);
        assertThat(replies.stream().filter(r -> r.status() == 403)).hasSize(30);
        assertThat(big.get("/users/racer-o/blocks/users").body().get("count").asInt()).isEqualTo(500);
    }

    // ------------------------------------------------------------------ cascade

    @Test
    void deleting_a_user_removes_it_from_rosters_and_blocklists_in_both_directions() {
        small.registerUser("cas-x");
        small.registerUser("cas-friend");
        small.registerUser("cas-blocker");
        small.registerUser("cas-blocked");
        small.post("/users/cas-x/contacts/users/cas-friend", null);
        small.post("/users/cas-blocker/blocks/users", Map.of("usernames", List.of("cas-x")));
        small.post("/users/cas-x/blocks/users", Map.of("usernames", List.of("cas-blocked")));

        assertThat(small.delete("/users/cas-x").status()).isEqualTo(200);

        eventually(() -> names(small.get("/users/cas-friend/contacts/users")).isEmpty());
        eventually(() -> values(small.get("/users/cas-blocker/blocks/users").body().get("data")).isEmpty());
        // re-registering the name starts from nothing
        small.registerUser("cas-x");
        assertThat(values(small.get("/users/cas-x/blocks/users").body().get("data"))).isEmpty();
        assertThat(names(small.get("/users/cas-x/contacts/users"))).isEmpty();
        // and cas-blocked forgot its blocker: blocking cas-blocked again is a fresh block
        assertThat(small.post("/users/cas-x/blocks/users", Map.of("usernames", List.of("cas-blocked"))).status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ helpers

    private static void registerAll(Client client, List<String> names) {
        var calls = new ArrayList<Callable<Client.Reply>>();
        for (int i = 0; i < names.size(); i += 60) {
            var chunk = names.subList(i, Math.min(names.size(), i + 60));
            calls.add(() -> client.post("/users", chunk.stream().map(n -> Map.of("username", n, "password", "pw")).toList()));
        }
        try {
            for (var i = 0; i < calls.size(); i += 8) {
                concurrently(calls.subList(i, Math.min(calls.size(), i + 8)))
                        .forEach(r -> assertThat(r.status()).as("batch register: %s", r.body()).isEqualTo(200));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void importAll(Client client, String owner, List<String> friends) throws Exception {
        var calls = new ArrayList<Callable<Client.Reply>>();
        for (int i = 0; i < friends.size(); i += 10) {
            var chunk = friends.subList(i, Math.min(friends.size(), i + 10));
            calls.add(() -> client.post("/users/" + owner + "/contacts/import", Map.of("usernames", chunk)));
        }
        for (var i = 0; i < calls.size(); i += 16) {
            for (var reply : concurrently(calls.subList(i, Math.min(calls.size(), i + 16)))) {
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.body().get("data").get("success").size()).isEqualTo(10);
            }
        }
    }

    private static List<String> usernames(Client.Reply page) {
        var names = new ArrayList<String>();
        page.body().get("data").get("contacts").forEach(c -> names.add(c.get("username").asText()));
        return names;
    }

    private static List<String> values(com.fasterxml.jackson.databind.JsonNode array) {
        var names = new ArrayList<String>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static void eventually(java.util.function.BooleanSupplier condition) {
        Eventually.until(condition);
    }
}
