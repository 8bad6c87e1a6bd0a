package dev.relations.api.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances of one Streams application split the partitions; a read sent to either answers the same. */
class TwoInstancesTest {
    private static final TestApp APP = TestApp.unique("twin", 100);
    private static ServiceInstance first;
    private static ServiceInstance second;

    @BeforeAll
    static void start() {
        var cluster = TestCluster.get();
        var applicationId = "twin-it-" + APP.name();
        first = ServiceInstance.start(cluster, applicationId, cluster.newDirectory("twin-a"), TestCluster.freePort(), Map.of(), APP);
        second = ServiceInstance.start(cluster, applicationId, cluster.newDirectory("twin-b"), TestCluster.freePort(), Map.of(), APP);
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void reads_sent_to_either_instance_answer_alike() {
        var viaFirst = new Client(first, APP).authenticated();
        var viaSecond = new Client(second, APP).authenticated();
        List<String> users = IntStream.range(0, 24).mapToObj(i -> "twin-user-" + i).toList();
        users.forEach(viaFirst::registerUser);
        for (int i = 1; i < users.size(); i++) {
            assertThat(viaSecond.post("/users/" + users.get(0) + "/contacts/users/" + users.get(i), null).status()).isEqualTo(200);
        }

        for (var user : users) {
            var a = viaFirst.get("/users/" + user);
            var b = viaSecond.get("/users/" + user);
            assertThat(a.status()).isEqualTo(200);
            assertThat(b.status()).isEqualTo(200);
            assertThat(withoutTiming(a)).isEqualTo(withoutTiming(b));
            // A client cannot pass for a peer: a forged forwarding mark is ignored, the read is still routed.
            for (var client : List.of(viaFirst, viaSecond)) {
                var forged = client.call("GET", "/users/" + user + "/contacts/users", null, Map.of("X-Relations-Forwarded", "1"));
                assertThat(forged.status()).isEqualTo(200);
                assertThat(forged.body().get("data")).isEqualTo(viaFirst.get("/users/" + user + "/contacts/users").body().get("data"));
            }
            var contactsA = viaFirst.get("/users/" + user + "/contacts/users");
            var contactsB = viaSecond.get("/users/" + user + "/contacts/users");
            assertThat(contactsA.body().get("data")).isEqualTo(contactsB.body().get("data"));
        }
        assertThat(ContactsApiTest.names(viaSecond.get("/users/" + users.get(0) + "/contacts/users"))).hasSize(users.size() - 1);
        ContactsApiTest.assertNotFound(viaSecond.get("/users/twin-nobody"));
        ContactsApiTest.assertNotFound(viaFirst.get("/users/twin-nobody"));
    }

    @Test
    void the_user_listing_pages_every_user_of_the_app_once_from_either_instance() {
        var viaFirst = new Client(first, APP).authenticated();
        var viaSecond = new Client(second, APP).authenticated();
        List<String> users = IntStream.range(0, 12).mapToObj(i -> "twin-listed-" + i).toList();
        users.forEach(viaSecond::registerUser);

        var fromFirst = UsersApiTest.allUsers(viaFirst, 5).stream().map(u -> u.get("username").asText()).toList();
        var fromSecond = UsersApiTest.allUsers(viaSecond, 5).stream().map(u -> u.get("username").asText()).toList();

        assertThat(fromFirst).doesNotHaveDuplicates().containsAll(users);
        assertThat(fromSecond).isEqualTo(fromFirst);
    }

    @Test
    void a_room_creation_retried_on_the_other_instance_answers_the_same_room_and_creates_one() {
        var viaFirst = new Client(first, APP).authenticated();
        var viaSecond = new Client(second, APP).authenticated();
        viaFirst.registerUser("twin-owner");
        var body = "{\"name\":\"twin-room\",\"description\":\"d\",\"owner\":\"twin-owner\"}";
        var key = Map.of("Idempotency-Key", "twin-create-1");

        var created = viaFirst.call("POST", "/chatrooms", body, key);
        var retried = viaSecond.call("POST", "/chatrooms", body, key);
        var reused = viaSecond.call("POST", "/chatrooms", body.replace("twin-room", "twin-other"), key);

        assertThat(created.status()).isEqualTo(200);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().get("data")).isEqualTo(created.body().get("data"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.error()).isEqualTo("idempotency_key_reused");
        var named = new ArrayList<String>();
        viaSecond.get("/chatrooms?limit=1000").body().get("data").forEach(room -> named.add(room.get("name").asText()));
        assertThat(named).containsOnlyOnce("twin-room").doesNotContain("twin-other");
    }

    private static ObjectNode withoutTiming(Client.Reply reply) {
        var copy = (ObjectNode) reply.body().deepCopy();
        copy.remove(List.of("timestamp", "duration", "uri"));
        return copy;
    }
}
