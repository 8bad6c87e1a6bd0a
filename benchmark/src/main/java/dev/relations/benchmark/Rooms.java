package dev.relations.benchmark;

import java.util.ArrayList;

/** Chatroom preparation shared by the room scenarios. */
final class Rooms {
    private Rooms() {
    }

    /**
     * Creates a room owned by {@code owner} and adds the registered users {@code members + 0 ..
     * members + (count - 1)} in batches; answers its id once the room reports them all.
     */
    static String withMembers(RelationsClient client, String owner, String members, int count) throws Exception {
        var room = client.createRoom(owner, count + 1);
        int batches = (count + RelationsClient.MAX_BATCH - 1) / RelationsClient.MAX_BATCH;
        // One room is one aggregate: its writes queue on one partition, so more parallelism buys nothing.
        Parallel.run(batches, 2, b -> {
            var names = new ArrayList<String>();
            for (int i = b * RelationsClient.MAX_BATCH; i < Math.min(count, (b + 1) * RelationsClient.MAX_BATCH); i++) {
                names.add(members + i);
            }
            client.addRoomMembersSurely(room, names);
        });
        int size = client.roomSize(room);
        if (size != count + 1) {
            throw new IllegalStateException("chatroom " + room + " holds " + size + " users, expected " + (count + 1));
        }
        return room;
    }
}
