package dev.relations.domain.room;

import dev.relations.domain.common.Username;

import java.util.List;
import java.util.Optional;

/**
 * A chatroom as the rules see it: point lookups and counters, so the 10,000th member costs
 * what the first did. The whole-list methods exist for a room's deletion only. Implemented
 * over the state stores in the topology and over maps in tests; the counters follow
 * {@link #putMember}/{@link #removeMember} (an implementation compares the old entry's role).
 */
public interface Room {

    /** Empty when the room does not exist: never created, still being created, or deleted. */
    Optional<RoomInfo> info();

    Optional<Member> member(Username user);

    /** Member entries, owner and pending members included: what {@code maxusers} bounds. */
    int memberCount();

    /** Members whose role is ADMIN. */
    int adminCount();

    boolean blocked(Username user);

    boolean allowed(Username user);

    /** The user's mute entry, expired or not (an expired one waits for the sweep). */
    Optional<Mute> mute(Username user);

    /** Timed mutes whose expiry is at or before {@code now}, from an expiry-ordered index; permanent ones never. */
    List<Mute> mutesExpiredBy(long now);

    /** Every member entry, pending ones included. Deletion only. */
    List<Member> members();

    /** Deletion only. */
    List<Username> blocks();

    /** Deletion only. */
    List<Username> allows();

    /** Deletion only. */
    List<Mute> mutes();

    /** The multi-user join with this request id, while it waits for answers. Survives the room's deletion. */
    Optional<RoomBatch> batch(String requestId);

    void putInfo(RoomInfo info);

    void removeInfo();

    void putMember(Member member);

    void removeMember(Username user);

    void putBlock(Username user);

    void removeBlock(Username user);

    void putAllow(Username user);

    void removeAllow(Username user);

    void putMute(Mute mute);

    void removeMute(Username user);

    void putBatch(RoomBatch batch);

    void removeBatch(String requestId);

    /** Next position in this room's join order. */
    long nextSeq();
}
