package dev.relations.api.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** The {@code {"usernames":[...]}} bodies of batch calls. */
final class UsernameLists {
    private UsernameLists() {
    }

    static List<String> of(JsonNode body) {
        if (!body.isObject() || !body.path("usernames").isArray() || body.get("usernames").isEmpty()) {
            throw ApiException.illegalArgument("usernames must be provided");
        }
        var names = new ArrayList<String>();
        for (var node : body.get("usernames")) {
            if (!node.isTextual() || node.asText().isBlank()) {
                throw ApiException.illegalArgument("usernames must be a list of user IDs");
            }
            names.add(node.asText());
        }
        return names;
    }
}
