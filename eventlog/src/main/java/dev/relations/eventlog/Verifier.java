package dev.relations.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relations.eventlog.FoldedState.Contact;
import dev.relations.eventlog.FoldedState.Mute;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Compares one aggregate of the folded log with what the service answers for it, through
 * the same routes an app server reads. Orders the service defines by an event's position
 * (contacts, blocks, room members) must match exactly; the joined rooms are compared as a
 * set, because their order is kept by the user's seats, which are never published.
 */
final class Verifier {
    private static final int CONTACT_PAGE = 50;
    private static final int BLOCK_PAGE = 50;
    private static final int ROOM_PAGE = 1000;

    /** One difference: the aggregate, what differs, the log's value and the service's. */
    record Difference(String aggregate, String what, Object log, Object service) {
    }

    private final ServiceApi api;
    private final String appKey;

    Verifier(ServiceApi api, String appKey) {
        this.api = api;
        this.appKey = appKey;
    }

    List<Difference> user(FoldedState state, String name) {
        var diffs = new ArrayList<Difference>();
        var aggregate = appKey + "/user/" + name;
        var log = state.user(name);
        var entity = api.get("/users/" + name);
        if (!bothExist(diffs, aggregate, log.exists(), entity)) {
            return diffs;
        }
        compare(diffs, aggregate, "uuid", log.uuid(), entity.body().path("entities").path(0).path("uuid").asText(null));
        var contacts = new ArrayList<Contact>();
        pages("/users/" + name + "/contacts?needReturnRemark=true&limit=" + CONTACT_PAGE,
                body -> body.path("data").path("cursor"),
                body -> body.path("data").path("contacts").forEach(c -> contacts.add(
                        new Contact(c.path("username").asText(), c.path("remark").isNull() ? null : c.path("remark").asText()))));
        compare(diffs, aggregate, "contacts", log.contacts(), contacts);
        var blocks = new ArrayList<String>();
        pages("/users/" + name + "/blocks/users?pageSize=" + BLOCK_PAGE, body -> body.path("cursor"),
                body -> body.path("data").forEach(b -> blocks.add(b.asText())));
        compare(diffs, aggregate, "blocks", log.blocks(), blocks);
        var joined = new ArrayList<String>();
        for (int page = 1; ; page++) {
            var answer = api.get("/users/" + name + "/joined_chatrooms?pagesize=" + ROOM_PAGE + "&pagenum=" + page);
            if (!answer.ok()) {
                diffs.add(new Difference(aggregate, "joined_rooms", log.joinedRooms(), status(answer)));
                break;
            }
            answer.body().path("data").forEach(r -> joined.add(r.path("id").asText()));
            if (answer.body().path("data").size() < ROOM_PAGE) {
                break;
            }
        }
        compare(diffs, aggregate, "joined_rooms", sorted(log.joinedRooms()), sorted(joined));
        return diffs;
    }

    List<Difference> room(FoldedState state, String id) {
        var diffs = new ArrayList<Difference>();
        var aggregate = appKey + "/room/" + id;
        long before = System.currentTimeMillis();
        var detail = api.get("/chatrooms/" + id);
        var log = state.room(id, before);
        if (!bothExist(diffs, aggregate, log.exists(), detail)) {
            return diffs;
        }
        var info = detail.body().path("data").path(0);
        compare(diffs, aggregate, "name", log.name(), info.path("name").asText(null));
        compare(diffs, aggregate, "description", log.description(), info.path("description").asText(null));
        compare(diffs, aggregate, "maxusers", log.maxusers(), info.path("maxusers").asInt());
        compare(diffs, aggregate, "owner", log.owner(), info.path("owner").asText(null));
        compare(diffs, aggregate, "custom", log.custom(), info.path("custom").asText(null));
        compare(diffs, aggregate, "created", log.created(), info.path("created").asLong());
        compare(diffs, aggregate, "mute_all", log.muteAll(), info.path("mute").asBoolean());
        var members = new ArrayList<String>();
        pages("/chatrooms/" + id + "/users?version=v3&limit=" + ROOM_PAGE, body -> body.path("cursor"),
                body -> body.path("data").forEach(m -> members.add(m.asText())));
        compare(diffs, aggregate, "members", log.members(), members);
        compare(diffs, aggregate, "admins", sorted(log.admins()), sorted(names(api.get("/chatrooms/" + id + "/admin"))));
        compare(diffs, aggregate, "blocklist", sorted(log.blocklist()), sorted(names(api.get("/chatrooms/" + id + "/blocks/users"))));
        compare(diffs, aggregate, "allowlist", sorted(log.allowlist()), sorted(names(api.get("/chatrooms/" + id + "/white/users"))));
        var mutes = new HashSet<Mute>();
        api.get("/chatrooms/" + id + "/mute").body().path("data")
                .forEach(m -> mutes.add(new Mute(m.path("user").asText(), m.path("expire").asLong())));
        long after = System.currentTimeMillis();
        // A timed mute may lapse between the two clocks: the service's list must lie between the log's at each end.
        var atBefore = new HashSet<>(log.mutes());
        var atAfter = new HashSet<>(state.room(id, after).mutes());
        if (!atBefore.containsAll(mutes) || !mutes.containsAll(atAfter)) {
            diffs.add(new Difference(aggregate, "mutes", log.mutes(), sortedMutes(mutes)));
        }
        return diffs;
    }

    /** Rooms the service lists that the log does not know as existing. */
    void unknownRooms(FoldedState state, Consumer<Difference> report) {
        String cursor = null;
        do {
            var answer = api.get("/chatrooms?limit=" + ROOM_PAGE + (cursor == null ? "" : "&cursor=" + ServiceApi.query(cursor)));
            if (!answer.ok()) {
                report.accept(new Difference(appKey, "chatrooms", "listed", status(answer)));
                return;
            }
            for (var room : answer.body().path("data")) {
                var id = room.path("id").asText();
                if (!state.room(id, System.currentTimeMillis()).exists()) {
                    report.accept(new Difference(appKey + "/room/" + id, "exists", false, true));
                }
            }
            cursor = answer.body().path("cursor").asText(null);
        } while (cursor != null && !cursor.isEmpty());
    }

    private void pages(String first, Function<JsonNode, JsonNode> cursorOf, Consumer<JsonNode> page) {
        String cursor = null;
        do {
            var answer = api.get(first + (cursor == null ? "" : "&cursor=" + ServiceApi.query(cursor)));
            if (!answer.ok()) {
                throw new IllegalStateException("GET " + first + " answered HTTP " + answer.status() + ": " + answer.body());
            }
            page.accept(answer.body());
            var next = cursorOf.apply(answer.body());
            cursor = next.isMissingNode() || next.isNull() || next.asText().isEmpty() ? null : next.asText();
        } while (cursor != null);
    }

    /** Whether the aggregate exists on both sides; a difference when only one side has it (the service's absence is 404). */
    private static boolean bothExist(List<Difference> diffs, String aggregate, boolean inLog, ServiceApi.Answer answer) {
        if (inLog && !answer.ok() || !inLog && answer.status() != 404) {
            diffs.add(new Difference(aggregate, "exists", inLog, status(answer)));
        }
        return inLog && answer.ok();
    }

    private static List<String> names(ServiceApi.Answer answer) {
        var names = new ArrayList<String>();
        answer.body().path("data").forEach(n -> names.add(n.asText()));
        return names;
    }

    private static void compare(List<Difference> diffs, String aggregate, String what, Object log, Object service) {
        if (!Objects.equals(log, service)) {
            diffs.add(new Difference(aggregate, what, log, service));
        }
    }

    private static String status(ServiceApi.Answer answer) {
        return "HTTP " + answer.status();
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }

    private static List<Mute> sortedMutes(java.util.Collection<Mute> mutes) {
        return mutes.stream().sorted(java.util.Comparator.comparing(Mute::user)).toList();
    }
}
