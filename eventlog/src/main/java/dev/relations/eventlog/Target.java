package dev.relations.eventlog;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.mapping.RecordKeys;
import picocli.CommandLine.Option;

/** One aggregate named on the command line: a user or a chatroom. */
final class Target {
    @Option(names = "--user", paramLabel = "NAME", description = "a user")
    private String user;

    @Option(names = "--room", paramLabel = "ID", description = "a chatroom")
    private String room;

    boolean isUser() {
        return user != null;
    }

    /** The user's name as the service keeps it (lower case). */
    String user() {
        return Username.of(user).value();
    }

    String room() {
        return room;
    }

    /** The aggregate's record key, which also decides its partition. */
    String key(Connection connection) {
        var tenant = new Tenant(connection.org(), connection.app());
        return isUser() ? RecordKeys.user(tenant, Username.of(user)) : RecordKeys.room(tenant, new RoomId(room));
    }
}
