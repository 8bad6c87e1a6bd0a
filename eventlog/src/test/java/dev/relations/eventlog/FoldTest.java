package dev.relations.eventlog;

import dev.relations.eventlog.FoldedState.Contact;
import dev.relations.eventlog.FoldedState.Mute;
import dev.relations.schemas.ContactAdded;
import dev.relations.schemas.ContactRemarkSet;
import dev.relations.schemas.ContactRemoved;
import dev.relations.schemas.EventAggregate;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.EventRequest;
import dev.relations.schemas.RoomAdminsAdded;
import dev.relations.schemas.RoomCreated;
import dev.relations.schemas.RoomDeleted;
import dev.relations.schemas.RoomMembersJoined;
import dev.relations.schemas.RoomMembersLeft;
import dev.relations.schemas.RoomMutesAdded;
import dev.relations.schemas.RoomOwnerChanged;
import dev.relations.schemas.UserDeleted;
import dev.relations.schemas.UserRegistered;
import dev.relations.schemas.UserUnblocked;
import dev.relations.schemas.UserView;
import dev.relations.schemas.UsersBlocked;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FoldTest {
    private final FoldStore store = FoldStore.open(null);
    private final Fold fold = new Fold(store);
    private final FoldedState state = new FoldedState(store);
    private long seq;

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void a_roster_lists_newest_first_with_remarks_and_a_removed_edge_takes_its_remark_along() {
        register("ann", "bob", "cid");
        apply("ann", new ContactAdded("ann", "bob", true, "rest", true, "ann"));
        apply("ann", new ContactAdded("ann", "cid", true, "rest", true, "ann"));
        apply("ann", new ContactRemarkSet("ann", "bob", "Bobby"));
        assertThat(state.user("ann").contacts()).containsExactly(new Contact("cid", null), new Contact("bob", "Bobby"));

        apply("ann", new ContactRemoved("ann", "bob", "REST", "ann", true));
        apply("ann", new ContactAdded("ann", "bob", true, "rest", true, "ann"));
        assertThat(state.user("ann").contacts()).containsExactly(new Contact("bob", null), new Contact("cid", null));
    }

    @Test
    void blocks_list_newest_first_and_a_deleted_user_has_no_lists() {
        register("ann", "bob", "cid");
        apply("ann", new UsersBlocked("ann", List.of("bob", "cid")));
        assertThat(state.user("ann").blocks()).containsExactly("cid", "bob");
        apply("ann", new UserUnblocked("ann", "cid", "REST"));
        assertThat(state.user("ann").blocks()).containsExactly("bob");

        apply("ann", new UserDeleted("ann"));
        assertThat(state.user("ann").exists()).isFalse();
        register("ann");
        assertThat(state.user("ann").blocks()).isEmpty();
    }

    @Test
    void a_room_keeps_join_order_roles_and_mutes_and_its_deletion_releases_every_member() {
        register("ann", "bob", "cid");
        applyRoom("7", new RoomCreated("7", "lounge", "d", 200, "ann", "", 1L, List.of("ann"), List.of()));
        applyRoom("7", new RoomMembersJoined("7", List.of("bob", "cid"), "DIRECT", 3));
        applyRoom("7", new RoomAdminsAdded("7", List.of("bob")));
        applyRoom("7", new RoomMutesAdded("7", List.of("cid"), 5_000L));
        applyRoom("7", new RoomOwnerChanged("7", "ann", "cid"));
        var room = state.room("7", 1_000L);
        assertThat(room.members()).containsExactly("ann", "bob", "cid");
        assertThat(room.owner()).isEqualTo("cid");
        assertThat(room.admins()).containsExactly("bob");
        assertThat(room.mutes()).containsExactly(new Mute("cid", 5_000L));
        assertThat(state.room("7", 5_000L).mutes()).isEmpty();
        applyRoom("7", new RoomMutesAdded("7", List.of("bob"), null));
        assertThat(state.room("7", Long.MAX_VALUE).mutes()).as("a permanent mute (expire_at null) never lapses")
                .containsExactly(new Mute("bob", -1L));
        assertThat(state.user("bob").joinedRooms()).containsExactly("7");

        applyRoom("7", new RoomMembersLeft("7", List.of("bob"), "KICK"));
        applyRoom("7", new RoomMembersJoined("7", List.of("bob"), "DIRECT", 3));
        assertThat(state.room("7", 0).admins()).as("the admin role left with the member").isEmpty();
        assertThat(state.room("7", 0).members()).containsExactly("ann", "cid", "bob");

        applyRoom("7", new RoomDeleted("7"));
        assertThat(state.room("7", 0).exists()).isFalse();
        assertThat(state.user("bob").joinedRooms()).isEmpty();
        assertThat(state.user("ann").joinedRooms()).isEmpty();
    }

    private void register(String... names) {
        for (var name : names) {
            apply(name, new UserRegistered(new UserView("uuid-" + name, name, 1L, 1L, true, null)));
        }
    }

    private void apply(String user, Object payload) {
        fold.apply(envelope("user", "o#a/user/" + user, payload));
    }

    private void applyRoom(String room, Object payload) {
        fold.apply(envelope("chatroom", "o#a/room/" + room, payload));
    }

    private EventEnvelope envelope(String type, String aggregate, Object payload) {
        seq++;
        return EventEnvelope.newBuilder().setEventId("e" + seq).setEventType("t").setSchema$(2).setOrg("o").setApp("a")
                .setAggregate(new EventAggregate(type, aggregate.substring(aggregate.lastIndexOf('/') + 1)))
                .setSeq(seq).setOccurredAt(seq).setRequest(new EventRequest("r" + seq, null, "")).setPayload(payload).build();
    }
}
