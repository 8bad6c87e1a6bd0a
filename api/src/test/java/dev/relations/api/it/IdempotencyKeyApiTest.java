package dev.relations.api.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relations.api.command.CommandBus;
import dev.relations.api.command.IdempotentRequest;
import dev.relations.domain.common.Tenant;
import dev.relations.mapping.RecordKeys;
import dev.relations.schemas.ClaimIdempotencyKey;
import dev.relations.schemas.Actor;
import dev.relations.schemas.SettleIdempotencyKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Idempotency-Key header (IETF draft): a key names one request; a retry answers the first
 * verdict, another request with the key is 422, the same request while an attempt holds the key 409.
 */
class IdempotencyKeyApiTest {
    private static final TestApp APP = TestApp.unique("idem", 100);
    private static final Tenant TENANT = new Tenant(APP.org(), APP.app());
    private static final String REUSED = "This Idempotency-Key was already used for a different request";
    private static final String IN_FLIGHT =
            "A request with this Idempotency-Key is still being processed; retry it once that one is answered";
    private static ServiceInstance service;
    private static Client client;

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(TestCluster.get(), "idempotency-it-" + APP.name(), APP);
        client = new Client(service, APP).authenticated();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    @Test
    void a_retried_contact_add_answers_the_first_verdict_and_changes_nothing() {
        client.registerUser("ka-owner");
        client.registerUser("ka-friend");
        var first = client.call("POST", "/users/ka-owner/contacts/users/ka-friend", null, key("ka-1"));
        client.delete("/users/ka-owner/contacts/users/ka-friend");

        var retry = client.call("POST", "/users/ka-owner/contacts/users/ka-friend", null, key("ka-1"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(withoutTimes(retry.body())).isEqualTo(withoutTimes(first.body()));
        assertThat(ContactsApiTest.names(client.get("/users/ka-owner/contacts/users"))).as("not added again").isEmpty();
    }

    @Test
    void a_retried_room_creation_answers_the_same_room_and_creates_one_room() {
        client.registerUser("kr-owner");
        var body = "{\"name\":\"kr-room\",\"description\":\"d\",\"owner\":\"kr-owner\"}";
        var first = client.call("POST", "/chatrooms", body, key("kr-1"));

        var retry = client.call("POST", "/chatrooms", body, key("kr-1"));

        assertThat(first.status()).as("%s", first.body()).isEqualTo(200);
        var id = first.body().get("data").get("id").asText();
        assertThat(id).as("the form of an assigned id").matches("[1-9][0-9]{15}");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(withoutTimes(retry.body())).isEqualTo(withoutTimes(first.body()));
        assertThat(roomsNamed("kr-room")).containsExactly(id);
    }

    @Test
    void a_room_creation_without_a_key_creates_a_room_each_time() {
        client.registerUser("kn-owner");
        var body = "{\"name\":\"kn-room\",\"description\":\"d\",\"owner\":\"kn-owner\"}";

        var first = client.post("/chatrooms", body);
        var second = client.post("/chatrooms", body);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(roomsNamed("kn-room")).hasSize(2)
                .containsExactlyInAnyOrder(first.body().get("data").get("id").asText(), second.body().get("data").get("id").asText());
    }

    @Test
    void the_key_with_another_body_is_422_and_changes_nothing() {
        client.registerUser("kb-owner");
        var first = client.call("POST", "/chatrooms", "{\"name\":\"kb-one\",\"description\":\"d\",\"owner\":\"kb-owner\"}",
                key("kb-1"));

        var other = client.call("POST", "/chatrooms", "{\"name\":\"kb-two\",\"description\":\"d\",\"owner\":\"kb-owner\"}",
                key("kb-1"));

        assertThat(first.status()).isEqualTo(200);
        assertError(other, 422, "idempotency_key_reused", "IdempotencyKeyReusedException", REUSED);
        assertThat(roomsNamed("kb-two")).isEmpty();
        assertThat(roomsNamed("kb-one")).hasSize(1);
    }

    @Test
    void the_key_on_another_path_is_422_whichever_aggregate_the_path_names() {
        client.registerUser("kp-owner");
        client.registerUser("kp-friend");
        client.registerUser("kp-other");
        client.registerUser("kp-doomed");
        client.call("POST", "/users/kp-owner/contacts/users/kp-friend", null, key("kp-1"));

        var samePartition = client.call("POST", "/users/kp-owner/contacts/users/kp-other", null, key("kp-1"));
        var otherAggregate = client.call("DELETE", "/users/kp-doomed", null, key("kp-1"));
        var otherMethod = client.call("DELETE", "/users/kp-owner/contacts/users/kp-friend", null, key("kp-1"));

        assertError(samePartition, 422, "idempotency_key_reused", "IdempotencyKeyReusedException", REUSED);
        assertError(otherAggregate, 422, "idempotency_key_reused", "IdempotencyKeyReusedException", REUSED);
        assertError(otherMethod, 422, "idempotency_key_reused", "IdempotencyKeyReusedException", REUSED);
        assertThat(ContactsApiTest.names(client.get("/users/kp-owner/contacts/users"))).containsExactly("kp-friend");
        assertThat(client.get("/users/kp-doomed").status()).isEqualTo(200);
    }

    @Test
    void the_same_request_while_an_attempt_holds_the_key_is_409_and_goes_on_once_it_settles() {
        client.registerUser("kf-owner");
        client.registerUser("kf-friend");
        var path = "/users/kf-owner/contacts/users/kf-friend";
        var fingerprint = IdempotentRequest.fingerprint("POST", "/" + APP.org() + "/" + APP.app() + path, null, "");
        var bus = service.context().getBean(CommandBus.class);
        var keyAggregate = RecordKeys.idempotencyKey(TENANT, IdempotentRequest.digest("kf-1"));
        // An attempt of the same request that holds the key and has no verdict yet.
        var held = bus.send(keyAggregate, TENANT, origin(), "test",
                new ClaimIdempotencyKey(fingerprint, 60_000L)).join();
        assertThat(held.getStatus()).isEqualTo(200);

        var conflict = client.call("POST", path, null, key("kf-1"));

        assertError(conflict, 409, "idempotency_key_in_flight", "IdempotencyKeyConflictException", IN_FLIGHT);
        assertThat(conflict.headers().firstValue("Retry-After")).contains("1");
        assertThat(ContactsApiTest.names(client.get("/users/kf-owner/contacts/users"))).isEmpty();

        // Sent by the same producer to the same partition as the claim that follows: settled before it.
        bus.publish(keyAggregate, TENANT, origin(), "test", new SettleIdempotencyKey(fingerprint));
        var afterSettle = client.call("POST", path, null, key("kf-1"));

        assertThat(afterSettle.status()).as("%s", afterSettle.body()).isEqualTo(200);
        assertThat(ContactsApiTest.names(client.get("/users/kf-owner/contacts/users"))).containsExactly("kf-friend");
    }

    @Test
    void concurrent_attempts_of_one_request_create_one_room_and_each_answers_it_or_409() throws Exception {
        client.registerUser("kc-owner");
        var body = "{\"name\":\"kc-room\",\"description\":\"d\",\"owner\":\"kc-owner\"}";

        var replies = ContactsApiTest.concurrently(IntStream.range(0, 8)
                .<Callable<Client.Reply>>mapToObj(i -> () -> client.call("POST", "/chatrooms", body, key("kc-1")))
                .toList());

        var rooms = roomsNamed("kc-room");
        assertThat(rooms).hasSize(1);
        assertThat(replies).allSatisfy(reply -> {
            if (reply.status() == 409) {
                assertThat(reply.error()).isEqualTo("idempotency_key_in_flight");
            } else {
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.body().get("data").get("id").asText()).isEqualTo(rooms.getFirst());
            }
        });
        assertThat(replies).anySatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
    }

    @Test
    void a_retried_batch_registration_answers_every_user_of_the_first() {
        var body = "[{\"username\":\"kg-a\",\"password\":\"pw\"},{\"username\":\"kg-b\",\"password\":\"pw\"}]";
        var first = client.call("POST", "/users", body, key("kg-1"));

        var retry = client.call("POST", "/users", body, key("kg-1"));
        var other = client.call("POST", "/users", "[{\"username\":\"kg-c\",\"password\":\"pw\"}]", key("kg-1"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("entities")).hasSize(2);
        assertThat(first.body().has("data")).as("no user failed").isFalse();
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().get("entities")).isEqualTo(first.body().get("entities"));
        assertThat(retry.body().has("data")).as("the retry is not refused as a duplicate").isFalse();
        assertError(other, 422, "idempotency_key_reused", "IdempotencyKeyReusedException", REUSED);
        assertThat(client.get("/users/kg-c").status()).isEqualTo(404);
    }

    private static List<String> roomsNamed(String name) {
        var list = client.get("/chatrooms?limit=1000");
        assertThat(list.status()).isEqualTo(200);
        var ids = new ArrayList<String>();
        list.body().get("data").forEach(room -> {
            if (room.get("name").asText().equals(name)) {
                ids.add(room.get("id").asText());
            }
        });
        return ids;
    }

    /** The answer without what differs on every call. */
    private static JsonNode withoutTimes(JsonNode body) {
        var copy = body.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(List.of("timestamp", "duration"));
        return copy;
    }

    private static void assertError(Client.Reply reply, int status, String error, String exception, String description) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(status);
        assertThat(reply.error()).isEqualTo(error);
        assertThat(reply.body().get("exception").asText()).isEqualTo(exception);
        assertThat(reply.description()).isEqualTo(description);
        assertThat(reply.body().get("timestamp").isNumber()).isTrue();
        assertThat(reply.body().get("duration").isNumber()).isTrue();
    }

    private static CommandBus.Origin origin() {
        return new CommandBus.Origin(UUID.randomUUID().toString(), new Actor("app_admin", "@ppAdmin"), "kf-1");
    }
}
