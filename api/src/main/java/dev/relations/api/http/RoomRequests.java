package dev.relations.api.http;

import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Username;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Chatroom ids and name lists as they arrive in paths and bodies. */
final class RoomRequests {
    private static final Pattern ROOM_ID = Pattern.compile("[1-9][0-9]{1,17}");

    private RoomRequests() {
    }

    /** A numeric id as Easemob assigns them: time-ordered, 16 digits. */
    static RoomId newRoomId() {
        return new RoomId(Long.toString(System.currentTimeMillis() * 1000 + ThreadLocalRandom.current().nextInt(1000)));
    }

    /**
     * The id of a room created with an Idempotency-Key: of the same form, from the time the key was
     * first claimed and the key's digest, so every retry of the request names the same room.
     */
    static RoomId roomIdAt(long claimedAt, String keyDigest) {
        return new RoomId(Long.toString(claimedAt * 1000 + Long.parseLong(keyDigest.substring(0, 8), 16) % 1000));
    }

    /**
     * A room id the client chose at creation ({@code groupid} or {@code roomid}, SPEC D.3). Only ids
     * of the numeric form are taken, so chosen and assigned ids share one order in the room listing.
     */
    static RoomId chosenRoomId(String raw) {
        if (!ROOM_ID.matcher(raw).matches()) {
            throw new ApiException(new Rejection(400, "invalid_parameter", "IllegalArgumentException",
                    "group ID " + raw + " is not valid, it must match [1-9][0-9]{1,17}"));
        }
        return new RoomId(raw);
    }

    /** An id that cannot be a room id names no room. */
    static RoomId room(String raw) {
        if (raw == null || !ROOM_ID.matcher(raw).matches()) {
            throw new ApiException(roomNotFound(raw));
        }
        return new RoomId(raw);
    }

    static Rejection roomNotFound(String id) {
        return new Rejection(404, "resource_not_found", "ResourceNotFoundException", "grpID " + id + " does not exist!");
    }

    /** Detail and member list name a missing room differently (SPEC G-13). */
    static Rejection groupNotFound(String id) {
        return new Rejection(404, "service_resource_not_found", "ResourceNotFoundException", "do not find this group:" + id);
    }

    /** A comma-separated path segment ({@code u1,u2}, also URL-encoded), in order, without repeats. */
    static List<String> commaList(String segment) {
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(segment.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList()));
    }

    /**
     * A batch add's names, lower-cased: one that cannot be a username names nobody, and the room
     * leaves it out of {@code newmembers} like any unknown user (SPEC D.4).
     */
    static List<String> batchNames(List<String> raw) {
        return raw.stream().map(u -> Username.of(u).value()).toList();
    }

    /** Usernames bound for a room command: illegal ones cannot exist, so they are answered as unknown users. */
    static List<String> users(List<String> raw) {
        return raw.stream().map(u -> {
            if (!Username.isLegal(u)) {
                throw new ApiException(new Rejection(404, "resource_not_found", "ResourceNotFoundException",
                        "username " + u + " doesn't exist!"));
            }
            return Username.of(u).value();
        }).toList();
    }
}
