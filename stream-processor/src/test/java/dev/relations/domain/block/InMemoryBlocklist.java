package dev.relations.domain.block;

import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** A blocklist over maps, with the store blocklist's semantics: size counts unconfirmed edges, seq only grows. */
final class InMemoryBlocklist implements Blocklist {
    private final Optional<User> owner;
    private final SortedMap<Username, Block> edges = new TreeMap<>();
    private final SortedSet<Username> blockers = new TreeSet<>();
    private final Map<String, BlockBatch> batches = new HashMap<>();
    private long seq;

    private InMemoryBlocklist(Optional<User> owner) {
        this.owner = owner;
    }

    static InMemoryBlocklist of(User owner) {
        return new InMemoryBlocklist(Optional.of(owner));
    }

    /** The blocklist of a username nobody registered (or of a deleted user). */
    static InMemoryBlocklist unregistered() {
        return new InMemoryBlocklist(Optional.empty());
    }

    @Override
    public Optional<User> owner() {
        return owner;
    }

    @Override
    public int size() {
        return edges.size();
    }

    @Override
    public Optional<Block> block(Username target) {
        return Optional.ofNullable(edges.get(target));
    }

    @Override
    public List<Block> blocks() {
        return List.copyOf(edges.values());
    }

    @Override
    public List<Username> blockers() {
        return List.copyOf(blockers);
    }

    @Override
    public Optional<BlockBatch> batch(String requestId) {
        return Optional.ofNullable(batches.get(requestId));
    }

    @Override
    public void put(Block block) {
        edges.put(block.target(), block);
    }

    @Override
    public void remove(Username target) {
        edges.remove(target);
    }

    @Override
    public void putBlocker(Username blocker) {
        blockers.add(blocker);
    }

    @Override
    public void removeBlocker(Username blocker) {
        blockers.remove(blocker);
    }

    @Override
    public void putBatch(BlockBatch batch) {
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
}
