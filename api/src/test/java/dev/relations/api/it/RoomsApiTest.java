package dev.relations.api.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relations.engine.Topics;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.Notification;
import dev.relations.schemas.RoomMutesRemoved;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static dev.relations.api.it.ContactsApiTest.concurrently;
import static org.assertj.core.api.Assertions.assertThat;

/** Chatrooms over HTTP (SPEC D): rooms, members, admins, owner, blocklist, allowlist, mutes, mute-all, cascades. */
class RoomsApiTest {
    private static final int JOINED_LIMIT = 3;
    private static final TestApp APP = TestApp.unique("rooms", 100);
    private static final Topics TOPICS = new Topics("rooms-it-" + APP.name());
    /** An app with Easemob's production-like switches and smaller room limits. */
    private static final TestApp STRICT = TestApp.unique("strict", 100);
    private static ServiceInstance service;
    private static Client client;
    private static Client strict;
    /** An app on a plan of three chatrooms. */
    private static final TestApp QUOTA = TestApp.unique("quota", 100);
    private static final int ROOM_QUOTA = 3;
    private static Client quota;
    /** An app that opts in to blocking non-members (SPEC G-19's extension). */
    private static final TestApp OPEN_BLOCKS = TestApp.unique("openblocks", 100);
    private static Client openBlocks;

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(TestCluster.get(), TOPICS.applicationId(), TestCluster.get().newDirectory("rooms"),
                TestCluster.freePort(), Map.of("relations.apps." + APP.name() + ".max-joined-rooms", JOINED_LIMIT,
                        "relations.apps." + STRICT.name() + ".forbidden-op-status", 403,
                        "relations.apps." + STRICT.name() + ".rooms-batch-remove-max", 2,
                        "relations.apps." + STRICT.name() + ".rooms-max-users-ceiling", 50,
                        "relations.apps." + STRICT.name() + ".rooms-max-custom-length", 4,
                        "relations.apps." + STRICT.name() + ".permanent-mute-expire", 4_638_873_600_000L,
                        "relations.apps." + QUOTA.name() + ".max-rooms", ROOM_QUOTA,
                        "relations.apps." + OPEN_BLOCKS.name() + ".allow-block-non-member", true), APP, STRICT, QUOTA, OPEN_BLOCKS);
        client = new Client(service, APP).authenticated();
        strict = new Client(service, STRICT).authenticated();
        quota = new Client(service, QUOTA).authenticated();
        openBlocks = new Client(service, OPEN_BLOCKS).authenticated();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    // ------------------------------------------------------------------ rooms

    @Test
    void a_created_room_is_answered_with_its_id_and_detailed_with_owner_and_members() {
        users("cr-owner", "cr-m1", "cr-m2");

        var created = client.post("/chatrooms", Map.of("name", "lounge", "description", "chat", "maxusers", 300,
                "owner", "cr-owner", "members", List.of("cr-m1", "cr-m2")));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().get("action").asText()).isEqualTo("post");
        var id = created.body().get("data").get("id").asText();
        assertThat(id).matches("[1-9][0-9]{1,17}");
        var detail = client.get("/chatrooms/" + id);
        assertThat(detail.status()).isEqualTo(200);
        var room = detail.body().get("data").get(0);
        assertThat(room.get("id").asText()).isEqualTo(id);
        assertThat(room.get("name").asText()).isEqualTo("lounge");
        assertThat(room.get("description").asText()).isEqualTo("chat");
        assertThat(room.get("maxusers").asInt()).isEqualTo(300);
        assertThat(room.get("owner").asText()).isEqualTo("cr-owner");
        assertThat(room.get("mute").asBoolean()).isFalse();
        assertThat(room.get("affiliations_count").asInt()).isEqualTo(3);
        assertThat(room.get("affiliations").toString())
                .isEqualTo("[{\"owner\":\"cr-owner\"},{\"member\":\"cr-m1\"},{\"member\":\"cr-m2\"}]");
    }

    @Test
    void a_room_is_created_under_the_id_the_client_chose_and_a_second_creation_of_it_is_refused() {
        users("cid-owner");
        var chosen = "77" + (System.nanoTime() % 100_000_000_000_000L + 100_000_000_000_000L);

        var created = client.post("/chatrooms", Map.of("name", "x", "description", "x", "owner", "cid-owner", "groupid", chosen));
        var again = client.post("/chatrooms", Map.of("name", "y", "description", "y", "owner", "cid-owner", "roomid", chosen));
        var notNumeric = client.post("/chatrooms", Map.of("name", "z", "description", "z", "owner", "cid-owner", "roomid", "abc"));

        assertThat(created.status()).as("create: %s", created.body()).isEqualTo(200);
        assertThat(created.body().get("data").get("id").asText()).isEqualTo(chosen);
        assertThat(client.get("/chatrooms/" + chosen).body().get("data").get(0).get("name").asText()).isEqualTo("x");
        assertError(again, 400, "illegal_argument", "group ID " + chosen + " already exists!");
        assertError(notNumeric, 400, "invalid_parameter", "group ID abc is not valid, it must match [1-9][0-9]{1,17}");
    }

    @Test
    void creating_a_room_for_an_unknown_owner_or_member_is_404_and_creates_nothing() {
        users("cr-known");

        var unknownOwner = client.post("/chatrooms", Map.of("name", "x", "description", "x", "owner", "cr-ghost"));
        var unknownMember = client.post("/chatrooms", Map.of("name", "x", "description", "x", "owner", "cr-known",
                "members", List.of("cr-ghost2")));

        assertError(unknownOwner, 404, "resource_not_found", "username cr-ghost doesn't exist!");
        assertError(unknownMember, 404, "resource_not_found", "username cr-ghost2 doesn't exist!");
        assertThat(joined("cr-known")).isEmpty();
    }

    /** SPEC D.3: the app's room quota holds under concurrent creations; refused creations hold no place; a deletion frees one. */
    @Test
    void creations_past_the_apps_room_quota_are_403_exceed_limit_even_when_concurrent() throws Exception {
        for (var name : List.of("q-owner", "q-known")) {
            assertThat(quota.post("/users", Map.of("username", name, "password", "pw")).status()).isEqualTo(200);
        }
        var tooMany = "appKey:" + QUOTA.org() + "#" + QUOTA.app() + " has create too many chatrooms!";
        // A refused creation (unknown member) gives its place back.
        var refused = quota.post("/chatrooms", Map.of("name", "x", "description", "x", "owner", "q-owner", "members", List.of("q-ghost")));
        assertError(refused, 404, "resource_not_found", "username q-ghost doesn't exist!");

        var replies = concurrently(IntStream.range(0, 8)
                .mapToObj(i -> (Callable<Client.Reply>) () -> quota.post("/chatrooms",
                        Map.of("name", "q" + i, "description", "x", "owner", "q-owner")))
                .toList());

        var created = replies.stream().filter(r -> r.status() == 200).toList();
        assertThat(created).as("created: %s", replies).hasSize(ROOM_QUOTA);
        assertThat(replies.stream().filter(r -> r.status() != 200)).allSatisfy(r -> assertError(r, 403, "exceed_limit", tooMany));
        assertThat(quota.get("/chatrooms?limit=100").body().get("data")).hasSize(ROOM_QUOTA);
        assertError(quota.post("/chatrooms", Map.of("name", "x", "description", "x", "owner", "q-known")), 403, "exceed_limit", tooMany);

        var gone = created.getFirst().body().get("data").get("id").asText();
        assertThat(quota.delete("/chatrooms/" + gone).status()).isEqualTo(200);
        eventually(() -> quota.post("/chatrooms", Map.of("name", "again", "description", "x", "owner", "q-known")).status() == 200);
        assertError(quota.post("/chatrooms", Map.of("name", "x", "description", "x", "owner", "q-known")), 403, "exceed_limit", tooMany);
    }

    @Test
    void a_room_needs_a_name() {
        users("cr-noname");
        var reply = client.post("/chatrooms", Map.of("description", "x", "owner", "cr-noname"));
        assertError(reply, 400, "invalid_parameter", "name must be provided");
    }

    @Test
    void an_unknown_room_is_404_in_both_documented_flavours() {
        assertError(client.get("/chatrooms/12345678"), 404, "service_resource_not_found", "do not find this group:12345678");
        assertError(client.get("/chatrooms/12345678/users"), 404, "service_resource_not_found", "do not find this group:12345678");
        assertError(client.get("/chatrooms/12345678/admin"), 404, "resource_not_found", "grpID 12345678 does not exist!");
        assertError(client.post("/chatrooms/12345678/ban", null), 404, "resource_not_found", "grpID 12345678 does not exist!");
        assertError(client.delete("/chatrooms/12345678"), 404, "resource_not_found", "grpID 12345678 does not exist!");
    }

    @Test
    void updating_answers_one_true_per_field_and_refuses_unknown_fields() {
        var id = room("up-owner");

        var updated = client.put("/chatrooms/" + id, Map.of("name", "renamed", "maxusers", 500));
        var unknown = client.put("/chatrooms/" + id, Map.of("name", "x", "color", "red"));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("data").get("groupname").asBoolean()).isTrue();
        assertThat(updated.body().get("data").get("maxusers").asBoolean()).isTrue();
        assertThat(updated.body().get("data").has("description")).isFalse();
        assertThat(client.get("/chatrooms/" + id).body().get("data").get(0).get("name").asText()).isEqualTo("renamed");
        assertError(unknown, 400, "invalid_parameter", "some of [color] are not valid fields");
    }

    @Test
    void the_owner_is_transferred_to_a_member_and_the_old_owner_stays_a_member() {
        var id = room("tr-owner", "tr-next");

        var same = client.put("/chatrooms/" + id, Map.of("newowner", "tr-owner"));
        var transferred = client.put("/chatrooms/" + id, Map.of("newowner", "tr-next"));

        assertError(same, 403, "forbidden_op", "new owner and old owner are the same");
        assertThat(transferred.status()).isEqualTo(200);
        assertThat(transferred.body().get("data").get("newowner").asBoolean()).isTrue();
        var members = client.get("/chatrooms/" + id + "/users?pagenum=1&pagesize=10").body().get("data");
        assertThat(members.get(0).get("owner").asText()).isEqualTo("tr-next");
        assertThat(members.toString()).contains("{\"member\":\"tr-owner\"}");
    }

    @Test
    void an_unknown_user_is_404_on_member_removal_admin_changes_and_owner_transfer() {
        var id = room("u404-owner", "u404-member");
        var unknown = "username u404-ghost doesn't exist!";

        assertError(client.delete("/chatrooms/" + id + "/users/u404-ghost"), 404, "resource_not_found", unknown);
        assertError(client.post("/chatrooms/" + id + "/admin", Map.of("newadmin", "u404-ghost")), 404, "resource_not_found", unknown);
        assertError(client.delete("/chatrooms/" + id + "/admin/u404-ghost"), 404, "resource_not_found", unknown);
        assertError(client.put("/chatrooms/" + id, Map.of("newowner", "u404-ghost")), 404, "resource_not_found", unknown);
        assertThat(client.get("/chatrooms/" + id).body().get("data").get(0).get("owner").asText()).isEqualTo("u404-owner");
    }

    @Test
    void transferring_to_a_non_member_is_refused() {
        var id = room("tr2-owner");
        users("tr2-stranger");
        assertError(client.put("/chatrooms/" + id, Map.of("newowner", "tr2-stranger")), 403, "forbidden_op",
                "user: tr2-stranger doesn't exist in group: " + id);
    }

    @Test
    void deleting_a_room_answers_success_and_releases_every_membership() {
        var id = room("del-owner", "del-m");

        var deleted = client.delete("/chatrooms/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("data").get("success").asBoolean()).isTrue();
        assertThat(deleted.body().get("data").get("id").asText()).isEqualTo(id);
        assertError(client.get("/chatrooms/" + id), 404, "service_resource_not_found", "do not find this group:" + id);
        eventually(() -> joined("del-m").isEmpty() && joined("del-owner").isEmpty());
    }

    /** SPEC B.3: a user registered again under a deleted user's name inherits no room entry, even in rooms the old one had left. */
    @Test
    void a_deleted_user_leaves_no_blocklist_allowlist_or_mute_entry_behind() {
        var id = room("dc-owner", "dc-blocked", "dc-left");
        assertThat(client.post("/chatrooms/" + id + "/blocks/users/dc-blocked", null).status()).isEqualTo(200);
        assertThat(client.post("/chatrooms/" + id + "/white/users/dc-left", null).status()).isEqualTo(200);
        assertThat(client.post("/chatrooms/" + id + "/mute", Map.of("usernames", List.of("dc-left"), "mute_duration", -1))
                .status()).isEqualTo(200);
        assertThat(client.delete("/chatrooms/" + id + "/users/dc-left").status()).isEqualTo(200);

        assertThat(client.delete("/users/dc-blocked").status()).isEqualTo(200);
        assertThat(client.delete("/users/dc-left").status()).isEqualTo(200);
        eventually(() -> values(client.get("/chatrooms/" + id + "/blocks/users").body().get("data")).isEmpty()
                && values(client.get("/chatrooms/" + id + "/white/users").body().get("data")).isEmpty()
                && client.get("/chatrooms/" + id + "/mute").body().get("data").isEmpty());
        users("dc-blocked");

        var rejoin = client.post("/chatrooms/" + id + "/users/dc-blocked", null);
        assertThat(rejoin.status()).as("rejoin: %s", rejoin.body()).isEqualTo(200);
    }

    @Test
    void rooms_are_listed_with_a_cursor() {
        var a = room("ls-1");
        var b = room("ls-2");
        var c = room("ls-3");

        var all = new ArrayList<String>();
        String cursor = null;
        do {
            var page = client.get("/chatrooms?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.body().get("data").forEach(r -> all.add(r.get("id").asText()));
            cursor = page.body().has("cursor") ? page.body().get("cursor").asText() : null;
        } while (cursor != null);

        assertThat(all).contains(a, b, c);
        assertThat(all).doesNotHaveDuplicates();
        var listed = new ArrayList<JsonNode>();
        client.get("/chatrooms?limit=1000").body().get("data").forEach(listed::add);
        assertThat(listed).filteredOn(r -> r.get("id").asText().equals(a)).singleElement().satisfies(r -> {
            assertThat(r.get("owner").asText()).isEqualTo("ls-1");
            assertThat(r.get("affiliations_count").asInt()).isEqualTo(1);
        });
    }

    /** G-2, G-4, G-12: the batch removal size, the forbidden_op status and the room size limits are per-app settings. */
    @Test
    void an_app_configures_its_forbidden_op_status_batch_removal_size_and_room_limits() {
        for (var name : List.of("st-owner", "st-1", "st-2", "st-3")) {
            assertThat(strict.post("/users", Map.of("username", name, "password", "pw")).status()).isIn(200, 400);
        }
        var tooBig = strict.post("/chatrooms", Map.of("name", "s", "description", "s", "owner", "st-owner", "maxusers", 51));
        var tooCustom = strict.post("/chatrooms", Map.of("name", "s", "description", "s", "owner", "st-owner", "custom", "12345"));
        var created = strict.post("/chatrooms", Map.of("name", "s", "description", "s", "owner", "st-owner",
                "members", List.of("st-1", "st-2", "st-3")));
        var id = created.body().get("data").get("id").asText();

        assertError(tooBig, 403, "exceed_limit", "maxUsers cannot exceed 50");
        assertError(tooCustom, 403, "exceed_limit", "custom cannot exceed to 4");
        assertThat(strict.get("/chatrooms/" + id).body().get("data").get(0).get("maxusers").asInt()).isEqualTo(50);
        assertError(strict.post("/chatrooms/" + id + "/users/st-1", null), 403, "forbidden_op",
                "can not join this group, reason:user: st-1 already in group: " + id + "\n");
        assertError(strict.delete("/chatrooms/" + id + "/users/st-1,st-2,st-3"), 400, "invalid_parameter",
                "kickMember: kickMembers number more than maxSize : 2");
        assertThat(strict.delete("/chatrooms/" + id + "/users/st-1,st-2").status()).isEqualTo(200);
    }

    /** G-21: an app configured with Easemob's sentinel answers a permanent mute with it, in the reply and the listing. */
    @Test
    void a_permanent_mute_is_answered_with_the_apps_configured_sentinel() {
        for (var name : List.of("sm-owner", "sm-1")) {
            assertThat(strict.post("/users", Map.of("username", name, "password", "pw")).status()).isIn(200, 400);
        }
        var id = strict.post("/chatrooms", Map.of("name", "s", "description", "s", "owner", "sm-owner",
                "members", List.of("sm-1"))).body().get("data").get("id").asText();

        var muted = strict.post("/chatrooms/" + id + "/mute", Map.of("usernames", List.of("sm-1"), "mute_duration", -1));

        assertThat(muted.status()).isEqualTo(200);
        assertThat(muted.body().get("data").get(0).get("expire").asLong()).isEqualTo(4_638_873_600_000L);
        assertThat(strict.get("/chatrooms/" + id + "/mute").body().get("data").get(0).get("expire").asLong())
                .isEqualTo(4_638_873_600_000L);
    }

    // ------------------------------------------------------------------ members

    @Test
    void a_member_is_added_listed_after_the_owner_and_removed() {
        var id = room("mb-owner");
        users("mb-1");

        var added = client.post("/chatrooms/" + id + "/users/mb-1", null);
        var again = client.post("/chatrooms/" + id + "/users/mb-1", null);

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().get("data").get("result").asBoolean()).isTrue();
        assertThat(added.body().get("data").get("action").asText()).isEqualTo("add_member");
        assertThat(added.body().get("data").get("user").asText()).isEqualTo("mb-1");
        assertThat(added.body().get("data").get("id").asText()).isEqualTo(id);
        assertError(again, 400, "forbidden_op", "can not join this group, reason:user: mb-1 already in group: " + id + "\n");
        var page = client.get("/chatrooms/" + id + "/users?pagenum=1&pagesize=2");
        assertThat(page.body().get("data").toString()).isEqualTo("[{\"owner\":\"mb-owner\"},{\"member\":\"mb-1\"}]");
        assertThat(page.body().get("count").asInt()).isEqualTo(2);
        assertThat(page.body().get("params").get("pagesize").get(0).asText()).isEqualTo("2");
        assertThat(joined("mb-1")).containsExactly(id);

        var removed = client.delete("/chatrooms/" + id + "/users/mb-1");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().get("data").get("action").asText()).isEqualTo("remove_member");
        assertError(client.delete("/chatrooms/" + id + "/users/mb-1"), 400, "forbidden_op", "users [mb-1] are not members of this group!");
        eventually(() -> joined("mb-1").isEmpty());
    }

    @Test
    void the_owner_cannot_be_removed_blocked_or_muted() {
        var id = room("own-owner");
        assertError(client.delete("/chatrooms/" + id + "/users/own-owner"), 403, "forbidden_op", "forbidden operation on group owner!");
        assertError(client.post("/chatrooms/" + id + "/blocks/users/own-owner", null), 403, "forbidden_op", "forbidden operation on group owner!");
        assertError(client.post("/chatrooms/" + id + "/mute", Map.of("usernames", List.of("own-owner"), "mute_duration", 1000)),
                403, "forbidden_op", "forbidden operation on group owner!");
    }

    @Test
    void an_unknown_user_cannot_join() {
        var id = room("unk-owner");
        assertError(client.post("/chatrooms/" + id + "/users/unk-ghost", null), 404, "resource_not_found", "username unk-ghost doesn't exist!");
    }

    @Test
    void a_full_room_refuses_a_new_member() {
        users("full-owner", "full-1", "full-2");
        var id = client.post("/chatrooms", Map.of("name", "tiny", "description", "x", "maxusers", 2, "owner", "full-owner",
                "members", List.of("full-1"))).body().get("data").get("id").asText();

        assertError(client.post("/chatrooms/" + id + "/users/full-2", null), 403, "exceed_limit", "members size is greater than max user size !");
    }

    @Test
    void a_batch_add_answers_who_joined_and_a_batch_remove_answers_per_user() {
        var id = room("bt-owner");
        users("bt-1", "bt-2", "bt-3");
        client.post("/chatrooms/" + id + "/users/bt-1", null);

        var added = client.post("/chatrooms/" + id + "/users", Map.of("usernames", List.of("bt-1", "bt-2", "bt-3")));
        var removed = client.delete("/chatrooms/" + id + "/users/bt-2,bt-missing-member");

        assertThat(added.status()).isEqualTo(200);
        assertThat(values(added.body().get("data").get("newmembers"))).containsExactly("bt-2", "bt-3");
        assertThat(added.body().get("data").get("action").asText()).isEqualTo("add_member");
        assertThat(removed.status()).isEqualTo(200);
        var results = removed.body().get("data");
        assertThat(results.get(0).get("user").asText()).isEqualTo("bt-2");
        assertThat(results.get(0).get("result").asBoolean()).isTrue();
        assertThat(results.get(1).get("result").asBoolean()).isFalse();
        assertThat(results.get(1).get("reason").asText()).isEqualTo("user: bt-missing-member doesn't exist in group: " + id);
    }

    @Test
    void a_batch_add_leaves_out_unknown_blocked_and_busy_users_and_stops_where_the_room_is_full() {
        users("bf-busy", "bf-1", "bf-2", "bf-3");
        for (int i = 0; i < JOINED_LIMIT; i++) {
            room("bf-elsewhere" + i, "bf-busy");
        }
        users("bf-owner", "bf-blocked");
        var id = client.post("/chatrooms", Map.of("name", "three", "description", "x", "maxusers", 3, "owner", "bf-owner",
                "members", List.of("bf-blocked"))).body().get("data").get("id").asText();
        assertThat(client.post("/chatrooms/" + id + "/blocks/users/bf-blocked", null).status()).isEqualTo(200);

        var added = client.post("/chatrooms/" + id + "/users", Map.of("usernames",
                List.of("bf-ghost", "not a name!", "bf-blocked", "bf-busy", "bf-1", "bf-2", "bf-3")));
        var intoFullRoom = client.post("/chatrooms/" + id + "/users", Map.of("usernames", List.of("bf-3")));

        assertThat(added.status()).as("batch add: %s", added.body()).isEqualTo(200);
        assertThat(values(added.body().get("data").get("newmembers"))).containsExactly("bf-1", "bf-2");
        assertThat(intoFullRoom.status()).isEqualTo(200);
        assertThat(values(intoFullRoom.body().get("data").get("newmembers"))).isEmpty();
        assertThat(joined("bf-3")).isEmpty();
        assertThat(joined("bf-busy")).hasSize(JOINED_LIMIT);
    }

    @Test
    void a_batch_add_to_an_unknown_room_fails_whole() {
        users("bf-lonely");
        assertError(client.post("/chatrooms/12345678/users", Map.of("usernames", List.of("bf-lonely"))), 404,
                "resource_not_found", "grpID 12345678 does not exist!");
    }

    @Test
    void a_batch_add_over_sixty_is_refused() {
        var id = room("big-owner");
        var reply = client.post("/chatrooms/" + id + "/users",
                Map.of("usernames", IntStream.range(0, 61).mapToObj(i -> "u" + i).toList()));
        assertError(reply, 400, "invalid_parameter", "addMembers: addMembers number more than maxSize : 60");
    }

    @Test
    void member_pages_put_the_owner_first_and_then_everyone_in_join_order() {
        var id = room("pg-owner", "pg-a", "pg-b", "pg-c", "pg-d");
        client.put("/chatrooms/" + id, Map.of("newowner", "pg-c"));

        var first = client.get("/chatrooms/" + id + "/users?pagenum=1&pagesize=2").body().get("data").toString();
        var second = client.get("/chatrooms/" + id + "/users?pagenum=2&pagesize=2").body().get("data").toString();
        var third = client.get("/chatrooms/" + id + "/users?pagenum=3&pagesize=2");

        assertThat(first).isEqualTo("[{\"owner\":\"pg-c\"},{\"member\":\"pg-owner\"}]");
        assertThat(second).isEqualTo("[{\"member\":\"pg-a\"},{\"member\":\"pg-b\"}]");
        assertThat(third.body().get("data").toString()).isEqualTo("[{\"member\":\"pg-d\"}]");
        assertThat(third.body().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void the_v3_member_listing_pages_plain_names_with_a_cursor() {
        var id = room("v3-owner", "v3-a", "v3-b", "v3-c");

        var first = client.get("/chatrooms/" + id + "/users?version=v3&limit=2");
        var second = client.get("/chatrooms/" + id + "/users?version=v3&limit=2&cursor=" + first.body().get("cursor").asText());

        assertThat(values(first.body().get("data"))).containsExactly("v3-owner", "v3-a");
        assertThat(values(second.body().get("data"))).containsExactly("v3-b", "v3-c");
        assertThat(second.body().has("cursor")).isFalse();
    }

    @Test
    void the_v3_member_listing_sorts_latest_joined_first_with_sort_desc() {
        var id = room("v3d-owner", "v3d-a", "v3d-b", "v3d-c");

        var first = client.get("/chatrooms/" + id + "/users?version=v3&limit=3&sort=desc");
        var second = client.get("/chatrooms/" + id + "/users?version=v3&limit=3&sort=desc&cursor="
                + first.body().get("cursor").asText());
        var ascending = client.get("/chatrooms/" + id + "/users?version=v3&limit=10&sort=asc");

        assertThat(values(first.body().get("data"))).containsExactly("v3d-c", "v3d-b", "v3d-a");
        assertThat(values(second.body().get("data"))).containsExactly("v3d-owner");
        assertThat(second.body().has("cursor")).isFalse();
        assertThat(values(ascending.body().get("data"))).containsExactly("v3d-owner", "v3d-a", "v3d-b", "v3d-c");
        assertError(client.get("/chatrooms/" + id + "/users?version=v3&sort=sideways"), 400, "invalid_parameter",
                "sort must be asc or desc");
    }

    @Test
    void concurrent_joins_never_take_a_user_past_the_joined_rooms_limit() throws Exception {
        users("lim-user");
        var rooms = IntStream.range(0, 10).mapToObj(i -> room("lim-owner" + i)).toList();

        var replies = concurrently(rooms.stream()
                .map(r -> (Callable<Client.Reply>) () -> client.post("/chatrooms/" + r + "/users/lim-user", null))
                .toList());

        assertThat(replies.stream().filter(r -> r.status() == 200)).hasSize(JOINED_LIMIT);
        assertThat(replies.stream().filter(r -> r.status() != 200)).allSatisfy(r -> assertError(r, 403, "exceed_limit",
                "can not join this group, reason:user lim-user has joined too many chatrooms!"));
        assertThat(joined("lim-user")).hasSize(JOINED_LIMIT);
    }

    // ------------------------------------------------------------------ admins

    @Test
    void an_admin_is_added_listed_and_removed() {
        var id = room("ad-owner", "ad-1");
        users("ad-stranger");

        var added = client.post("/chatrooms/" + id + "/admin", Map.of("newadmin", "ad-1"));
        var list = client.get("/chatrooms/" + id + "/admin");
        var stranger = client.post("/chatrooms/" + id + "/admin", Map.of("newadmin", "ad-stranger"));
        var removed = client.delete("/chatrooms/" + id + "/admin/ad-1");
        var notAdmin = client.delete("/chatrooms/" + id + "/admin/ad-1");

        assertThat(added.body().get("data").get("result").asText()).isEqualTo("success");
        assertThat(added.body().get("data").get("newadmin").asText()).isEqualTo("ad-1");
        assertThat(values(list.body().get("data"))).containsExactly("ad-1");
        assertError(stranger, 400, "forbidden_op", "users [ad-stranger] are not members of this group!");
        assertThat(removed.body().get("data").get("result").asText()).isEqualTo("success");
        assertThat(removed.body().get("data").get("oldadmin").asText()).isEqualTo("ad-1");
        assertError(notAdmin, 403, "forbidden_op", "user:ad-1 is not admin of group:" + id);
    }

    // ------------------------------------------------------------------ super admins (D.6)

    @Test
    void super_admins_are_added_listed_in_pages_and_removed() {
        users("sa-1", "sa-2", "sa-3");

        var added = client.post("/chatrooms/super_admin", Map.of("superadmin", "sa-1"));
        client.post("/chatrooms/super_admin", Map.of("superadmin", "sa-2"));
        client.post("/chatrooms/super_admin", Map.of("superadmin", "sa-3"));
        var again = client.post("/chatrooms/super_admin", Map.of("superadmin", "sa-1"));
        var firstPage = client.get("/chatrooms/super_admin?pagenum=1&pagesize=2");
        var secondPage = client.get("/chatrooms/super_admin?pagenum=2&pagesize=2");
        var removed = client.delete("/chatrooms/super_admin/sa-2");

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().get("action").asText()).isEqualTo("post");
        assertThat(added.body().get("data").toString()).isEqualTo("{\"result\":\"success\",\"resource\":\"\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(values(firstPage.body().get("data"))).containsExactly("sa-1", "sa-2");
        assertThat(firstPage.body().get("count").asInt()).isEqualTo(2);
        assertThat(firstPage.body().get("params").get("pagesize").get(0).asText()).isEqualTo("2");
        assertThat(values(secondPage.body().get("data"))).containsExactly("sa-3");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().get("data").toString()).isEqualTo("{\"newSuperAdmin\":\"sa-2\",\"resource\":\"\"}");
        assertThat(values(client.get("/chatrooms/super_admin").body().get("data"))).containsExactly("sa-1", "sa-3");
    }

    @Test
    void an_unknown_user_cannot_be_made_a_super_admin() {
        assertError(client.post("/chatrooms/super_admin", Map.of("superadmin", "sa-ghost")), 404, "resource_not_found",
                "username sa-ghost doesn't exist!");
        assertError(client.post("/chatrooms/super_admin", Map.of("name", "x")), 400, "invalid_parameter",
                "superadmin must be provided");
    }

    // ------------------------------------------------------------------ can send (G-22, ours)

    @Test
    void g22_can_send_follows_the_mute_list_then_mute_all_with_its_exemptions() {
        var id = room("cs-owner", "cs-admin", "cs-allowed", "cs-muted", "cs-plain");
        users("cs-outsider");
        client.post("/chatrooms/" + id + "/admin", Map.of("newadmin", "cs-admin"));
        client.post("/chatrooms/" + id + "/white/users", Map.of("usernames", List.of("cs-allowed", "cs-muted")));
        client.post("/chatrooms/" + id + "/mute", Map.of("usernames", List.of("cs-muted"), "mute_duration", -1));

        assertThat(canSend(id, "cs-plain")).isTrue();
        assertThat(canSend(id, "cs-muted")).isFalse();
        client.post("/chatrooms/" + id + "/ban", null);
        assertThat(canSend(id, "cs-owner")).isTrue();
        assertThat(canSend(id, "cs-admin")).isTrue();
        assertThat(canSend(id, "cs-allowed")).isTrue();
        assertThat(canSend(id, "cs-plain")).isFalse();
        assertThat(canSend(id, "cs-muted")).isFalse();
        assertThat(canSend(id, "cs-outsider")).isFalse();
        assertError(client.get("/chatrooms/12345678/user/cs-plain/can_send"), 404, "resource_not_found",
                "grpID 12345678 does not exist!");
    }

    private static boolean canSend(String room, String user) {
        var reply = client.get("/chatrooms/" + room + "/user/" + user + "/can_send");
        assertThat(reply.status()).as("can_send: %s", reply.body()).isEqualTo(200);
        assertThat(reply.body().get("action").asText()).isEqualTo("get");
        return reply.body().get("data").asBoolean();
    }

    // ------------------------------------------------------------------ blocklist, allowlist

    @Test
    void blocking_removes_the_member_and_keeps_them_out_until_unblocked() {
        var id = room("rb-owner", "rb-1");

        var blocked = client.post("/chatrooms/" + id + "/blocks/users/rb-1", null);
        var rejoin = client.post("/chatrooms/" + id + "/users/rb-1", null);
        var list = client.get("/chatrooms/" + id + "/blocks/users");
        var unblocked = client.delete("/chatrooms/" + id + "/blocks/users/rb-1");

        assertThat(blocked.status()).isEqualTo(200);
        assertThat(blocked.body().get("data").get("action").asText()).isEqualTo("add_blocks");
        assertThat(blocked.body().get("data").get("chatroomid").asText()).isEqualTo(id);
        assertError(rejoin, 403, "forbidden_op", "user rb-1 is in blacklist of group: " + id);
        assertThat(values(list.body().get("data"))).containsExactly("rb-1");
        assertThat(unblocked.body().get("data").get("action").asText()).isEqualTo("remove_blocks");
        assertThat(client.post("/chatrooms/" + id + "/users/rb-1", null).status()).isEqualTo(200);
    }

    @Test
    void a_batch_block_answers_per_user_with_the_documented_reason() {
        var id = room("rbb-owner", "rbb-1");
        users("rbb-outsider");

        var reply = client.post("/chatrooms/" + id + "/blocks/users", Map.of("usernames", List.of("rbb-1", "rbb-outsider")));

        assertThat(reply.status()).isEqualTo(200);
        var results = reply.body().get("data");
        assertThat(results.get(0).get("result").asBoolean()).isTrue();
        assertThat(results.get(1).get("result").asBoolean()).isFalse();
        assertThat(results.get(1).get("reason").asText()).isEqualTo("user: rbb-outsider doesn't exist in chatroom: " + id);
    }

    /** G-19: an app that opts in blocks registered non-members; they cannot join until unblocked. */
    @Test
    void g19_an_app_that_opts_in_blocks_a_registered_non_member_and_keeps_them_out() {
        for (var name : List.of("ob-owner", "ob-out", "ob-out2", "ob-member")) {
            assertThat(openBlocks.post("/users", Map.of("username", name, "password", "pw")).status()).isEqualTo(200);
        }
        var id = openBlocks.post("/chatrooms", Map.of("name", "o", "description", "o", "owner", "ob-owner",
                "members", List.of("ob-member"))).body().get("data").get("id").asText();

        var one = openBlocks.post("/chatrooms/" + id + "/blocks/users/ob-out", null);
        var unknown = openBlocks.post("/chatrooms/" + id + "/blocks/users/ob-ghost", null);
        var batch = openBlocks.post("/chatrooms/" + id + "/blocks/users", Map.of("usernames", List.of("ob-member", "ob-out2")));

        assertThat(one.status()).as("block: %s", one.body()).isEqualTo(200);
        assertThat(one.body().get("data").get("result").asBoolean()).isTrue();
        assertError(unknown, 404, "resource_not_found", "username ob-ghost doesn't exist!");
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.body().get("data").findValues("result")).allSatisfy(r -> assertThat(r.asBoolean()).isTrue());
        assertThat(values(openBlocks.get("/chatrooms/" + id + "/blocks/users").body().get("data")))
                .containsExactlyInAnyOrder("ob-out", "ob-member", "ob-out2");
        assertError(openBlocks.post("/chatrooms/" + id + "/users/ob-out", null), 403, "forbidden_op",
                "user ob-out is in blacklist of group: " + id);
        assertThat(values(openBlocks.get("/chatrooms/" + id + "/users?version=v3&limit=10").body().get("data")))
                .containsExactly("ob-owner");
        // An unknown name in a batch is cleared again by the user's side.
        var ghost = openBlocks.post("/chatrooms/" + id + "/blocks/users", Map.of("usernames", List.of("ob-ghost2")));
        assertThat(ghost.status()).isEqualTo(200);
        eventually(() -> !values(openBlocks.get("/chatrooms/" + id + "/blocks/users").body().get("data")).contains("ob-ghost2"));
        assertThat(values(openBlocks.get("/chatrooms/" + id + "/blocks/users").body().get("data")))
                .containsExactlyInAnyOrder("ob-out", "ob-member", "ob-out2");
        // Without the opt-in a non-member is refused (the documented rule).
        users("nb-out");
        var plain = room("nb-owner");
        assertError(client.post("/chatrooms/" + plain + "/blocks/users/nb-out", null), 400, "forbidden_op",
                "users [nb-out] are not members of this group!");
    }

    @Test
    void the_allowlist_adds_lists_and_removes_as_an_array() {
        var id = room("al-owner", "al-1", "al-2");

        var one = client.post("/chatrooms/" + id + "/white/users/al-1", null);
        client.post("/chatrooms/" + id + "/white/users", Map.of("usernames", List.of("al-2")));
        var list = client.get("/chatrooms/" + id + "/white/users");
        var removed = client.delete("/chatrooms/" + id + "/white/users/al-1");

        assertThat(one.body().get("data").get("action").asText()).isEqualTo("add_user_whitelist");
        assertThat(values(list.body().get("data"))).containsExactlyInAnyOrder("al-1", "al-2");
        assertThat(removed.body().get("data").isArray()).isTrue();
        assertThat(removed.body().get("data").get(0).get("action").asText()).isEqualTo("remove_user_whitelist");
        assertThat(values(client.get("/chatrooms/" + id + "/white/users").body().get("data"))).containsExactly("al-2");
    }

    // ------------------------------------------------------------------ mutes, mute-all

    @Test
    void a_timed_mute_is_listed_with_its_expiry_and_lifts_itself() {
        var id = room("mu-owner", "mu-1", "mu-2");

        var muted = client.post("/chatrooms/" + id + "/mute", Map.of("usernames", List.of("mu-1"), "mute_duration", 1500));
        var forever = client.post("/chatrooms/" + id + "/mute", Map.of("usernames", List.of("mu-2"), "mute_duration", -1));

        assertThat(muted.status()).isEqualTo(200);
        var line = muted.body().get("data").get(0);
        assertThat(line.get("result").asBoolean()).isTrue();
        assertThat(line.get("user").asText()).isEqualTo("mu-1");
        assertThat(line.get("expire").asLong()).isGreaterThan(System.currentTimeMillis());
        assertThat(forever.body().get("data").get(0).get("expire").asLong()).isEqualTo(-1L);
        assertThat(client.get("/chatrooms/" + id + "/mute").body().get("data").size()).isEqualTo(2);

        eventually(() -> client.get("/chatrooms/" + id + "/mute").body().get("data").size() == 1);
        assertThat(client.get("/chatrooms/" + id + "/mute").body().get("data").get(0).get("user").asText()).isEqualTo("mu-2");
    }

    @Test
    void an_expired_mute_is_published_as_an_event_and_told_to_the_user() {
        var id = room("exp-owner", "exp-1");
        try (var events = new TopicReader<>(TestCluster.get(), TOPICS.events(), EventEnvelope.class);
             var notifications = new TopicReader<>(TestCluster.get(), TOPICS.notifications(), Notification.class)) {
            client.post("/chatrooms/" + id + "/mute", Map.of("usernames", List.of("exp-1"), "mute_duration", 1000));

            var lifted = events.collect(r -> r.value().getEventType().equals("room.mutes.removed")
                    && r.key().endsWith("/room/" + id), Duration.ofSeconds(6));
            var told = notifications.collect(r -> r.value().getType().equals("chatroom.MUTE")
                    && "REMOVE".equals(r.value().getOperationType()) && id.equals(r.value().getRoom()), Duration.ofSeconds(1));

            assertThat(lifted).hasSize(1);
            assertThat(((RoomMutesRemoved) lifted.getFirst().value().getPayload()).getReason()).isEqualTo("EXPIRED");
            assertThat(lifted.getFirst().value().getAggregate().getType()).isEqualTo("chatroom");
            assertThat(told).extracting(r -> r.key()).containsExactly(APP.org() + "#" + APP.app() + "/user/exp-1");
        }
    }

    @Test
    void list_batches_over_their_documented_size_are_refused() {
        var id = room("lim60-owner");
        var sixtyOne = IntStream.range(0, 61).mapToObj(i -> "x" + i).toList();
        var hundredOne = String.join(",", IntStream.range(0, 101).mapToObj(i -> "x" + i).toList());
        var sixtyOneCsv = String.join(",", sixtyOne);

        assertError(client.post("/chatrooms/" + id + "/blocks/users", Map.of("usernames", sixtyOne)), 400, "invalid_parameter",
                "userNames is more than max limit : 60");
        assertError(client.delete("/chatrooms/" + id + "/blocks/users/" + sixtyOneCsv), 400, "invalid_parameter",
                "removeBlacklist: list size more than max limit : 60");
        assertError(client.post("/chatrooms/" + id + "/white/users", Map.of("usernames", sixtyOne)), 400, "invalid_parameter",
                "usernames size is more than max limit : 60");
        assertError(client.delete("/chatrooms/" + id + "/white/users/" + sixtyOneCsv), 400, "invalid_parameter",
                "removeWhitelist size is more than max limit : 60");
        assertError(client.post("/chatrooms/" + id + "/mute", Map.of("usernames", sixtyOne, "mute_duration", 1000)), 400,
                "invalid_parameter", "userNames size is more than max limit : 60");
        assertError(client.delete("/chatrooms/" + id + "/mute/" + sixtyOneCsv), 400, "invalid_parameter",
                "removeMute member size more than max limit :  60");
        assertError(client.delete("/chatrooms/" + id + "/users/" + hundredOne), 400, "invalid_parameter",
                "kickMember: kickMembers number more than maxSize : 100");
    }

    @Test
    void updates_beyond_the_documented_limits_are_refused() {
        var id = room("ul-owner", "ul-1", "ul-2");

        assertError(client.put("/chatrooms/" + id, Map.of("name", "n".repeat(129))), 403, "exceed_limit", "title cannot exceed to 128");
        assertError(client.put("/chatrooms/" + id, Map.of("description", "d".repeat(513))), 403, "exceed_limit", "desc cannot exceed to 512");
        assertError(client.put("/chatrooms/" + id, Map.of("maxusers", 10001)), 403, "exceed_limit", "maxUsers cannot exceed 10000");
        assertError(client.put("/chatrooms/" + id, Map.of("maxusers", 2)), 400, "invalid_parameter",
                "maxusers cannot be less than the current number of members : 3");
        assertThat(client.get("/chatrooms/" + id).body().get("data").get(0).get("maxusers").asInt()).isEqualTo(1000);
        assertError(client.put("/chatrooms/" + id, Map.of("newowner", "ul-1", "name", "x")), 400, "invalid_parameter",
                "newowner can not be changed together with other fields");
    }

    @Test
    void unmuting_answers_per_user() {
        var id = room("um-owner", "um-1", "um-2");
        client.post("/chatrooms/" + id + "/mute", Map.of("usernames", List.of("um-1"), "mute_duration", 60000));

        var reply = client.delete("/chatrooms/" + id + "/mute/um-1,um-2");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("data").get(0).get("result").asBoolean()).isTrue();
        assertThat(reply.body().get("data").get(0).get("user").asText()).isEqualTo("um-1");
        assertThat(reply.body().get("data").get(1).get("result").asBoolean()).isFalse();
        assertThat(client.get("/chatrooms/" + id + "/mute").body().get("data").size()).isZero();
    }

    @Test
    void mute_all_is_set_and_cleared_and_shows_in_the_detail() {
        var id = room("ban-owner");

        var on = client.post("/chatrooms/" + id + "/ban", null);
        var detailOn = client.get("/chatrooms/" + id).body().get("data").get(0).get("mute").asBoolean();
        var off = client.delete("/chatrooms/" + id + "/ban");
        client.post("/chatrooms/" + id + "/ban", null);
        var offByPut = client.put("/chatrooms/" + id + "/ban", null);

        assertThat(on.body().get("action").asText()).isEqualTo("post");
        assertThat(on.body().get("data").get("mute").asBoolean()).isTrue();
        assertThat(detailOn).isTrue();
        assertThat(off.body().get("data").get("mute").asBoolean()).isFalse();
        assertThat(offByPut.body().get("data").get("mute").asBoolean()).isFalse();
        assertThat(client.get("/chatrooms/" + id).body().get("data").get(0).get("mute").asBoolean()).isFalse();
    }

    // ------------------------------------------------------------------ cascades

    @Test
    void deleting_a_user_dissolves_the_rooms_they_own_and_leaves_the_others() {
        var owned = room("cas-owner", "cas-member");
        var other = room("cas-other-owner", "cas-owner");

        assertThat(client.delete("/users/cas-owner").status()).isEqualTo(200);

        eventually(() -> client.get("/chatrooms/" + owned).status() == 404);
        eventually(() -> !client.get("/chatrooms/" + other + "/users").body().get("data").toString().contains("cas-owner"));
        eventually(() -> joined("cas-member").isEmpty());
    }

    // ------------------------------------------------------------------ helpers

    private static void users(String... names) {
        for (var name : names) {
            var reply = client.post("/users", Map.of("username", name, "password", "pw"));
            assertThat(reply.status()).as("register %s: %s", name, reply.body()).isIn(200, 400);
        }
    }

    /** A new room owned by {@code owner} with those members (all registered here). */
    private static String room(String owner, String... members) {
        users(owner);
        users(members);
        var body = new java.util.HashMap<String, Object>(Map.of("name", "room of " + owner, "description", "test", "owner", owner));
        if (members.length > 0) {
            body.put("members", List.of(members));
        }
        var reply = client.post("/chatrooms", body);
        assertThat(reply.status()).as("create: %s", reply.body()).isEqualTo(200);
        return reply.body().get("data").get("id").asText();
    }

    private static List<String> joined(String user) {
        var reply = client.get("/users/" + user + "/joined_chatrooms");
        assertThat(reply.status()).as("joined: %s", reply.body()).isEqualTo(200);
        var ids = new ArrayList<String>();
        reply.body().get("data").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    private static List<String> values(JsonNode array) {
        var names = new ArrayList<String>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    static void assertError(Client.Reply reply, int status, String error, String description) {
        assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
        assertThat(reply.error()).isEqualTo(error);
        assertThat(reply.description()).isEqualTo(description);
    }

    private static void eventually(java.util.function.BooleanSupplier condition) {
        Eventually.until(condition);
    }
}
