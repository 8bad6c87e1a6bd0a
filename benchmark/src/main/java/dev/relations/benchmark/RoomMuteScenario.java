package dev.relations.benchmark;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Mute writes, one member per call, cycling over the {@value #MEMBERS} members of one
 * room: every write is to the same room, so this measures a hot room's write path. A
 * repeated mute only moves the member's expiry; the 60 s mutes also keep the service's
 * expiry sweep busy during longer runs.
 */
final class RoomMuteScenario implements Scenario {
    static final int MEMBERS = 100;
    static final long DURATION_MILLIS = 60_000;

    private final RelationsClient client;
    private final String owner;
    private final String members;
    private final AtomicLong next = new AtomicLong();
    private volatile String room;

    RoomMuteScenario(RelationsClient client, String runPrefix) {
        this.client = client;
        this.owner = runPrefix + "-rmute-owner";
        this.members = runPrefix + "-rmute-m";
    }

    @Override
    public String name() {
        return "room-mute";
    }

    @Override
    public void prepare() throws Exception {
        System.out.printf("  registering %d users, creating a chatroom of %d members%n", MEMBERS + 1, MEMBERS);
        Parallel.registerUsers(client, owner, 1);
        Parallel.registerUsers(client, members, MEMBERS);
        room = Rooms.withMembers(client, owner + 0, members, MEMBERS);
    }

    @Override
    public OpResult execute(int c) throws Exception {
        var response = client.mute(room, members + (next.getAndIncrement() % MEMBERS), DURATION_MILLIS);
        if (!response.ok()) {
            return OpResult.error(response.errorLabel());
        }
        var result = RelationsClient.tree(response).path("data").path(0).path("result");
        return result.asBoolean(false) ? OpResult.OK : OpResult.error("mute result " + result);
    }
}
