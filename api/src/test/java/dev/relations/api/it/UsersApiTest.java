package dev.relations.api.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Users (SPEC B.3) over HTTP: register single and batch, get, list, delete with its contact cascade, deactivate and activate. */
class UsersApiTest {
    private static final TestApp APP = TestApp.unique("users", 100);
    /** An app on a plan of two registered users. */
    private static final TestApp SMALL = TestApp.unique("small", 100);
    private static ServiceInstance service;
    private static Client client;

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(TestCluster.get(), "users-it-" + APP.name(), TestCluster.get().newDirectory("users"),
                TestCluster.freePort(), Map.of("relations.apps." + SMALL.name() + ".max-users", 2), APP, SMALL);
        client = new Client(service, APP).authenticated();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void a_registered_user_is_answered_as_an_entity_and_can_be_read_back() {
        var reply = client.post("/users", Map.of("username", "Carol", "password", "pw", "nickname", "Caz"));

        assertThat(reply.status()).isEqualTo(200);
        var entity = reply.body().get("entities").get(0);
        assertThat(entity.get("username").asText()).isEqualTo("carol");
        assertThat(entity.get("type").asText()).isEqualTo("user");
        assertThat(entity.get("activated").asBoolean()).isTrue();
        assertThat(entity.get("nickname").asText()).isEqualTo("Caz");
        assertThat(reply.body().get("action").asText()).isEqualTo("post");
        assertThat(reply.body().get("path").asText()).isEqualTo("/users");

        var read = client.get("/users/CAROL");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("entities").get(0)).isEqualTo(entity);
        assertThat(read.body().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void registering_a_taken_name_is_duplicate_unique_property_exists() {
        client.registerUser("dupe");

        var reply = client.post("/users", Map.of("username", "DUPE", "password", "other"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("duplicate_unique_property_exists");
        assertThat(reply.description()).isEqualTo("Application " + APP.app()
                + " Entity user requires that property named username be unique, value of dupe exists");
    }

    @Test
    void an_illegal_username_is_refused() {
        var reply = client.post("/users", Map.of("username", "bad name!", "password", "pw"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("illegal_argument");
        assertThat(reply.description()).isEqualTo("username bad name! is not legal");
    }

    @Test
    void a_missing_password_is_refused() {
        var reply = client.post("/users", Map.of("username", "nopass"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("illegal_argument");
        assertThat(reply.description()).isEqualTo("password or pin must provided");
    }

    @Test
    void a_batch_registers_the_new_names_and_reports_the_taken_ones() {
        client.registerUser("batch-taken");

        var reply = client.post("/users", List.of(
                Map.of("username", "batch-a", "password", "pw"),
                Map.of("username", "batch-taken", "password", "pw"),
                Map.of("username", "batch-b", "password", "pw")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("entities")).extracting(e -> e.get("username").asText())
                .containsExactly("batch-a", "batch-b");
        assertThat(reply.body().get("data").get(0).get("username").asText()).isEqualTo("batch-taken");
        assertThat(reply.body().get("data").get(0).get("registerUserFailReason").asText()).isEqualTo("the batch-taken already exists");
        assertThat(client.get("/users/batch-b").status()).isEqualTo(200);
    }

    @Test
    void a_batch_over_sixty_is_refused_whole() {
        var users = java.util.stream.IntStream.range(0, 61).mapToObj(i -> Map.of("username", "big" + i, "password", "pw")).toList();

        var reply = client.post("/users", users);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("illegal_argument");
        assertThat(reply.description()).isEqualTo("Request body array size[61] had almost reached or been greater than the upper range value[60]");
        assertThat(client.get("/users/big0").status()).isEqualTo(404);
    }

    @Test
    void an_unknown_user_is_404() {
        var reply = client.get("/users/nobody-here");

        ContactsApiTest.assertNotFound(reply);
    }

    @Test
    void deleting_a_user_answers_its_entity_and_removes_it_from_every_friends_roster() {
        client.registerUser("leaver");
        client.registerUser("stayer1");
        client.registerUser("stayer2");
        client.post("/users/leaver/contacts/users/stayer1", null);
        client.post("/users/stayer2/contacts/users/leaver", null);

        var deleted = client.delete("/users/leaver");

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("action").asText()).isEqualTo("delete");
        assertThat(deleted.body().get("entities").get(0).get("username").asText()).isEqualTo("leaver");
        ContactsApiTest.assertNotFound(client.get("/users/leaver"));
        ContactsApiTest.assertNotFound(client.delete("/users/leaver"));
        awaitEmptyRoster("stayer1");
        awaitEmptyRoster("stayer2");
    }

    @Test
    void the_users_of_the_app_are_listed_in_creation_order_with_a_cursor() {
        var registered = List.of("ls-a", "ls-b", "ls-c", "ls-d", "ls-e");
        registered.forEach(client::registerUser);

        var first = client.get("/users?limit=2");
        var all = allUsers(client, 2);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("action").asText()).isEqualTo("get");
        assertThat(first.body().get("path").asText()).isEqualTo("/users");
        assertThat(first.body().get("count").asInt()).isEqualTo(2);
        assertThat(first.body().get("params").get("limit").get(0).asText()).isEqualTo("2");
        assertThat(first.body().get("cursor").asText()).isNotBlank();
        assertThat(all.stream().map(u -> u.get("username").asText()).filter(registered::contains).toList())
                .containsExactlyElementsOf(registered);
        assertThat(all).extracting(u -> u.get("username").asText()).doesNotHaveDuplicates();
        assertThat(all).extracting(u -> u.get("created").asLong()).isSorted();
    }

    @Test
    void a_user_listing_without_parameters_answers_the_first_ten_and_refuses_a_bad_cursor() {
        for (int i = 0; i < 11; i++) {
            client.registerUser("ten-" + i);
        }

        var page = client.get("/users");
        var badCursor = client.get("/users?cursor=not-a-cursor");

        assertThat(page.body().get("entities").size()).isEqualTo(10);
        assertThat(page.body().has("cursor")).isTrue();
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.error()).isEqualTo("illegal_argument");
        assertThat(badCursor.description()).isEqualTo("invalid cursor: not-a-cursor");
    }

    @Test
    void a_deactivated_user_is_answered_with_activated_false_and_keeps_its_contacts() {
        client.registerUser("banned");
        client.registerUser("banned-friend");
        client.registerUser("banned-pal");
        client.post("/users/banned/contacts/users/banned-friend", null);

        var deactivated = client.post("/users/banned/deactivate", null);
        var read = client.get("/users/banned");
        var befriended = client.post("/users/banned-pal/contacts/users/banned", null);

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.body().get("action").asText()).isEqualTo("Deactivate user");
        assertThat(deactivated.body().get("entities").get(0).get("username").asText()).isEqualTo("banned");
        assertThat(deactivated.body().get("entities").get(0).get("activated").asBoolean()).isFalse();
        assertThat(read.body().get("entities").get(0).get("activated").asBoolean()).isFalse();
        assertThat(befriended.status()).isEqualTo(200);
        assertThat(befriended.body().get("entities").get(0).get("activated").asBoolean()).isFalse();
        assertThat(ContactsApiTest.names(client.get("/users/banned/contacts/users"))).containsExactlyInAnyOrder("banned-friend", "banned-pal");

        var activated = client.post("/users/banned/activate", null);

        assertThat(activated.status()).isEqualTo(200);
        assertThat(activated.body().get("action").asText()).isEqualTo("activate user");
        assertThat(client.get("/users/banned").body().get("entities").get(0).get("activated").asBoolean()).isTrue();
    }

    @Test
    void deactivating_or_activating_an_unknown_user_is_404() {
        ContactsApiTest.assertNotFound(client.post("/users/nobody-at-all/deactivate", null));
        ContactsApiTest.assertNotFound(client.post("/users/nobody-at-all/activate", null));
    }

    @Test
    void an_app_at_its_registered_user_quota_answers_429_resource_limited_until_a_user_leaves() {
        var small = new Client(service, SMALL).authenticated();
        small.registerUser("q-1");
        small.registerUser("q-2");

        var refused = small.post("/users", Map.of("username", "q-3", "password", "pw"));
        var batch = small.post("/users", List.of(Map.of("username", "q-4", "password", "pw")));
        assertThat(small.delete("/users/q-1").status()).isEqualTo(200);
        var admitted = small.post("/users", Map.of("username", "q-3", "password", "pw"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.error()).isEqualTo("resource_limited");
        assertThat(refused.description())
                .isEqualTo("You have exceeded the limit of the community edition,Please upgrade to the enterprise edition");
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.body().get("entities")).isEmpty();
        assertThat(batch.body().get("data").get(0).get("registerUserFailReason").asText())
                .isEqualTo("You have exceeded the limit of the community edition,Please upgrade to the enterprise edition");
        assertThat(admitted.status()).isEqualTo(200);
    }

    /** Every user of the app, page by page. */
    static List<JsonNode> allUsers(Client client, int limit) {
        var users = new ArrayList<JsonNode>();
        String cursor = null;
        do {
            var page = client.get("/users?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as("page: %s", page.body()).isEqualTo(200);
            assertThat(page.body().get("count").asInt()).isLessThanOrEqualTo(limit);
            page.body().get("entities").forEach(users::add);
            cursor = page.body().has("cursor") ? page.body().get("cursor").asText() : null;
        } while (cursor != null);
        return users;
    }

    /** The cascade to friends runs after the delete's verdict, as its own exactly-once steps. */
    private static void awaitEmptyRoster(String user) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!ContactsApiTest.names(client.get("/users/" + user + "/contacts/users")).isEmpty()) {
            assertThat(System.currentTimeMillis()).as("roster of %s emptied", user).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
