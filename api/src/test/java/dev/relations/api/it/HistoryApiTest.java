package dev.relations.api.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /users/{u}/history and /chatrooms/{id}/history: an aggregate's events, newest first, paged and filtered. */
class HistoryApiTest {
    private static final TestApp APP = TestApp.unique("history", 100);
    private static ServiceInstance service;
    private static Client client;
    private static String room;

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(TestCluster.get(), "history-it-" + APP.name(), APP);
        client = new Client(service, APP).authenticated();
        for (var name : List.of("hana", "ivo", "jon", "kai")) {
            client.registerUser(name);
        }
        assertThat(client.post("/users/hana/contacts/users/ivo", null).status()).isEqualTo(200);
        assertThat(client.post("/users/hana/contacts/users/jon", null).status()).isEqualTo(200);
        assertThat(client.put("/users/hana/contacts/users/ivo", Map.of("remark", "Ivo")).status()).isEqualTo(200);
        assertThat(client.post("/users/hana/blocks/users", Map.of("usernames", List.of("kai"))).status()).isEqualTo(200);
        assertThat(client.delete("/users/hana/contacts/users/jon").status()).isEqualTo(200);
        room = client.post("/chatrooms", Map.of("name", "h", "description", "d", "owner", "hana", "members", List.of("ivo")))
                .body().get("data").get("id").asText();
        assertThat(client.post("/chatrooms/" + room + "/mute", Map.of("usernames", List.of("ivo"), "mute_duration", -1)).status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void a_users_history_is_its_events_newest_first_in_the_easemob_envelope() {
        var reply = client.get("/users/hana/history?limit=100");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("action").asText()).isEqualTo("get");
        assertThat(types(reply.body())).containsExactly("contact.removed", "block.added", "contact.remark_set",
                "contact.added", "contact.added", "user.registered");
        assertThat(reply.body().get("count").asInt()).isEqualTo(6);
        assertThat(reply.body().has("cursor")).isFalse();
        var remark = reply.body().get("entities").get(2);
        assertThat(remark.get("payload").get("remark").asText()).isEqualTo("Ivo");
        assertThat(remark.get("aggregate").get("type").asText()).isEqualTo("user");
        assertThat(remark.get("aggregate").get("id").asText()).isEqualTo("hana");
        assertThat(remark.get("actor").get("id").asText()).isEqualTo("@ppAdmin");
        assertThat(remark.get("request").get("api").asText()).isNotBlank();
    }

    @Test
    void pages_follow_the_cursor_without_skipping_or_repeating() {
        var seen = new ArrayList<Long>();
        String cursor = null;
        int pages = 0;
        do {
            var reply = client.get("/users/hana/history?limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(reply.status()).isEqualTo(200);
            reply.body().get("entities").forEach(e -> seen.add(e.get("seq").asLong()));
            cursor = reply.body().has("cursor") ? reply.body().get("cursor").asText() : null;
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(2);
        assertThat(seen).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void types_since_and_until_filter_the_history() {
        assertThat(types(client.get("/users/hana/history?types=contact.*").body()))
                .containsExactly("contact.removed", "contact.remark_set", "contact.added", "contact.added");
        var all = client.get("/users/hana/history?limit=100").body().get("entities");
        long blockedAt = all.get(1).get("occurred_at").asLong();
        assertThat(types(client.get("/users/hana/history?limit=100&until=" + (blockedAt - 1)).body()))
                .doesNotContain("block.added", "contact.removed");
        assertThat(types(client.get("/users/hana/history?since=" + blockedAt + "&types=block.added,contact.removed").body()))
                .containsExactly("contact.removed", "block.added");
    }

    @Test
    void a_rooms_history_is_its_events_newest_first() {
        var reply = client.get("/chatrooms/" + room + "/history");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(types(reply.body())).containsExactly("room.mutes.added", "room.members.joined", "room.created");
    }

    @Test
    void an_unknown_user_or_room_and_a_bad_parameter_are_answered_as_easemob_does() {
        assertThat(client.get("/users/nobody-here/history").status()).isEqualTo(404);
        assertThat(client.get("/chatrooms/99999999999/history").status()).isEqualTo(404);
        var bad = client.get("/users/hana/history?since=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.description()).isEqualTo("since must be a time in ms since the epoch");
    }

    private static List<String> types(JsonNode body) {
        var types = new ArrayList<String>();
        body.get("entities").forEach(e -> types.add(e.get("event_type").asText()));
        return types;
    }
}
