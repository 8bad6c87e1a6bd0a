package dev.relations.engine;

import dev.relations.schemas.Actor;
import dev.relations.schemas.ContactAdded;
import dev.relations.schemas.ContactRemarkSet;
import dev.relations.schemas.ContactRemoved;
import dev.relations.schemas.EventAggregate;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.EventRequest;
import dev.relations.schemas.Notification;
import dev.relations.schemas.RoomAdminsAdded;
import dev.relations.schemas.RoomAllowlistAdded;
import dev.relations.schemas.RoomAllowlistRemoved;
import dev.relations.schemas.RoomBlocklistAdded;
import dev.relations.schemas.RoomBlocklistRemoved;
import dev.relations.schemas.RoomCreated;
import dev.relations.schemas.RoomMembersJoined;
import dev.relations.schemas.RoomMembersLeft;
import dev.relations.schemas.RoomMuteAllSet;
import dev.relations.schemas.RoomMutesAdded;
import dev.relations.schemas.RoomMutesRemoved;
import dev.relations.schemas.RoomOwnerChanged;
import dev.relations.schemas.RoomSuperAdminsRemoved;
import dev.relations.schemas.RoomUpdated;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Notifications against SPEC E.2 (roster) and E.3 (chatroom `group_op_event`), row by row. */
class NotifierTest {
    private static final String APP = "acme#chat";

    // ------------------------------------------------------------------ E.2

    @Test
    void add_is_told_to_the_target_only_with_the_initiator_in_from_and_an_empty_reason() {
        var atTarget = Notifier.of(user("bob", 7, new ContactAdded("bob", "alice", true, "rest", true, "alice")));
        var atInitiator = Notifier.of(user("alice", 7, new ContactAdded("alice", "bob", true, "rest", true, "alice")));

        assertThat(atInitiator).isEmpty();
        assertThat(atTarget).extracting(kv -> kv.key).containsExactly(APP + "/user/bob");
        var add = atTarget.getFirst().value;
        assertThat(add.getChatType()).isEqualTo("roster");
        assertThat(add.getOperation()).isEqualTo("add");
        assertThat(add.getFrom()).isEqualTo("acme#chat_alice@easemob.com");
        assertThat(add.getReason()).isEmpty();
    }

    @Test
    void an_add_without_notice_tells_nobody() {
        assertThat(Notifier.of(user("bob", 7, new ContactAdded("bob", "alice", true, "import", false, "alice")))).isEmpty();
    }

    /** G-17: a removal is bidirectional, and E.2 tells `remove` to the other side. */
    @Test
    void remove_is_told_to_the_other_side_with_its_roster_version() {
        var atOther = Notifier.of(user("bob", 9, new ContactRemoved("bob", "alice", "REST", "alice", true)));
        var atRemover = Notifier.of(user("alice", 9, new ContactRemoved("alice", "bob", "REST", "alice", true)));
        var later = Notifier.of(user("bob", 12, new ContactRemoved("bob", "carol", "REST", "carol", true)));

        assertThat(atRemover).isEmpty();
        var remove = atOther.getFirst().value;
        assertThat(remove.getRecipient()).isEqualTo("bob");
        assertThat(remove.getOperation()).isEqualTo("remove");
        assertThat(remove.getFrom()).isEqualTo("acme#chat_alice@easemob.com");
        assertThat(remove.getRosterVer()).matches("[0-9a-f]{40}").isNotEqualTo(later.getFirst().value.getRosterVer());
    }

    /** G-20: remark_set is an extension event with no Easemob callback, so nobody is told. */
    @Test
    void a_remark_tells_nobody() {
        assertThat(Notifier.of(user("alice", 4, new ContactRemarkSet("alice", "bob", "Bobby")))).isEmpty();
    }

    @Test
    void the_removal_of_a_deleted_owners_own_side_tells_nobody_and_its_friend_is_told_remove() {
        assertThat(Notifier.of(user("alice", 3, new ContactRemoved("alice", "bob", "OWNER_DELETED", "alice", true)))).isEmpty();
        assertThat(Notifier.of(user("bob", 3, new ContactRemoved("bob", "alice", "USER_DELETED", "alice", true))))
                .extracting(kv -> kv.value.getRecipient(), kv -> kv.value.getFrom())
                .containsExactly(tuple("bob", "acme#chat_alice@easemob.com"));
    }

    /** The target was told `add`; when the add is undone it is told `remove`, so its client's roster converges. */
    @Test
    void an_undone_add_tells_the_target_remove_from_the_initiator_with_its_roster_version() {
        var told = Notifier.of(user("bob", 8, new ContactRemoved("bob", "alice", "ROLLBACK", "alice", true)));

        assertThat(told).extracting(kv -> kv.key).containsExactly(APP + "/user/bob");
        var remove = told.getFirst().value;
        assertThat(remove.getChatType()).isEqualTo("roster");
        assertThat(remove.getType()).isEqualTo("roster.remove");
        assertThat(remove.getOperation()).isEqualTo("remove");
        assertThat(remove.getFrom()).isEqualTo("acme#chat_alice@easemob.com");
        assertThat(remove.getRosterVer()).as("the version a removal at the same place in bob's history gives")
                .isEqualTo(Notifier.of(user("bob", 8, new ContactRemoved("bob", "alice", "REST", "alice", true)))
                        .getFirst().value.getRosterVer());
        assertThat(remove.getReason()).isNull();
    }

    @Test
    void an_undone_add_the_target_was_not_told_tells_nobody() {
        assertThat(Notifier.of(user("bob", 8, new ContactRemoved("bob", "alice", "ROLLBACK", "alice", false)))).isEmpty();
    }

    // ------------------------------------------------------------------ E.3

    @Test
    void create_is_told_to_the_owner_with_members_and_info() {
        var told = Notifier.of(room("100", new RoomCreated("100", "lounge", "about", 200, "alice", "{}", 5L,
                List.of("alice", "bob"), List.of())));

        assertThat(told).hasSize(1);
        var create = told.getFirst().value;
        assertThat(told.getFirst().key).isEqualTo(APP + "/user/alice");
        assertThat(create.getChatType()).isEqualTo("chatroom");
        assertThat(create.getOperation()).isEqualTo("CREATE");
        assertThat(create.getOperationType()).isNull();
        assertThat(create.getRoom()).isEqualTo("100");
        assertThat(create.getOperator()).isEqualTo("@ppAdmin");
        assertThat(create.getRole()).containsExactly(Map.entry("alice", "owner"));
        assertThat(create.getMember()).containsExactly("alice", "bob");
        assertThat(create.getAdmin()).as("E.3 CREATE names admins in role").isEmpty();
        assertThat(create.getOwner()).as("E.3 CREATE names the owner in role and info").isNull();
        assertThat(create.getInfo()).containsExactly(Map.entry("owner", "acme#chat_alice"), Map.entry("created", "5"),
                Map.entry("custom", "{}"), Map.entry("description", "about"), Map.entry("mute", "false"),
                Map.entry("mute_duration", "0"), Map.entry("avatar", ""), Map.entry("title", "lounge"),
                Map.entry("max_users", "200"), Map.entry("invite_need_confirm", "false"), Map.entry("public", "true"),
                Map.entry("allow_user_invites", "false"), Map.entry("disabled", "false"), Map.entry("last_modified", "5"));
    }

    @Test
    void create_names_the_owner_and_each_admin_in_role() {
        var told = Notifier.of(room("100", new RoomCreated("100", "lounge", "about", 200, "alice", "{}", 5L,
                List.of("alice", "bob", "carol"), List.of("bob", "carol"))));

        assertThat(told.getFirst().value.getRole())
                .containsExactly(Map.entry("alice", "owner"), Map.entry("bob", "admin"), Map.entry("carol", "admin"));
    }

    @Test
    void info_updates_and_mute_all_are_told_once_to_the_room() {
        var info = Notifier.of(room("100", new RoomUpdated("100", "renamed", null, 300)));
        var muteAll = Notifier.of(room("100", new RoomMuteAllSet("100", true)));

        assertThat(info).extracting(kv -> kv.key, kv -> kv.value.getAudience(), kv -> kv.value.getRecipient(),
                        kv -> kv.value.getOperation(), kv -> kv.value.getOperationType(), kv -> kv.value.getInfo())
                .containsExactly(tuple(APP + "/room/100", "room", "100", "UPDATE", "INFO",
                        Map.of("title", "renamed", "max_users", "300")));
        assertThat(muteAll).extracting(kv -> kv.key, kv -> kv.value.getOperation(), kv -> kv.value.getOperationType(),
                        kv -> kv.value.getMute())
                .containsExactly(tuple(APP + "/room/100", "UPDATE", "MUTE", true));
    }

    @Test
    void an_owner_change_is_told_to_both_owners() {
        assertThat(Notifier.of(room("100", new RoomOwnerChanged("100", "alice", "bob"))))
                .extracting(kv -> kv.value.getRecipient(), kv -> kv.value.getOperation(), kv -> kv.value.getOperationType(),
                        kv -> kv.value.getOwner(), kv -> kv.value.getNewOwner())
                .containsExactly(tuple("alice", "UPDATE", "OWNER", "alice", "bob"), tuple("bob", "UPDATE", "OWNER", "alice", "bob"));
    }

    @Test
    void a_join_is_told_to_each_joined_member_with_the_member_count() {
        assertThat(Notifier.of(room("100", new RoomMembersJoined("100", List.of("bob", "carol"), "DIRECT", 3))))
                .extracting(kv -> kv.value.getRecipient(), kv -> kv.value.getOperation(), kv -> kv.value.getOperationType(),
                        kv -> kv.value.getMember(), kv -> kv.value.getMemberCount())
                .containsExactly(tuple("bob", "JOIN", "DIRECT", List.of("bob", "carol"), 3),
                        tuple("carol", "JOIN", "DIRECT", List.of("bob", "carol"), 3));
    }

    @Test
    void a_leave_says_why_and_a_deleted_member_is_not_told() {
        assertThat(Notifier.of(room("100", new RoomMembersLeft("100", List.of("bob"), "BLOCK"))))
                .extracting(kv -> kv.value.getOperation(), kv -> kv.value.getOperationType(), kv -> kv.value.getMember())
                .containsExactly(tuple("LEAVE", "BLOCK", List.of("bob")));
        assertThat(Notifier.of(room("100", new RoomMembersLeft("100", List.of("bob"), "USER_DELETED")))).isEmpty();
    }

    /** E.3 rows BLOCK, WHITE, MUTE and ADMIN; G-21: a permanent mute is told with Easemob's 4638873600000. */
    @Test
    void list_changes_use_block_white_mute_and_admin_with_add_or_remove() {
        var told = new ArrayList<KeyValue<String, Notification>>();
        told.addAll(Notifier.of(room("100", new RoomBlocklistAdded("100", List.of("bob")))));
        told.addAll(Notifier.of(room("100", new RoomBlocklistRemoved("100", List.of("bob"), "API"))));
        told.addAll(Notifier.of(room("100", new RoomAllowlistAdded("100", List.of("bob")))));
        told.addAll(Notifier.of(room("100", new RoomAllowlistRemoved("100", List.of("bob"), "API"))));
        told.addAll(Notifier.of(room("100", new RoomMutesAdded("100", List.of("bob"), 9_000L))));
        told.addAll(Notifier.of(room("100", new RoomMutesAdded("100", List.of("bob"), null))));
        told.addAll(Notifier.of(room("100", new RoomMutesRemoved("100", List.of("bob"), "API"))));
        told.addAll(Notifier.of(room("100", new RoomAdminsAdded("100", List.of("bob")))));

        assertThat(told).extracting(kv -> kv.value.getOperation(), kv -> kv.value.getOperationType(), kv -> kv.value.getMember(),
                        kv -> kv.value.getAdmin(), kv -> kv.value.getExpireTimestamp())
                .containsExactly(
                        tuple("BLOCK", "ADD", List.of("bob"), List.of(), RoomNotices.FOREVER),
                        tuple("BLOCK", "REMOVE", List.of("bob"), List.of(), null),
                        tuple("WHITE", "ADD", List.of("bob"), List.of(), null),
                        tuple("WHITE", "REMOVE", List.of("bob"), List.of(), null),
                        tuple("MUTE", "ADD", List.of("bob"), List.of(), 9_000L),
                        tuple("MUTE", "ADD", List.of("bob"), List.of(), 4_638_873_600_000L),
                        tuple("MUTE", "REMOVE", List.of("bob"), List.of(), null),
                        tuple("ADMIN", "ADD", List.of(), List.of("bob"), null));
    }

    @Test
    void a_deleted_users_list_entries_go_without_telling_that_name() {
        assertThat(Notifier.of(room("100", new RoomBlocklistRemoved("100", List.of("bob"), "USER_DELETED")))).isEmpty();
        assertThat(Notifier.of(room("100", new RoomAllowlistRemoved("100", List.of("bob"), "USER_DELETED")))).isEmpty();
        assertThat(Notifier.of(room("100", new RoomMutesRemoved("100", List.of("bob"), "USER_DELETED")))).isEmpty();
    }

    @Test
    void super_admin_changes_are_told_to_each_user_with_an_empty_room_id() {
        assertThat(Notifier.of(envelope(new EventAggregate("app", APP), new RoomSuperAdminsRemoved(List.of("bob")))))
                .extracting(kv -> kv.key, kv -> kv.value.getOperation(), kv -> kv.value.getOperationType(), kv -> kv.value.getRoom(),
                        kv -> kv.value.getAdmin())
                .containsExactly(tuple(APP + "/user/bob", "ROOM_SUPER_ADMIN", "REMOVE", "", List.of("bob")));
    }

    // ------------------------------------------------------------------ coverage

    /**
     * Every branch of the events' payload union has a notification decision: an event type
     * added to the schema without one fails here (Notifier throws for it) instead of going untold.
     */
    @Test
    void every_payload_type_has_a_notification_decision() {
        var payloads = EventEnvelope.getClassSchema().getField("payload").schema().getTypes();
        assertThat(payloads).hasSizeGreaterThan(20);
        for (var schema : payloads) {
            var payload = sample(schema);
            assertThat(Notifier.of(user("bob", 1, payload))).as(schema.getName()).isNotNull();
        }
    }

    @Test
    void a_payload_without_a_decision_is_refused_not_silently_untold() {
        assertThatThrownBy(() -> Notifier.of(user("bob", 1, new EventRequest("r", null, ""))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no notification decision for EventRequest");
    }

    /** An instance of a generated record with every field filled (strings "u1", lists of one, numbers 1, unions their non-null branch). */
    private static Object sample(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> {
                var record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
                for (var field : schema.getFields()) {
                    record.put(field.pos(), sample(field.schema()));
                }
                yield record;
            }
            case UNION -> sample(schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow());
            case ARRAY -> List.of(sample(schema.getElementType()));
            case MAP -> Map.of("k", sample(schema.getValueType()));
            case STRING -> "u1";
            case INT -> 1;
            case LONG -> 1L;
            case BOOLEAN -> true;
            default -> throw new IllegalArgumentException(schema.toString());
        };
    }

    private static EventEnvelope user(String user, long seq, Object payload) {
        var event = envelope(new EventAggregate("user", user), payload);
        event.setSeq(seq);
        return event;
    }

    private static EventEnvelope room(String room, Object payload) {
        return envelope(new EventAggregate("chatroom", room), payload);
    }

    private static EventEnvelope envelope(EventAggregate aggregate, Object payload) {
        return EventEnvelope.newBuilder()
                .setEventId("0190e9a4-0000-7000-8000-000000000001")
                .setEventType("test")
                .setSchema$(2)
                .setOrg("acme")
                .setApp("chat")
                .setAggregate(aggregate)
                .setSeq(1)
                .setOccurredAt(5L)
                .setActor(new Actor("app_admin", "@ppAdmin"))
                .setRequest(new EventRequest("r", null, ""))
                .setPayload(payload)
                .build();
    }
}
