package dev.relations.engine;

import dev.relations.store.Keys;
import dev.relations.store.SliceTable;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The wall-clock sweep of timed mutes: reads the expiry index up to now and has each room
 * with due entries lift them through its decider. The index is ordered by due time, so a
 * sweep reads only what is due, however many mutes are pending.
 */
final class MuteExpirySweep {

    /** Runs the expiry of one room at {@code now}; its events remove the room's due index entries. */
    @FunctionalInterface
    interface RoomExpiry {
        void expire(Tenant tenant, RoomId room, long now);
    }

    /** Runs one room's expiry as a step of its own: all or nothing, a failure logged and retried at the next sweep. */
    @FunctionalInterface
    interface Steps {
        void run(String what, Runnable step);
    }

    private record DueRoom(Tenant tenant, RoomId room, List<String> keys) {
    }

    private final SliceTable<String> index;
    private final RoomExpiry expiry;
    private final Steps steps;

    MuteExpirySweep(SliceTable<String> index, RoomExpiry expiry, Steps steps) {
        this.index = index;
        this.expiry = expiry;
        this.steps = steps;
    }

    void sweep(long now) {
        var due = new LinkedHashMap<String, DueRoom>();
        // '~' sorts after every character of an app key, so entries due exactly at `now` are included.
        try (var it = index.range(null, Keys.hex16(now) + "|~")) {
            it.forEachRemaining(kv -> {
                var parts = kv.key.split("\\|", 4);
                var appKey = parts[1];
                var hash = appKey.indexOf('#');
                var tenant = new Tenant(appKey.substring(0, hash), appKey.substring(hash + 1));
                due.computeIfAbsent(appKey + "|" + parts[2], k -> new DueRoom(tenant, new RoomId(parts[2]), new ArrayList<>()))
                        .keys().add(kv.key);
            });
        }
        for (var room : due.values()) {
            steps.run("expire_mutes", () -> {
                expiry.expire(room.tenant(), room.room(), now);
                // Entries the room did not lift are stale (its mute changed or the room is gone): they would be read forever.
                room.keys().forEach(index::delete);
            });
        }
    }
}
