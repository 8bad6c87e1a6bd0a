package dev.relations.benchmark;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads of the first member page ({@code pagenum=1&pagesize=100}: the owner and 99
 * members) of rooms of {@value #MEMBERS} members plus the owner. The same members join
 * all {@value #ROOMS} rooms; reads cycle over the rooms so they spread over partitions.
 */
final class RoomPageScenario implements Scenario, WrkScenario {
    static final int ROOMS = 4;
    static final int MEMBERS = 100;
    static final int PAGE = 100;

    private final RelationsClient client;
    private final String owner;
    private final String members;
    private final String[] rooms = new String[ROOMS];
    private final AtomicLong next = new AtomicLong();

    RoomPageScenario(RelationsClient client, String runPrefix) {
        this.client = client;
        this.owner = runPrefix + "-rpage-owner";
        this.members = runPrefix + "-rpage-m";
    }

    @Override
    public String name() {
        return "room-page";
    }

    @Override
    public void prepare() throws Exception {
        System.out.printf("  registering %d users, creating %d chatrooms of %d members each%n", MEMBERS + 1, ROOMS, MEMBERS);
        Parallel.registerUsers(client, owner, 1);
        Parallel.registerUsers(client, members, MEMBERS);
        for (int r = 0; r < ROOMS; r++) {
            rooms[r] = Rooms.withMembers(client, owner + 0, members, MEMBERS);
        }
    }

    @Override
    public OpResult execute(int c) throws Exception {
        var response = client.roomMembers(rooms[(int) (next.getAndIncrement() % ROOMS)], 1, PAGE);
        if (!response.ok()) {
            return OpResult.error(response.errorLabel());
        }
        int count = RelationsClient.count(response);
        return count == PAGE ? OpResult.OK : OpResult.error("listed " + count + " members");
    }

    @Override
    public WrkScript warmup() {
        var lua = new StringBuilder("local rooms = {");
        for (var room : rooms) {
            lua.append('"').append(client.appPath()).append("/chatrooms/").append(room)
                    .append("/users?pagenum=1&pagesize=").append(PAGE).append("\", ");
        }
        lua.append("}\nfunction target(k) return rooms[k % ").append(ROOMS).append(" + 1] end");
        return WrkScript.get(name(), lua.toString(), client.token());
    }

    @Override
    public WrkScript measured(long warmupNext) {
        return warmup();
    }
}
