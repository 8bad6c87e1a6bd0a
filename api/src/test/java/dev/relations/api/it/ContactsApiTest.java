package dev.relations.api.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Contacts over HTTP against the real broker and registry: add, remove, list, limits, races, retries. */
class ContactsApiTest {
    private static final int LIMIT = 3;
    private static final TestApp APP = TestApp.unique("contacts", LIMIT);
    private static ServiceInstance service;
    private static Client client;

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(TestCluster.get(), "contacts-it-" + APP.name(), APP);
        client = new Client(service, APP).authenticated();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void adding_a_contact_lists_it_on_both_sides_and_answers_the_friends_entity() {
        client.registerUser("ann");
        var bob = client.registerUser("bob").body().get("entities").get(0);
        var ann = client.get("/users/ann").body().get("entities").get(0);

        var added = client.post("/users/ann/contacts/users/bob", null);

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().get("action").asText()).isEqualTo("post");
        assertThat(added.body().get("entities").get(0).get("username").asText()).isEqualTo("bob");
        assertThat(added.body().get("entities").get(0).get("uuid").asText()).isEqualTo(bob.get("uuid").asText());
        assertThat(added.body().get("path").asText()).isEqualTo("/users/" + ann.get("uuid").asText() + "/contacts");
        // SPEC A.3/C.2: uri is the internal path with the owner's UUID under the app's base URL.
        assertThat(added.body().get("uri").asText())
                .isEqualTo(client.base() + "/users/" + ann.get("uuid").asText() + "/contacts");
        assertThat(added.body().get("organization").asText()).isEqualTo(APP.org());
        assertThat(added.body().get("applicationName").asText()).isEqualTo(APP.app());
        assertThat(names(client.get("/users/ann/contacts/users"))).containsExactly("bob");
        assertThat(names(client.get("/users/bob/contacts/users"))).containsExactly("ann");
    }

    @Test
    void the_full_list_is_newest_friendship_first_with_a_count() {
        client.registerUser("lia");
        for (var friend : List.of("lib", "lic", "lid")) {
            client.registerUser(friend);
            assertThat(client.post("/users/lia/contacts/users/" + friend, null).status()).isEqualTo(200);
        }
        var list = client.get("/users/lia/contacts/users");

        assertThat(list.status()).isEqualTo(200);
        assertThat(names(list)).containsExactly("lid", "lic", "lib");
        assertThat(list.body().get("count").asInt()).isEqualTo(3);
        assertThat(list.body().get("action").asText()).isEqualTo("get");
    }

    @Test
    void adding_an_existing_friend_again_succeeds_without_a_second_entry() {
        client.registerUser("rea");
        client.registerUser("reb");
        assertThat(client.post("/users/rea/contacts/users/reb", null).status()).isEqualTo(200);

        var again = client.post("/users/reb/contacts/users/rea", null);

        assertThat(again.status()).isEqualTo(200);
        assertThat(names(client.get("/users/rea/contacts/users"))).containsExactly("reb");
        assertThat(names(client.get("/users/reb/contacts/users"))).containsExactly("rea");
    }

    @Test
    void removing_a_contact_removes_both_sides() {
        client.registerUser("rma");
        client.registerUser("rmb");
        client.post("/users/rma/contacts/users/rmb", null);

        var removed = client.delete("/users/rma/contacts/users/rmb");

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().get("action").asText()).isEqualTo("delete");
        assertThat(removed.body().get("entities").get(0).get("username").asText()).isEqualTo("rmb");
        assertThat(names(client.get("/users/rma/contacts/users"))).isEmpty();
        assertThat(names(client.get("/users/rmb/contacts/users"))).isEmpty();
    }

    @Test
    void is_friend_answers_a_bare_boolean_both_ways_and_404_for_an_unknown_owner() {
        client.registerUser("isa");
        client.registerUser("isb");
        client.registerUser("isc");
        client.post("/users/isa/contacts/users/isb", null);

        assertThat(isFriend("isa", "isb")).isTrue();
        assertThat(isFriend("isb", "isa")).isTrue();
        assertThat(isFriend("isa", "isc")).isFalse();
        assertThat(isFriend("isa", "nobody")).isFalse();
        client.delete("/users/isb/contacts/users/isa");
        assertThat(isFriend("isa", "isb")).isFalse();
        assertNotFound(client.get("/users/ghost/contacts/users/isa/is_friend"));
    }

    private static boolean isFriend(String owner, String friend) {
        var reply = client.get("/users/" + owner + "/contacts/users/" + friend + "/is_friend");
        assertThat(reply.status()).as("is_friend: %s", reply.body()).isEqualTo(200);
        assertThat(reply.body().get("action").asText()).isEqualTo("get");
        assertThat(reply.body().get("data").isBoolean()).isTrue();
        return reply.body().get("data").asBoolean();
    }

    @Test
    void adding_an_unknown_friend_is_404_and_leaves_the_owners_roster_as_it_was() {
        client.registerUser("una");

        var reply = client.post("/users/una/contacts/users/nobody", null);

        assertNotFound(reply);
        assertThat(names(client.get("/users/una/contacts/users"))).isEmpty();
    }

    @Test
    void an_unknown_owner_is_404_for_add_remove_and_list() {
        client.registerUser("known");
        assertNotFound(client.post("/users/ghost/contacts/users/known", null));
        assertNotFound(client.delete("/users/ghost/contacts/users/known"));
        assertNotFound(client.get("/users/ghost/contacts/users"));
        assertNotFound(client.delete("/users/known/contacts/users/ghost"));
    }

    @Test
    void the_limit_is_checked_on_the_owner_side() {
        client.registerUser("fullo");
        for (int i = 0; i < LIMIT; i++) {
            client.registerUser("fullo-f" + i);
            assertThat(client.post("/users/fullo/contacts/users/fullo-f" + i, null).status()).isEqualTo(200);
        }
        client.registerUser("fullo-x");

        var reply = client.post("/users/fullo/contacts/users/fullo-x", null);

        assertLimit(reply);
        assertThat(names(client.get("/users/fullo-x/contacts/users"))).isEmpty();
    }

    @Test
    void the_limit_is_checked_on_the_friend_side_and_nothing_changes() {
        client.registerUser("fullf");
        for (int i = 0; i < LIMIT; i++) {
            client.registerUser("fullf-f" + i);
            client.post("/users/fullf/contacts/users/fullf-f" + i, null);
        }
        client.registerUser("fullf-x");

        var reply = client.post("/users/fullf-x/contacts/users/fullf", null);

        assertLimit(reply);
        assertThat(names(client.get("/users/fullf-x/contacts/users"))).isEmpty();
        assertThat(names(client.get("/users/fullf/contacts/users"))).hasSize(LIMIT);
        // the refused add released its reservation: the owner can still add someone else
        client.registerUser("fullf-y");
        assertThat(client.post("/users/fullf-x/contacts/users/fullf-y", null).status()).isEqualTo(200);
    }

    @Test
    void sixty_four_adds_racing_for_the_last_free_slot_of_one_friend_produce_exactly_one_success() throws Exception {
        client.registerUser("race");
        for (int i = 0; i < LIMIT - 1; i++) {
            client.registerUser("race-f" + i);
            client.post("/users/race/contacts/users/race-f" + i, null);
        }
        var racers = IntStream.range(0, 64).mapToObj(i -> "racer-" + i).toList();
        racers.forEach(client::registerUser);

        var replies = concurrently(racers.stream()
                .map(r -> (Callable<Client.Reply>) () -> client.post("/users/" + r + "/contacts/users/race", null))
                .toList());

        assertThat(replies.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(replies.stream().filter(r -> r.status() != 200)).hasSize(63).allSatisfy(ContactsApiTest::assertLimit);
        assertThat(names(client.get("/users/race/contacts/users"))).hasSize(LIMIT);
        long racersWithAFriend = racers.stream().filter(r -> !names(client.get("/users/" + r + "/contacts/users")).isEmpty()).count();
        assertThat(racersWithAFriend).isEqualTo(1);
    }

    @Test
    void sixty_four_adds_racing_for_the_last_free_slot_of_the_owner_produce_exactly_one_success() throws Exception {
        client.registerUser("greedy");
        for (int i = 0; i < LIMIT - 1; i++) {
            client.registerUser("greedy-f" + i);
            client.post("/users/greedy/contacts/users/greedy-f" + i, null);
        }
        var candidates = IntStream.range(0, 64).mapToObj(i -> "cand-" + i).toList();
        candidates.forEach(client::registerUser);

        var replies = concurrently(candidates.stream()
                .map(c -> (Callable<Client.Reply>) () -> client.post("/users/greedy/contacts/users/" + c, null))
                .toList());

        assertThat(replies.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(replies.stream().filter(r -> r.status() != 200)).hasSize(63).allSatisfy(ContactsApiTest::assertLimit);
        assertThat(names(client.get("/users/greedy/contacts/users"))).hasSize(LIMIT);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_first_verdict_and_changes_nothing() {
        client.registerUser("ida");
        client.registerUser("idb");
        client.registerUser("idc");
        var key = Map.of("Idempotency-Key", "add-ida-idb");
        var first = client.call("POST", "/users/ida/contacts/users/idb", null, key);
        client.delete("/users/ida/contacts/users/idb");
        client.post("/users/ida/contacts/users/idc", null);

        var retry = client.call("POST", "/users/ida/contacts/users/idb", null, key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().get("entities")).isEqualTo(first.body().get("entities"));
        // the retry did not add idb again after its removal
        assertThat(names(client.get("/users/ida/contacts/users"))).containsExactly("idc");
        assertThat(names(client.get("/users/idb/contacts/users"))).isEmpty();
    }

    @Test
    void a_retried_refusal_is_refused_again_with_the_same_error() {
        client.registerUser("idr");
        var key = Map.of("Idempotency-Key", "add-idr-missing");
        var first = client.call("POST", "/users/idr/contacts/users/idmissing", null, key);
        client.registerUser("idmissing");

        var retry = client.call("POST", "/users/idr/contacts/users/idmissing", null, key);

        assertNotFound(first);
        assertNotFound(retry);
        assertThat(names(client.get("/users/idr/contacts/users"))).isEmpty();
    }

    static List<String> names(Client.Reply reply) {
        assertThat(reply.status()).as("list status: %s", reply.body()).isEqualTo(200);
        var names = new ArrayList<String>();
        reply.body().get("data").forEach(n -> names.add(n.asText()));
        return names;
    }

    static void assertNotFound(Client.Reply reply) {
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error()).isEqualTo("service_resource_not_found");
        assertThat(reply.description()).isEqualTo("Service resource not found");
        assertThat(reply.body().get("exception").asText()).isEqualTo("UserNotFoundException");
        assertThat(reply.body().has("timestamp")).isTrue();
        assertThat(reply.body().has("duration")).isTrue();
    }

    static void assertLimit(Client.Reply reply) {
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error()).isEqualTo("exceed_limit");
        assertThat(reply.description()).isEqualTo("user contact number exceed limit");
    }

    static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        try (var pool = Executors.newFixedThreadPool(tasks.size())) {
            var results = new ArrayList<T>();
            for (var future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        }
    }
}
