package dev.relations.engine;

import dev.relations.domain.app.AppLimits;
import dev.relations.domain.common.Tenant;
import dev.relations.mapping.RecordKeys;
import dev.relations.query.StateQueries.CreationPosition;
import dev.relations.schemas.ActivateUser;
import dev.relations.schemas.AddRoomMember;
import dev.relations.schemas.AddSuperAdmin;
import dev.relations.schemas.DeactivateUser;
import dev.relations.schemas.DeleteUser;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.RegisterUser;
import dev.relations.schemas.RemoveSuperAdmin;
import dev.relations.schemas.RoomSuperAdminsAdded;
import dev.relations.schemas.RoomSuperAdminsRemoved;
import dev.relations.schemas.UserActivated;
import dev.relations.schemas.UserDeactivated;
import dev.relations.schemas.UserView;
import dev.relations.store.Keys;
import dev.relations.store.StoreApp;
import dev.relations.store.StoreNames;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.relations.engine.RoomSteps.CHAT;
import static dev.relations.engine.TopologyHarness.NOW;
import static dev.relations.engine.TopologyHarness.assertRejected;
import static dev.relations.engine.TopologyHarness.name;
import static dev.relations.engine.TopologyHarness.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The user registry beyond register and delete: deactivation (SPEC B.3), the app's users in creation
 * order, the per-app registered-user quota (SPEC B.2) and the chatroom super admins (SPEC D.6).
 */
class RelationsTopologyUsersTest extends TopologyTest {
    private static final Tenant OTHER = new Tenant("acme", "other");
    /** An app whose quota is two registered users. */
    private static final Tenant SMALL = new Tenant("acme", "small");
    private static final Limits LIMITS = new Limits(RoomSteps.LIMITS.roster(), RoomSteps.LIMITS.rooms(), RoomSteps.LIMITS.seats(),
            tenant -> new AppLimits(tenant.equals(SMALL) ? 2 : 0));

    @Override
    TopologyHarness harness(Path stateDir) {
        return new TopologyHarness(stateDir, LIMITS);
    }

    @Test
    void deactivating_answers_the_user_with_activated_false_and_publishes_user_deactivated() {
        relations.given(CHAT, "alice");

        var outcome = relations.send(CHAT, "alice", new DeactivateUser("alice"));

        assertThat(outcome.getStatus()).isEqualTo(200);
        assertThat(outcome.getEntities()).singleElement().satisfies(u -> {
            assertThat(u.getActivated()).isFalse();
            assertThat(u.getModified()).isEqualTo(NOW);
        });
        assertThat(relations.events.readValuesToList())
                .extracting(EventEnvelope::getEventType, TopologyHarness::aggregateKey, EventEnvelope::getPayload)
                .containsExactly(tuple("user.deactivated", "acme#chat/user/alice", new UserDeactivated("alice")));
        assertThat(relations.queries().user(CHAT, name("alice")).map(UserView::getActivated)).contains(false);
    }

    @Test
    void activating_again_publishes_user_activated() {
        relations.given(CHAT, "alice");
        relations.send(CHAT, "alice", new DeactivateUser("alice"));
        relations.clearOutputs();

        var outcome = relations.send(CHAT, "alice", new ActivateUser("alice"));

        assertThat(outcome.getEntities()).singleElement().satisfies(u -> assertThat(u.getActivated()).isTrue());
        assertThat(relations.events.readValuesToList()).extracting(EventEnvelope::getPayload)
                .containsExactly(new UserActivated("alice"));
    }

    @Test
    void a_deactivated_user_keeps_its_relationships_and_is_answered_with_activated_false() {
        relations.given(CHAT, "alice", "bob", "carol");
        rooms.givenRoom(CHAT, "100", "alice");
        relations.send(CHAT, "bob", new DeactivateUser("bob"));
        relations.clearOutputs();

        var befriended = relations.add(CHAT, "alice", "bob");
        var joined = relations.sendToRoom(CHAT, "100", new AddRoomMember("100", "bob"));

        assertThat(befriended.getStatus()).isEqualTo(200);
        assertThat(befriended.getEntities()).singleElement().satisfies(u -> assertThat(u.getActivated()).isFalse());
        assertThat(joined.getStatus()).isEqualTo(200);
    }

    @Test
    void users_are_listed_in_creation_order_page_by_page() {
        register(CHAT, "carol", NOW - 3_000);
        register(CHAT, "alice", NOW - 2_000);
        register(CHAT, "bob", NOW - 2_000);
        register(CHAT, "dave", NOW - 1_000);
        register(OTHER, "erin", NOW - 5_000);

        var first = relations.queries().usersCreatedAfter(CHAT, Optional.empty(), 3);
        var last = first.getLast();
        var rest = relations.queries().usersCreatedAfter(CHAT,
                Optional.of(new CreationPosition(last.getCreated(), name(last.getUsername()))), 3);

        assertThat(first).extracting(UserView::getUsername).containsExactly("carol", "alice", "bob");
        assertThat(rest).extracting(UserView::getUsername).containsExactly("dave");
    }

    @Test
    void a_deleted_user_leaves_the_listing() {
        relations.given(CHAT, "alice", "bob");

        relations.send(CHAT, "alice", new DeleteUser("alice"));

        assertThat(relations.queries().usersCreatedAfter(CHAT, Optional.empty(), 10))
                .extracting(UserView::getUsername).containsExactly("bob");
    }

    @Test
    void an_app_with_a_quota_refuses_registrations_beyond_it_until_a_user_is_deleted() {
        relations.given(SMALL, "alice", "bob");

        var refused = relations.register(SMALL, "carol");
        relations.send(SMALL, "alice", new DeleteUser("alice"));
        var admitted = relations.register(SMALL, "carol");

        assertRejected(refused, 429, "resource_limited", "ResourceLimitedException",
                "You have exceeded the limit of the community edition,Please upgrade to the enterprise edition");
        assertThat(admitted.getStatus()).isEqualTo(200);
        assertThat(relations.queries().userExists(SMALL, name("carol"))).isTrue();
        assertThat(registeredUsers(SMALL)).isEqualTo(2);
    }

    @Test
    void a_duplicate_under_a_quota_keeps_the_count() {
        relations.given(SMALL, "alice");

        var duplicate = relations.register(SMALL, "alice");

        assertThat(duplicate.getStatus()).isEqualTo(400);
        assertThat(registeredUsers(SMALL)).isEqualTo(1);
    }

    @Test
    void users_registered_without_a_quota_are_counted_too() {
        relations.given(CHAT, "alice", "bob");
        relations.send(CHAT, "bob", new DeleteUser("bob"));

        assertThat(registeredUsers(CHAT)).isEqualTo(1);
    }

    @Test
    void a_super_admin_is_added_listed_removed_and_published_on_the_apps_aggregate() {
        relations.given(CHAT, "alice", "bob");

        var added = relations.send(CHAT, "alice", new AddSuperAdmin("alice"));
        relations.send(CHAT, "bob", new AddSuperAdmin("bob"));
        var listed = relations.queries().superAdmins(CHAT, 0, 10);
        var removed = relations.sendTo(RecordKeys.app(CHAT), CHAT, new RemoveSuperAdmin("alice"));

        assertThat(added.getDataJson()).isEqualTo("{\"result\":\"success\",\"resource\":\"\"}");
        assertThat(listed).containsExactly("alice", "bob");
        assertThat(removed.getDataJson()).isEqualTo("{\"newSuperAdmin\":\"alice\",\"resource\":\"\"}");
        assertThat(relations.queries().superAdmins(CHAT, 0, 10)).containsExactly("bob");
        assertThat(relations.events.readValuesToList())
                .filteredOn(e -> e.getEventType().startsWith("app."))
                .extracting(EventEnvelope::getEventType, (EventEnvelope e) -> e.getAggregate().getType(), TopologyHarness::aggregateKey,
                        EventEnvelope::getSeq, EventEnvelope::getPayload)
                .containsExactly(
                        tuple("app.room_super_admins.added", "app", "acme#chat/app", 1L, new RoomSuperAdminsAdded(List.of("alice"))),
                        tuple("app.room_super_admins.added", "app", "acme#chat/app", 2L, new RoomSuperAdminsAdded(List.of("bob"))),
                        tuple("app.room_super_admins.removed", "app", "acme#chat/app", 3L, new RoomSuperAdminsRemoved(List.of("alice"))));
    }

    @Test
    void an_unknown_user_cannot_be_made_a_super_admin() {
        var outcome = relations.send(CHAT, "ghost", new AddSuperAdmin("ghost"));

        assertRejected(outcome, 404, "resource_not_found", "ResourceNotFoundException", "username ghost doesn't exist!");
        assertThat(relations.queries().superAdmins(CHAT, 0, 10)).isEmpty();
    }

    @Test
    void a_deleted_user_is_no_longer_a_super_admin() {
        relations.given(CHAT, "alice");
        relations.send(CHAT, "alice", new AddSuperAdmin("alice"));

        relations.send(CHAT, "alice", new DeleteUser("alice"));

        assertThat(relations.queries().superAdmins(CHAT, 0, 10)).isEmpty();
    }

    @Test
    void super_admins_page_by_offset() {
        relations.given(CHAT, "alice", "bob", "carol");
        for (var user : List.of("alice", "bob", "carol")) {
            relations.send(CHAT, user, new AddSuperAdmin(user));
        }

        assertThat(relations.queries().superAdmins(CHAT, 2, 2)).containsExactly("carol");
        assertThat(relations.queries().superAdmins(CHAT, 0, 2)).containsExactly("alice", "bob");
    }

    private long registeredUsers(Tenant tenant) {
        ReadOnlyKeyValueStore<String, Long> counters = relations.store(StoreNames.APP_COUNTERS);
        var value = counters.get(Keys.appCounter(tenant, StoreApp.REGISTERED_USERS));
        return value == null ? 0 : value;
    }

    private void register(Tenant tenant, String username, long created) {
        var user = view(username);
        user.setCreated(created);
        user.setModified(created);
        assertThat(relations.send(tenant, username, new RegisterUser(user, "pbkdf2$" + username)).getStatus()).isEqualTo(200);
    }
}
