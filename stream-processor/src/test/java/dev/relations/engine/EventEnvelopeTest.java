package dev.relations.engine;

import dev.relations.schemas.Actor;
import dev.relations.schemas.BlockRoomMember;
import dev.relations.schemas.EventAggregate;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.EventRequest;
import dev.relations.schemas.MuteRoomMembers;
import dev.relations.schemas.RoomBlocklistAdded;
import dev.relations.schemas.RoomCreated;
import dev.relations.schemas.RoomMembersJoined;
import dev.relations.schemas.RoomMutesAdded;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.relations.engine.RoomSteps.CHAT;
import static dev.relations.engine.TopologyHarness.ADD_API;
import static dev.relations.engine.TopologyHarness.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The events topic's envelope and payloads, field by field, against SPEC E.5. */
class EventEnvelopeTest extends TopologyTest {
    @Test
    void a_contact_add_carries_aggregate_actor_request_and_the_chain_of_causes() {
        relations.given(CHAT, "alice", "bob");

        relations.sendWithKey(CHAT, "alice", "req-add", "key-1", TopologyHarness.addBody("alice", "bob"));

        var events = relations.events.readKeyValuesToList();
        assertThat(events).extracting(kv -> kv.key).containsExactly("acme#chat/user/bob", "acme#chat/user/alice");
        var atBob = events.get(0).value;
        var atAlice = events.get(1).value;
        for (var event : List.of(atBob, atAlice)) {
            assertThat(event.getEventType()).isEqualTo("contact.added");
            assertThat(event.getSchema$()).isEqualTo(2);
            assertThat(event.getOrg()).isEqualTo("acme");
            assertThat(event.getApp()).isEqualTo("chat");
            assertThat(event.getSeq()).isEqualTo(2L);
            assertThat(event.getOccurredAt()).isEqualTo(NOW);
            assertThat(event.getActor()).isEqualTo(new Actor("app_admin", "@ppAdmin"));
            assertThat(event.getRequest()).isEqualTo(new EventRequest("req-add", "key-1", ADD_API));
            assertThat(event.getCorrelationId()).isEqualTo("req-add");
            var id = UUID.fromString(event.getEventId());
            assertThat(id.version()).as("a UUIDv7").isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(id.getMostSignificantBits() >>> 16).as("its time is the request's").isEqualTo(NOW);
        }
        assertThat(atBob.getAggregate()).isEqualTo(new EventAggregate("user", "bob"));
        assertThat(atAlice.getAggregate()).isEqualTo(new EventAggregate("user", "alice"));
        // Alice's first step publishes nothing (a reservation); Bob's step is caused by the request,
        // Alice's confirm by Bob's event.
        assertThat(atBob.getCausationId()).isEqualTo("req-add");
        assertThat(atAlice.getCausationId()).isEqualTo(atBob.getEventId());
        assertThat(atBob.getEventId()).isNotEqualTo(atAlice.getEventId());
    }

    @Test
    void an_event_id_is_derived_so_a_replayed_step_republishes_the_same_id() {
        var first = EventEnvelopes.eventId(NOW, "acme#chat/user/bob", 2);

        assertThat(EventEnvelopes.eventId(NOW, "acme#chat/user/bob", 2)).isEqualTo(first);
        assertThat(EventEnvelopes.eventId(NOW, "acme#chat/user/bob", 3)).isNotEqualTo(first);
        assertThat(EventEnvelopes.eventId(NOW, "acme#chat/user/alice", 2)).isNotEqualTo(first);
        assertThat(EventEnvelopes.eventId(NOW + 1, "acme#chat/user/bob", 3).compareTo(first))
                .as("later requests sort later").isPositive();
    }

    @Test
    void room_created_carries_its_members_and_admins_on_the_rooms_plain_id() {
        relations.given(CHAT, "alice", "bob", "carol");

        rooms.create(CHAT, "100", "alice", "bob", "carol");

        var events = relations.events.readValuesToList();
        assertThat(events).extracting(EventEnvelope::getAggregate)
                .containsOnly(new EventAggregate("chatroom", "100"));
        assertThat(events).extracting(EventEnvelope::getPayload).containsExactly(
                new RoomCreated("100", "room 100", "about 100", 1000, "alice", "", NOW, List.of("alice", "bob", "carol"), List.of()),
                new RoomMembersJoined("100", List.of("bob", "carol"), "DIRECT", 3));
    }

    /** SPEC E.5: member lists are `members`; a permanent mute's expire_at is null (G-21 keeps −1 only in the HTTP answer). */
    @Test
    void list_payloads_name_members_and_a_permanent_mute_expires_at_null() {
        relations.given(CHAT, "alice", "bob", "carol");
        rooms.givenRoom(CHAT, "100", "alice", "bob", "carol");

        relations.sendToRoom(CHAT, "100", new MuteRoomMembers("100", List.of("bob"), -1L));
        relations.sendToRoom(CHAT, "100", new MuteRoomMembers("100", List.of("carol"), 60_000L));
        relations.sendToRoom(CHAT, "100", new BlockRoomMember("100", "carol"));

        assertThat(relations.events.readValuesToList()).extracting(EventEnvelope::getEventType, EventEnvelope::getPayload)
                .startsWith(
                        tuple("room.mutes.added", new RoomMutesAdded("100", List.of("bob"), null)),
                        tuple("room.mutes.added", new RoomMutesAdded("100", List.of("carol"), NOW + 60_000L)))
                .contains(tuple("room.blocklist.added", new RoomBlocklistAdded("100", List.of("carol"))));
    }

    @Test
    void the_mute_sweep_publishes_as_the_system() {
        relations.given(CHAT, "alice", "bob");
        rooms.givenRoom(CHAT, "100", "alice", "bob");
        relations.sendToRoom(CHAT, "100", new MuteRoomMembers("100", List.of("bob"), 1_000L));
        relations.clearOutputs();

        relations.advanceWallClock(Duration.ofSeconds(10));

        var lifted = relations.events.readValuesToList();
        assertThat(lifted).extracting(EventEnvelope::getEventType).containsExactly("room.mutes.removed");
        assertThat(lifted.getFirst().getActor()).isEqualTo(new Actor("system", "relations"));
        assertThat(lifted.getFirst().getRequest().getApi()).isEmpty();
        assertThat(lifted.getFirst().getCausationId()).isEqualTo(lifted.getFirst().getRequest().getRequestId());
    }
}
