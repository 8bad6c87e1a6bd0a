package dev.relations.api.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Users (SPEC B.3) over HTTP: register single and batch, get, delete with its contact cascade. */
class UsersApiTest {
    private static final TestApp APP = TestApp.unique("users", 100);
    private static ServiceInstance service;
    private static Client client;

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(TestCluster.get(), "users-it-" + APP.name(), APP);
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
