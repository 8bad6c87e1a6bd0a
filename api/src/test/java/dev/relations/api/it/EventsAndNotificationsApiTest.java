package dev.relations.api.it;

import dev.relations.engine.Topics;
import dev.relations.schemas.Actor;
import dev.relations.schemas.ContactAdded;
import dev.relations.schemas.EventAggregate;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.Notification;
import dev.relations.schemas.RoomCreated;
import dev.relations.schemas.RoomMutesAdded;
import dev.relations.schemas.UserRegistered;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What a consumer of the events and notifications topics reads after REST calls: the event
 * envelope of SPEC E.5, roster notices of E.2 and chatroom notices of E.3.
 */
class EventsAndNotificationsApiTest {
    private static final TestApp APP = TestApp.unique("evnote", 100);
    private static final Topics TOPICS = new Topics("evnote-it-" + APP.name());
    private static final String APP_KEY = APP.org() + "#" + APP.app();
    private static final Actor APP_ADMIN = new Actor("app_admin", "@ppAdmin");
    private static ServiceInstance service;
    private static Client client;
    private static TopicReader<EventEnvelope> events;
    private static TopicReader<Notification> notifications;

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(TestCluster.get(), TOPICS.applicationId(), TestCluster.get().newDirectory("evnote"),
                TestCluster.freePort(), Map.of("relations.apps." + APP.name() + ".open-registration", true), APP);
        client = new Client(service, APP).authenticated();
        events = new TopicReader<>(TestCluster.get(), TOPICS.events(), EventEnvelope.class);
        notifications = new TopicReader<>(TestCluster.get(), TOPICS.notifications(), Notification.class);
    }

    @AfterAll
    static void stop() {
        events.close();
        notifications.close();
        service.close();
    }

    @Test
    void a_contact_add_publishes_the_e5_envelope_on_both_users_and_tells_only_the_target() {
        client.registerUser("en-alice");
        client.registerUser("en-bob");
        drain();

        var added = client.call("POST", "/users/en-alice/contacts/users/en-bob", null, Map.of("Idempotency-Key", "add-en-1"));
        assertThat(added.status()).isEqualTo(200);

        var published = events.collect(r -> r.value().getEventType().equals("contact.added"), Duration.ofSeconds(3));
        assertThat(published).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(APP_KEY + "/user/en-alice", APP_KEY + "/user/en-bob");
        for (var record : published) {
            var event = record.value();
            var self = record.key().substring(record.key().lastIndexOf('/') + 1);
            assertThat(event.getAggregate()).isEqualTo(new EventAggregate("user", self));
            assertThat(event.getSchema$()).isEqualTo(2);
            assertThat(event.getOrg()).isEqualTo(APP.org());
            assertThat(event.getApp()).isEqualTo(APP.app());
            assertThat(event.getActor()).isEqualTo(APP_ADMIN);
            assertThat(event.getRequest().getIdempotencyKey()).isEqualTo("add-en-1");
            assertThat(event.getRequest().getApi()).isEqualTo("POST /users/{owner_username}/contacts/users/{friend_username}");
            assertThat(event.getCorrelationId()).isEqualTo(event.getRequest().getRequestId());
            assertThat(event.getCausationId()).isNotBlank();
            assertThat(UUID.fromString(event.getEventId()).version()).isEqualTo(7);
            var payload = (ContactAdded) event.getPayload();
            assertThat(payload.getOwner()).isEqualTo(self);
            assertThat(payload.getMutual()).isTrue();
            assertThat(payload.getInitiator()).isEqualTo("en-alice");
        }
        assertThat(published.get(0).value().getRequest().getRequestId()).isEqualTo(published.get(1).value().getRequest().getRequestId());

        var told = notifications.collect(r -> r.value().getChatType().equals("roster"), Duration.ofSeconds(1));
        assertThat(told).extracting(ConsumerRecord::key, r -> r.value().getOperation(), r -> r.value().getFrom(), r -> r.value().getReason())
                .as("SPEC E.2: add goes to the target only, from the initiator")
                .containsExactly(tuple(APP_KEY + "/user/en-bob", "add", APP_KEY + "_en-alice@easemob.com", ""));

        assertThat(client.delete("/users/en-bob/contacts/users/en-alice").status()).isEqualTo(200);
        var removed = notifications.collect(r -> r.value().getChatType().equals("roster"), Duration.ofSeconds(3));
        assertThat(removed).extracting(ConsumerRecord::key, r -> r.value().getOperation(), r -> r.value().getFrom())
                .as("SPEC E.2: remove goes to the other side")
                .containsExactly(tuple(APP_KEY + "/user/en-alice", "remove", APP_KEY + "_en-bob@easemob.com"));
        assertThat(removed.getFirst().value().getRosterVer()).matches("[0-9a-f]{40}");

        assertThat(client.post("/users/en-alice/blocks/users", Map.of("usernames", List.of("en-bob"))).status()).isEqualTo(200);
        assertThat(client.delete("/users/en-alice/blocks/users/en-bob").status()).isEqualTo(200);
        assertThat(notifications.collect(r -> r.value().getChatType().equals("roster"), Duration.ofSeconds(3)))
                .extracting(ConsumerRecord::key, r -> r.value().getOperation(), r -> r.value().getErrorCode())
                .containsExactly(tuple(APP_KEY + "/user/en-bob", "ban", "ok"), tuple(APP_KEY + "/user/en-bob", "allow", "ok"));
    }

    @Test
    void a_registration_without_a_token_is_the_users_own() {
        drain();
        var anonymous = new Client(service, APP);

        assertThat(anonymous.post("/users", Map.of("username", "en-self", "password", "pw-self")).status()).isEqualTo(200);

        var registered = events.collect(r -> r.value().getPayload() instanceof UserRegistered u
                && u.getUser().getUsername().equals("en-self"), Duration.ofSeconds(3));
        assertThat(registered).hasSize(1);
        assertThat(registered.getFirst().value().getActor()).isEqualTo(new Actor("user", "en-self"));
        assertThat(registered.getFirst().value().getRequest().getIdempotencyKey()).isNull();
    }

    @Test
    void chatroom_changes_are_told_with_e3_operations_and_a_deleted_owner_is_not_told_its_room_went() {
        client.registerUser("en-owner");
        client.registerUser("en-m1");
        client.registerUser("en-m2");
        drain();

        var id = client.post("/chatrooms", Map.of("name", "lounge", "description", "d", "maxusers", 50,
                "owner", "en-owner", "members", List.of("en-m1", "en-m2"))).body().get("data").get("id").asText();
        assertThat(client.put("/chatrooms/" + id, Map.of("name", "renamed")).status()).isEqualTo(200);
        assertThat(client.post("/chatrooms/" + id + "/ban", null).status()).isEqualTo(200);
        assertThat(client.post("/chatrooms/" + id + "/mute", Map.of("usernames", List.of("en-m1"), "mute_duration", -1)).status())
                .isEqualTo(200);

        var created = events.collect(r -> r.key().equals(APP_KEY + "/room/" + id), Duration.ofSeconds(3));
        assertThat(created).extracting(r -> r.value().getEventType())
                .containsExactly("room.created", "room.members.joined", "room.updated", "room.mute_all.set", "room.mutes.added");
        assertThat(created.getFirst().value().getAggregate()).isEqualTo(new EventAggregate("chatroom", id));
        var room = (RoomCreated) created.getFirst().value().getPayload();
        assertThat(room.getMembers()).containsExactly("en-owner", "en-m1", "en-m2");
        assertThat(room.getAdmins()).isEmpty();
        assertThat(((RoomMutesAdded) created.getLast().value().getPayload()).getExpireAt()).as("E.5: permanent is null").isNull();

        var told = notifications.collect(r -> id.equals(r.value().getRoom()), Duration.ofSeconds(1));
        assertThat(told).extracting(ConsumerRecord::key, r -> r.value().getOperation(), r -> r.value().getOperationType(),
                        r -> r.value().getMember(), r -> r.value().getMemberCount())
                .as("each recipient's notices are in order on its partition; across recipients they are not")
                .containsExactlyInAnyOrder(
                        tuple(APP_KEY + "/user/en-owner", "CREATE", null, List.of("en-owner", "en-m1", "en-m2"), null),
                        tuple(APP_KEY + "/user/en-m1", "JOIN", "DIRECT", List.of("en-m1", "en-m2"), 3),
                        tuple(APP_KEY + "/user/en-m2", "JOIN", "DIRECT", List.of("en-m1", "en-m2"), 3),
                        tuple(APP_KEY + "/room/" + id, "UPDATE", "INFO", List.of(), null),
                        tuple(APP_KEY + "/room/" + id, "UPDATE", "MUTE", List.of(), null),
                        tuple(APP_KEY + "/user/en-m1", "MUTE", "ADD", List.of("en-m1"), null));
        assertThat(told).allSatisfy(r -> assertThat(r.value().getOperator()).isEqualTo("@ppAdmin"));
        assertThat(told).filteredOn(r -> "CREATE".equals(r.value().getOperation())).singleElement().satisfies(r -> {
            assertThat(r.value().getRole()).as("E.3 role").isEqualTo(Map.of("en-owner", "owner"));
            assertThat(r.value().getOwner()).isNull();
            assertThat(r.value().getInfo()).containsEntry("owner", APP_KEY + "_en-owner").containsEntry("title", "lounge")
                    .containsEntry("description", "d").containsEntry("max_users", "50").containsEntry("mute", "false")
                    .containsEntry("public", "true").containsEntry("invite_need_confirm", "false").containsEntry("avatar", "")
                    .containsKeys("created", "custom", "mute_duration", "allow_user_invites", "disabled", "last_modified")
                    .hasSize(14);
        });
        assertThat(told).filteredOn(r -> "INFO".equals(r.value().getOperationType()))
                .singleElement().satisfies(r -> assertThat(r.value().getInfo()).isEqualTo(Map.of("title", "renamed")));
        assertThat(told).filteredOn(r -> "MUTE".equals(r.value().getOperationType()))
                .singleElement().satisfies(r -> assertThat(r.value().getMute()).isTrue());
        assertThat(told).filteredOn(r -> "MUTE".equals(r.value().getOperation()))
                .singleElement().satisfies(r -> assertThat(r.value().getExpireTimestamp()).isEqualTo(4_638_873_600_000L));

        assertThat(client.delete("/users/en-owner").status()).isEqualTo(200);
        var dissolved = notifications.collect(r -> id.equals(r.value().getRoom()), Duration.ofSeconds(3));
        assertThat(dissolved).extracting(ConsumerRecord::key, r -> r.value().getOperation(), r -> r.value().getOperationType())
                .containsExactlyInAnyOrder(
                        tuple(APP_KEY + "/user/en-m1", "LEAVE", "DELETE"),
                        tuple(APP_KEY + "/user/en-m2", "LEAVE", "DELETE"),
                        tuple(APP_KEY + "/room/" + id, "DELETE", null));
    }

    private static void drain() {
        events.collect(r -> false, Duration.ofMillis(500));
        notifications.collect(r -> false, Duration.ofMillis(500));
    }
}
