package dev.relations.mapping;

import dev.relations.schemas.RoomCreated;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SPEC E.3's {@code CREATE} payload parts built from a {@code room.created} event, for the
 * notifications topic and the webhooks alike: the {@code role} map and {@code info}, whose
 * values are all strings. The fields this service does not keep get the values its
 * behaviour implies: every room is public and open to a direct add, nothing is muted at
 * creation, there is no avatar and the room is not disabled.
 */
public final class RoomCreatedPayload {
    private RoomCreatedPayload() {
    }

    /** E.3 {@code role}: the owner as {@code owner}, then each admin as {@code admin}. */
    public static Map<String, String> role(RoomCreated created) {
        var role = new LinkedHashMap<String, String>();
        role.put(created.getOwner(), "owner");
        created.getAdmins().forEach(admin -> role.putIfAbsent(admin, "admin"));
        return role;
    }

    /** E.3 {@code info} (values are strings), with the owner as {@code {appkey}_{owner}}. */
    public static Map<String, String> info(String appKey, RoomCreated created) {
        var info = new LinkedHashMap<String, String>();
        info.put("owner", appKey + "_" + created.getOwner());
        info.put("created", Long.toString(created.getCreated()));
        info.put("custom", created.getCustom());
        info.put("description", created.getDescription());
        info.put("mute", "false");
        info.put("mute_duration", "0");
        info.put("avatar", "");
        info.put("title", created.getName());
        info.put("max_users", Integer.toString(created.getMaxusers()));
        info.put("invite_need_confirm", "false");
        info.put("public", "true");
        info.put("allow_user_invites", "false");
        info.put("disabled", "false");
        info.put("last_modified", Long.toString(created.getCreated()));
        return info;
    }
}
