package dev.relations.mapping;

import dev.relations.domain.common.Reply;
import dev.relations.domain.common.Reply.MemberAction;
import dev.relations.domain.common.Username;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code data} of chatroom success bodies (SPEC D), as plain maps for JSON. */
public final class RoomOutcomes {
    private RoomOutcomes() {
    }

    public static Object data(Reply.RoomReply reply) {
        return switch (reply) {
            case Reply.RoomCreatedReply created -> Map.of("id", created.room().value());
            case Reply.RoomUpdatedReply updated -> {
                var fields = new LinkedHashMap<String, Object>();
                updated.fields().forEach(f -> fields.put(switch (f) {
                    case NAME -> "groupname";
                    case DESCRIPTION -> "description";
                    case MAX_USERS -> "maxusers";
                }, true));
                yield fields;
            }
            case Reply.OwnerTransferredReply ignored -> Map.of("newowner", true);
            case Reply.RoomDeletedReply deleted -> ordered("success", true, "id", deleted.room().value());
            case Reply.MemberReply member -> ordered("result", true, "action", action(member.action()),
                    "user", member.user().value(), roomField(member.action()), member.room().value());
            case Reply.MemberResultsReply results -> results.results().stream().map(r -> {
                var line = new LinkedHashMap<String, Object>();
                line.put("result", r.result());
                line.put("action", action(results.action()));
                r.reason().ifPresent(reason -> line.put("reason", reason));
                line.put("user", r.user().value());
                line.put(roomField(results.action()), results.room().value());
                return line;
            }).toList();
            case Reply.NewMembersReply added -> ordered("newmembers", names(added.members()), "action", "add_member",
                    "id", added.room().value());
            case Reply.AdminReply admin -> ordered("result", "success", admin.added() ? "newadmin" : "oldadmin",
                    admin.user().value());
            case Reply.MuteReply mute -> mute.results().stream()
                    .map(r -> ordered("result", r.result(), "expire", r.expire(), "user", r.user().value()))
                    .toList();
            case Reply.UnmuteReply unmute -> unmute.results().stream()
                    .map(r -> ordered("result", r.result(), "user", r.user().value()))
                    .toList();
            case Reply.MuteAllReply all -> Map.of("mute", all.mute());
        };
    }

    private static String action(MemberAction action) {
        return switch (action) {
            case ADD_MEMBER -> "add_member";
            case REMOVE_MEMBER -> "remove_member";
            case ADD_BLOCK -> "add_blocks";
            case REMOVE_BLOCK -> "remove_blocks";
            case ADD_ALLOW -> "add_user_whitelist";
            case REMOVE_ALLOW -> "remove_user_whitelist";
        };
    }

    /** Member calls name the room {@code id}; blocklist and allowlist calls {@code chatroomid}. */
    private static String roomField(MemberAction action) {
        return switch (action) {
            case ADD_MEMBER, REMOVE_MEMBER -> "id";
            case ADD_BLOCK, REMOVE_BLOCK, ADD_ALLOW, REMOVE_ALLOW -> "chatroomid";
        };
    }

    private static List<String> names(List<Username> users) {
        return users.stream().map(Username::value).toList();
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
