package dev.relations.engine;

import dev.relations.store.RoomStores;
import dev.relations.store.StoreNames;
import dev.relations.schemas.AddRoomAdmin;
import dev.relations.schemas.AddRoomMember;
import dev.relations.schemas.AddRoomMembers;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.RemoveRoomAdmin;
import dev.relations.schemas.RemoveRoomMember;
import dev.relations.schemas.RemoveRoomMembers;
import dev.relations.schemas.RoomCreated;
import dev.relations.schemas.RoomMembersJoined;
import dev.relations.schemas.RoomMembersLeft;
import dev.relations.schemas.RoomOwnerChanged;
import dev.relations.schemas.StoredRoom;
import dev.relations.schemas.TransferRoomOwner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.relations.engine.RoomSteps.CHAT;
import static dev.relations.engine.RoomSteps.FEW;
import static dev.relations.engine.RoomSteps.createBody;
import static dev.relations.engine.TopologyHarness.NOW;
import static dev.relations.engine.TopologyHarness.allKeys;
import static dev.relations.engine.TopologyHarness.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/** Chatroom creation, membership and roles through the whole topology: each join takes a seat at the user first. */
class RelationsTopologyRoomTest extends TopologyTest {
    @Test
    void creating_a_room_answers_its_id_and_stores_owner_and_members_in_join_order() {
        relations.given(CHAT, "alice", "bob", "carol");

        var outcome = rooms.create(CHAT, "100", "alice", "bob", "carol");

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getDataJson()).isEqualTo("{\"id\":\"100\"}");
        assertThat(rooms.room(CHAT, "100")).isEqualTo(new StoredRoom("room 100", "about 100", 1000, "alice", "", NOW, false));
        assertThat(rooms.memberOrder(CHAT, "100")).containsExactly("alice", "bob", "carol");
        assertThat(rooms.roles(CHAT, "100")).containsOnly(entry("alice", "OWNER"), entry("bob", "MEMBER"), entry("carol", "MEMBER"));
        assertThat(rooms.roomCounter(CHAT, "100", RoomStores.MEMBERS)).isEqualTo(3);
        assertThat(rooms.seats(CHAT, "bob")).containsExactly("100");
        assertThat(rooms.seatCount(CHAT, "alice")).isEqualTo(1);
        assertThat(allKeys(relations.store(StoreNames.ROOM_BATCHES))).isEmpty();
    }

    @Test
    void creating_a_room_publishes_room_created_then_members_joined_on_the_rooms_aggregate() {
        relations.given(CHAT, "alice", "bob", "carol");

        rooms.create(CHAT, "100", "alice", "bob", "carol");

        assertThat(relations.events.readKeyValuesToList())
                .extracting(kv -> kv.key, kv -> kv.value.getEventType(), kv -> kv.value.getAggregate().getType(),
                        kv -> TopologyHarness.aggregateKey(kv.value), kv -> kv.value.getSeq(), kv -> kv.value.getPayload())
                .containsExactly(
                        tuple("acme#chat/room/100", "room.created", "chatroom", "acme#chat/room/100", 1L,
                                new RoomCreated("100", "room 100", "about 100", 1000, "alice", "", NOW,
                                        List.of("alice", "bob", "carol"), List.of())),
                        tuple("acme#chat/room/100", "room.members.joined", "chatroom", "acme#chat/room/100", 2L,
                                new RoomMembersJoined("100", List.of("bob", "carol"), "DIRECT", 3)));
    }

    @Test
    void creating_a_room_tells_the_owner_and_each_pulled_in_member() {
        relations.given(CHAT, "alice", "bob", "carol");

        rooms.create(CHAT, "100", "alice", "bob", "carol");

        assertThat(relations.notifications.readKeyValuesToList())
                .extracting(kv -> kv.key, kv -> kv.value.getType(), kv -> kv.value.getRoom(), kv -> kv.value.getMember(),
                        kv -> kv.value.getMemberCount())
                .containsExactly(
                        tuple("acme#chat/user/alice", "chatroom.CREATE", "100", List.of("alice", "bob", "carol"), null),
                        tuple("acme#chat/user/bob", "chatroom.JOIN", "100", List.of("bob", "carol"), 3),
                        tuple("acme#chat/user/carol", "chatroom.JOIN", "100", List.of("bob", "carol"), 3));
    }

    @Test
    void creating_a_room_with_an_unknown_member_answers_404_and_stores_nothing() {
        relations.given(CHAT, "alice", "carol");

        var outcome = rooms.create(CHAT, "100", "alice", "bob", "carol");

        assertRejected(outcome, 404, "resource_not_found", "ResourceNotFoundException", "username bob doesn't exist!");
        for (var store : List.of(StoreNames.ROOMS, StoreNames.ROOM_MEMBERS, StoreNames.ROOM_MEMBER_ORDER,
                StoreNames.ROOM_BATCHES, StoreNames.SEATS, StoreNames.SEAT_ORDER)) {
            assertThat(allKeys(relations.store(store))).as(store.name()).isEmpty();
        }
        assertThat(rooms.roomCounter(CHAT, "100", RoomStores.MEMBERS)).isZero();
        assertThat(rooms.seatCount(CHAT, "alice")).isZero();
        assertThat(relations.events.readValuesToList()).isEmpty();
    }

    @Test
    void adding_a_member_answers_add_member_and_takes_a_seat() {
        relations.given(CHAT, "alice", "bob", "dave");
        rooms.givenRoom(CHAT, "100", "alice", "bob");

        var outcome = relations.sendToRoom(CHAT, "100", new AddRoomMember("100", "dave"));

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getDataJson()).isEqualTo("{\"result\":true,\"action\":\"add_member\",\"user\":\"dave\",\"id\":\"100\"}");
        assertThat(rooms.memberOrder(CHAT, "100")).containsExactly("alice", "bob", "dave");
        assertThat(rooms.seats(CHAT, "dave")).containsExactly("100");
        assertThat(relations.events.readValuesToList()).extracting(EventEnvelope::getPayload)
                .containsExactly(new RoomMembersJoined("100", List.of("dave"), "DIRECT", 3));
    }

    @Test
    void adding_a_member_already_in_the_room_answers_400_forbidden_op() {
        relations.given(CHAT, "alice", "bob");
        rooms.givenRoom(CHAT, "100", "alice", "bob");

        var outcome = relations.sendToRoom(CHAT, "100", new AddRoomMember("100", "bob"));

        assertRejected(outcome, 400, "forbidden_op", "EasemobForbiddenOpException",
                "can not join this group, reason:user: bob already in group: 100\n");
        assertThat(rooms.seatCount(CHAT, "bob")).isEqualTo(1);
    }

    @Test
    void adding_a_member_to_a_full_room_answers_403_exceed_limit() {
        relations.given(CHAT, "alice", "bob", "carol");
        relations.sendToRoom(CHAT, "100", createBody("100", 2, "alice", "bob"));

        var outcome = relations.sendToRoom(CHAT, "100", new AddRoomMember("100", "carol"));

        assertRejected(outcome, 403, "exceed_limit", "EasemobLimitExceededException",
                "members size is greater than max user size !");
        assertThat(rooms.seats(CHAT, "carol")).isEmpty();
    }

    @Test
    void adding_a_user_at_the_joined_rooms_limit_answers_403_and_leaves_no_pending_place() {
        relations.given(FEW, "o1", "o2", "o3", "bob");
        rooms.givenRoom(FEW, "1", "o1", "bob");
        rooms.givenRoom(FEW, "2", "o2", "bob");
        rooms.givenRoom(FEW, "3", "o3");

        var outcome = relations.sendToRoom(FEW, "3", new AddRoomMember("3", "bob"));

        assertRejected(outcome, 403, "exceed_limit", "EasemobLimitExceededException",
                "can not join this group, reason:user bob has joined too many chatrooms!");
        assertThat(rooms.roles(FEW, "3")).containsOnlyKeys("o3");
        assertThat(rooms.roomCounter(FEW, "3", RoomStores.MEMBERS)).isEqualTo(1);
        assertThat(rooms.seats(FEW, "bob")).containsExactly("1", "2");
    }

    @Test
    void a_batch_add_answers_only_the_users_who_joined() {
        relations.given(CHAT, "alice", "bob", "dave", "erin");
        rooms.givenRoom(CHAT, "100", "alice", "bob");

        var outcome = relations.sendToRoom(CHAT, "100", new AddRoomMembers("100", List.of("dave", "nobody", "bob", "erin")));

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getDataJson())
                .isEqualTo("{\"newmembers\":[\"dave\",\"erin\"],\"action\":\"add_member\",\"id\":\"100\"}");
        assertThat(rooms.memberOrder(CHAT, "100")).containsExactly("alice", "bob", "dave", "erin");
        assertThat(rooms.roles(CHAT, "100")).doesNotContainKey("nobody");
        assertThat(allKeys(relations.store(StoreNames.ROOM_BATCHES))).isEmpty();
    }

    @Test
    void a_batch_add_gives_the_places_of_unknown_users_and_users_in_too_many_rooms_to_the_next_in_line() {
        relations.given(FEW, "alice", "bob", "carol", "dave", "erin");
        rooms.givenRoom(FEW, "1", "bob");
        rooms.givenRoom(FEW, "2", "bob");
        assertThat(relations.sendToRoom(FEW, "3", createBody("3", 3, "alice")).getStatus()).isEqualTo(200);

        var outcome = relations.sendToRoom(FEW, "3", new AddRoomMembers("3", List.of("nobody", "bob", "carol", "dave", "erin")));

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getDataJson())
                .isEqualTo("{\"newmembers\":[\"carol\",\"dave\"],\"action\":\"add_member\",\"id\":\"3\"}");
        assertThat(rooms.memberOrder(FEW, "3")).containsExactly("alice", "carol", "dave");
        assertThat(rooms.roomCounter(FEW, "3", RoomStores.MEMBERS)).isEqualTo(3);
        assertThat(rooms.seats(FEW, "erin")).isEmpty();
        assertThat(rooms.seats(FEW, "bob")).containsExactly("1", "2");
        assertThat(allKeys(relations.store(StoreNames.ROOM_BATCHES))).isEmpty();
    }

    @Test
    void a_batch_add_to_a_full_room_succeeds_with_no_new_members() {
        relations.given(CHAT, "alice", "bob", "carol");
        relations.sendToRoom(CHAT, "100", createBody("100", 2, "alice", "bob"));

        var outcome = relations.sendToRoom(CHAT, "100", new AddRoomMembers("100", List.of("carol")));

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getDataJson()).isEqualTo("{\"newmembers\":[],\"action\":\"add_member\",\"id\":\"100\"}");
        assertThat(rooms.seats(CHAT, "carol")).isEmpty();
    }

    @Test
    void removing_a_member_answers_remove_member_and_frees_the_seat() {
        relations.given(CHAT, "alice", "bob");
        rooms.givenRoom(CHAT, "100", "alice", "bob");

        var outcome = relations.sendToRoom(CHAT, "100", new RemoveRoomMember("100", "bob"));

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getDataJson())
                .isEqualTo("{\"result\":true,\"action\":\"remove_member\",\"user\":\"bob\",\"id\":\"100\"}");
        assertThat(rooms.memberOrder(CHAT, "100")).containsExactly("alice");
        assertThat(rooms.seats(CHAT, "bob")).isEmpty();
        assertThat(rooms.seatCount(CHAT, "bob")).isZero();
        assertThat(relations.events.readValuesToList()).extracting(EventEnvelope::getPayload)
                .containsExactly(new RoomMembersLeft("100", List.of("bob"), "KICK"));
        assertThat(relations.notifications.readValuesToList())
                .extracting(n -> n.getRecipient(), n -> n.getType(), n -> n.getOperationType(), n -> n.getRoom(), n -> n.getMember())
                .containsExactly(tuple("bob", "chatroom.LEAVE", "KICK", "100", List.of("bob")));
    }

    @Test
    void a_batch_removal_answers_each_user_with_a_reason_for_the_ones_left_in() {
        relations.given(CHAT, "alice", "bob");
        rooms.givenRoom(CHAT, "100", "alice", "bob");

        var outcome = relations.sendToRoom(CHAT, "100", new RemoveRoomMembers("100", List.of("bob", "zed", "alice")));

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getDataJson()).isEqualTo("["
                + "{\"result\":true,\"action\":\"remove_member\",\"user\":\"bob\",\"id\":\"100\"},"
                + "{\"result\":false,\"action\":\"remove_member\",\"reason\":\"user: zed doesn't exist in group: 100\",\"user\":\"zed\",\"id\":\"100\"},"
                + "{\"result\":false,\"action\":\"remove_member\",\"reason\":\"forbidden operation on group owner!\",\"user\":\"alice\",\"id\":\"100\"}]");
        assertThat(rooms.memberOrder(CHAT, "100")).containsExactly("alice");
        assertThat(rooms.seats(CHAT, "bob")).isEmpty();
    }

    @Test
    void adding_and_removing_an_admin_answers_success_and_keeps_the_admin_count() {
        relations.given(CHAT, "alice", "bob");
        rooms.givenRoom(CHAT, "100", "alice", "bob");

        var added = relations.sendToRoom(CHAT, "100", new AddRoomAdmin("100", "bob"));
        var countWhileAdmin = rooms.roomCounter(CHAT, "100", RoomStores.ADMINS);
        var removed = relations.sendToRoom(CHAT, "100", new RemoveRoomAdmin("100", "bob"));

        assertThat(added.getDataJson()).isEqualTo("{\"result\":\"success\",\"newadmin\":\"bob\"}");
        assertThat(countWhileAdmin).isEqualTo(1);
        assertThat(removed.getDataJson()).isEqualTo("{\"result\":\"success\",\"oldadmin\":\"bob\"}");
        assertThat(rooms.roomCounter(CHAT, "100", RoomStores.ADMINS)).isZero();
        assertThat(rooms.roles(CHAT, "100")).containsEntry("bob", "MEMBER");
        assertThat(rooms.eventTypes()).containsExactly("room.admins.added", "room.admins.removed");
    }

    @Test
    void removing_an_admin_role_nobody_has_answers_403_forbidden_op() {
        relations.given(CHAT, "alice", "bob");
        rooms.givenRoom(CHAT, "100", "alice", "bob");

        var outcome = relations.sendToRoom(CHAT, "100", new RemoveRoomAdmin("100", "bob"));

        assertRejected(outcome, 403, "forbidden_op", "EasemobForbiddenOpException", "user:bob is not admin of group:100");
    }

    @Test
    void an_unknown_user_is_404_on_member_removal_admin_changes_and_owner_transfer() {
        relations.given(CHAT, "alice", "bob");
        rooms.givenRoom(CHAT, "100", "alice", "bob");

        for (var body : List.of(new RemoveRoomMember("100", "zed"), new AddRoomAdmin("100", "zed"),
                new RemoveRoomAdmin("100", "zed"), new TransferRoomOwner("100", "zed"))) {
            assertRejected(relations.sendToRoom(CHAT, "100", body), 404, "resource_not_found", "ResourceNotFoundException",
                    "username zed doesn't exist!");
        }
        assertThat(relations.events.readValuesToList()).isEmpty();
        assertThat(rooms.roles(CHAT, "100")).containsOnly(entry("alice", "OWNER"), entry("bob", "MEMBER"));
    }

    @Test
    void a_registered_non_member_gets_each_rules_own_error_after_the_lookup() {
        relations.given(CHAT, "alice", "bob", "carol");
        rooms.givenRoom(CHAT, "100", "alice", "bob");

        assertRejected(relations.sendToRoom(CHAT, "100", new RemoveRoomMember("100", "carol")), 400, "forbidden_op",
                "EasemobForbiddenOpException", "users [carol] are not members of this group!");
        assertRejected(relations.sendToRoom(CHAT, "100", new AddRoomAdmin("100", "carol")), 400, "forbidden_op",
                "EasemobForbiddenOpException", "users [carol] are not members of this group!");
        assertRejected(relations.sendToRoom(CHAT, "100", new RemoveRoomAdmin("100", "carol")), 403, "forbidden_op",
                "EasemobForbiddenOpException", "user:carol is not admin of group:100");
        assertRejected(relations.sendToRoom(CHAT, "100", new TransferRoomOwner("100", "carol")), 403, "forbidden_op",
                "EasemobForbiddenOpException", "user: carol doesn't exist in group: 100");
        assertThat(relations.followUps.readValuesToList()).extracting(c -> c.getBody().getClass().getSimpleName())
                .containsOnly("CheckRoomUser", "RoomUserChecked");
    }

    @Test
    void transferring_the_owner_makes_the_old_owner_an_ordinary_member() {
        relations.given(CHAT, "alice", "bob");
        rooms.givenRoom(CHAT, "100", "alice", "bob");
        relations.sendToRoom(CHAT, "100", new AddRoomAdmin("100", "bob"));
        relations.clearOutputs();

        var outcome = relations.sendToRoom(CHAT, "100", new TransferRoomOwner("100", "bob"));

        assertThat(outcome.getDataJson()).isEqualTo("{\"newowner\":true}");
        assertThat(rooms.room(CHAT, "100").getOwner()).isEqualTo("bob");
        assertThat(rooms.roles(CHAT, "100")).containsOnly(entry("alice", "MEMBER"), entry("bob", "OWNER"));
        assertThat(rooms.roomCounter(CHAT, "100", RoomStores.ADMINS)).isZero();
        assertThat(relations.events.readValuesToList()).extracting(EventEnvelope::getEventType, EventEnvelope::getPayload)
                .endsWith(tuple("room.owner_changed", new RoomOwnerChanged("100", "alice", "bob")));
    }

    @Test
    void transferring_to_the_current_owner_answers_403() {
        relations.given(CHAT, "alice");
        rooms.givenRoom(CHAT, "100", "alice");

        var outcome = relations.sendToRoom(CHAT, "100", new TransferRoomOwner("100", "alice"));

        assertRejected(outcome, 403, "forbidden_op", "EasemobForbiddenOpException", "new owner and old owner are the same");
    }

    @Test
    void adding_a_member_to_an_unknown_room_answers_404_without_asking_the_user() {
        relations.given(CHAT, "bob");

        var outcome = relations.sendToRoom(CHAT, "999", new AddRoomMember("999", "bob"));

        assertRejected(outcome, 404, "resource_not_found", "ResourceNotFoundException", "grpID 999 does not exist!");
        assertThat(relations.followUps.readValuesToList()).isEmpty();
    }

    @Test
    void a_room_command_sent_to_a_user_key_is_answered_as_malformed_and_changes_nothing() {
        relations.given(CHAT, "alice");

        var outcome = relations.send(CHAT, "alice", createBody("100", null, "alice"));

        assertRejected(outcome, 500, "unsupported_service_operation", "UnsupportedServiceOperationException",
                "Service operation not supported");
        assertThat(allKeys(relations.store(StoreNames.ROOM_MEMBERS))).isEmpty();
    }
}
