package dev.relations.domain.room;

import dev.relations.domain.common.Username;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A room over maps, with the store's semantics: the admin counter follows the role of the
 * entry put or removed (it is not recomputed), seq only grows, batches outlive the room.
 */
final class InMemoryRoom implements Room {
    private Optional<RoomInfo> info = Optional.empty();
    private final SortedMap<Username, Member> members = new TreeMap<>();
    private final SortedSet<Username> blocks = new TreeSet<>();
    private final SortedSet<Username> allows = new TreeSet<>();
    private final SortedMap<Username, Mute> mutes = new TreeMap<>();
    private final Map<String, RoomBatch> batches = new HashMap<>();
    private int admins;
    private long seq;

    @Override
    public Optional<RoomInfo> info() {
        return info;
    }

    @Override
    public Optional<Member> member(Username user) {
        return Optional.ofNullable(members.get(user));
    }

    @Override
    public int memberCount() {
        return members.size();
    }

    @Override
    public int adminCount() {
        return admins;
    }

    @Override
    public boolean blocked(Username user) {
        return blocks.contains(user);
    }

    @Override
    public boolean allowed(Username user) {
        return allows.contains(user);
    }

    @Override
    public Optional<Mute> mute(Username user) {
        return Optional.ofNullable(mutes.get(user));
    }

    @Override
    public List<Mute> mutesExpiredBy(long now) {
        return mutes.values().stream()
                .filter(m -> !m.permanent() && m.expireAt() <= now)
                .sorted(Comparator.comparingLong(Mute::expireAt))
                .toList();
    }

    @Override
    public List<Member> members() {
        return List.copyOf(members.values());
    }

    @Override
    public List<Username> blocks() {
        return List.copyOf(blocks);
    }

    @Override
    public List<Username> allows() {
        return List.copyOf(allows);
    }

    @Override
    public List<Mute> mutes() {
        return List.copyOf(mutes.values());
    }

    @Override
    public Optional<RoomBatch> batch(String requestId) {
        return Optional.ofNullable(batches.get(requestId));
    }

    @Override
    public void putInfo(RoomInfo newInfo) {
        info = Optional.of(newInfo);
    }

    @Override
    public void removeInfo() {
        info = Optional.empty();
    }

    @Override
    public void putMember(Member member) {
        var old = members.put(member.user(), member);
        admins += (member.role() == Role.ADMIN ? 1 : 0) - (old != null && old.role() == Role.ADMIN ? 1 : 0);
    }

    @Override
    public void removeMember(Username user) {
        var old = members.remove(user);
        if (old != null && old.role() == Role.ADMIN) {
            admins--;
        }
    }

    @Override
    public void putBlock(Username user) {
        blocks.add(user);
    }

    @Override
    public void removeBlock(Username user) {
        blocks.remove(user);
    }

    @Override
    public void putAllow(Username user) {
        allows.add(user);
    }

    @Override
    public void removeAllow(Username user) {
        allows.remove(user);
    }

    @Override
    public void putMute(Mute mute) {
        mutes.put(mute.user(), mute);
    }

    @Override
    public void removeMute(Username user) {
        mutes.remove(user);
    }

    @Override
    public void putBatch(RoomBatch batch) {
        batches.put(batch.requestId(), batch);
    }

    @Override
    public void removeBatch(String requestId) {
        batches.remove(requestId);
    }

    @Override
    public long nextSeq() {
        return ++seq;
    }

    /** Confirmed members in join order. */
    List<Username> confirmedMembers() {
        var confirmed = new ArrayList<>(members.values().stream().filter(Member::confirmed).toList());
        confirmed.sort(Comparator.comparingLong(Member::seq));
        return confirmed.stream().map(Member::user).toList();
    }

    List<Username> pendingMembers() {
        return members.values().stream().filter(Member::pending).map(Member::user).toList();
    }

    List<Username> withRole(Role role) {
        return members.values().stream().filter(m -> m.role() == role && m.confirmed()).map(Member::user).toList();
    }

    int batchCount() {
        return batches.size();
    }
}
