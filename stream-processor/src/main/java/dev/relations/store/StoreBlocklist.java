package dev.relations.store;

import dev.relations.domain.block.Block;
import dev.relations.domain.block.BlockBatch;
import dev.relations.domain.block.Blocklist;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;
import dev.relations.schemas.StoredBatch;
import dev.relations.schemas.StoredBlock;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** One owner's blocklist (and who blocks the owner) over the state stores. */
public final class StoreBlocklist implements Blocklist {
    public static final String SIZE = "blocks";
    static final String SEQ = "block-seq";
    static final String BLOCK = "BLOCK";
    private static final String AWAITING = "pending";
    private static final String EXISTS = "ok";
    private static final String MISSING = "missing";
    private static final String FAILED = "failed";

    private final Tenant tenant;
    private final Username owner;
    private final UserStores stores;
    /** The owner's key prefix, computed once per step. */
    private final String prefix;
    private final OrderedEdges<StoredBlock> edges;

    public StoreBlocklist(Tenant tenant, Username owner, UserStores stores) {
        this.tenant = tenant;
        this.owner = owner;
        this.stores = stores;
        this.prefix = Keys.ownerPrefix(tenant, owner);
        this.edges = new OrderedEdges<>(stores.blocks, stores.blockOrder, stores.counted, SIZE, StoredBlock::getConfirmed,
                StoredBlock::getSeq);
    }

    @Override
    public Optional<User> owner() {
        return stores.user(tenant, owner);
    }

    @Override
    public int size() {
        return edges.size(prefix);
    }

    @Override
    public Optional<Block> block(Username target) {
        return Optional.ofNullable(edges.get(prefix, target.value())).map(b -> toBlock(target, b));
    }

    @Override
    public List<Block> blocks() {
        return UserStores.scan(stores.blocks, tenant, owner, StoreBlocklist::toBlock);
    }

    @Override
    public List<Username> blockers() {
        return UserStores.scan(stores.blockers, tenant, owner, (blocker, ignored) -> blocker);
    }

    @Override
    public Optional<BlockBatch> batch(String requestId) {
        return Optional.ofNullable(stores.batches.get(Keys.batch(tenant, owner, requestId)))
                .filter(b -> BLOCK.equals(b.getKind()))
                .map(b -> {
                    var pending = b.getTargets().stream().filter(b.getAnswers()::containsKey).map(Username::of).toList();
                    var awaiting = new LinkedHashSet<Username>();
                    var missing = new HashSet<Username>();
                    var failed = new HashSet<Username>();
                    b.getAnswers().forEach((target, answer) -> {
                        var name = Username.of(target);
                        switch (answer) {
                            case AWAITING -> awaiting.add(name);
                            case MISSING -> missing.add(name);
                            case FAILED -> failed.add(name);
                            default -> {
                            }
                        }
                    });
                    return new BlockBatch(requestId, b.getTargets().stream().map(Username::of).toList(),
                            pending, awaiting, missing, failed);
                });
    }

    @Override
    public void put(Block block) {
        edges.put(prefix, block.target().value(), new StoredBlock(block.confirmed(), block.seq(), block.created(),
                block.batch().orElse(null)));
    }

    @Override
    public void remove(Username target) {
        edges.remove(prefix, target.value());
    }

    @Override
    public void putBlocker(Username blocker) {
        stores.blockers.put(Keys.edge(tenant, owner, blocker), blocker.value());
    }

    @Override
    public void removeBlocker(Username blocker) {
        stores.blockers.delete(Keys.edge(tenant, owner, blocker));
    }

    @Override
    public void putBatch(BlockBatch batch) {
        var answers = new HashMap<String, String>();
        for (var target : batch.pending()) {
            answers.put(target.value(), batch.awaiting().contains(target) ? AWAITING
                    : batch.missing().contains(target) ? MISSING
                    : batch.failed().contains(target) ? FAILED : EXISTS);
        }
        stores.batches.put(Keys.batch(tenant, owner, batch.requestId()), new StoredBatch(BLOCK,
                batch.targets().stream().map(Username::value).toList(),
                batch.awaiting().stream().map(Username::value).toList(), answers, false));
    }

    @Override
    public void removeBatch(String requestId) {
        stores.batches.delete(Keys.batch(tenant, owner, requestId));
    }

    @Override
    public long nextSeq() {
        return stores.nextSeq(tenant, owner, SEQ);
    }

    private static Block toBlock(Username target, StoredBlock b) {
        return new Block(target, b.getConfirmed(), b.getSeq(), b.getCreated(), Optional.ofNullable(b.getBatch()));
    }
}
