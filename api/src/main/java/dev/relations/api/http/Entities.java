package dev.relations.api.http;

import dev.relations.schemas.UserView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Easemob user entity as JSON. */
public final class Entities {
    private Entities() {
    }

    public static Map<String, Object> user(UserView user) {
        var entity = new LinkedHashMap<String, Object>();
        entity.put("uuid", user.getUuid());
        entity.put("type", "user");
        entity.put("created", user.getCreated());
        entity.put("modified", user.getModified());
        entity.put("username", user.getUsername());
        entity.put("activated", user.getActivated());
        if (user.getNickname() != null) {
            entity.put("nickname", user.getNickname());
        }
        return entity;
    }

    public static List<Map<String, Object>> users(List<UserView> users) {
        return users.stream().map(Entities::user).toList();
    }
}
