package dev.relations.store;

import dev.relations.domain.block.Block;
import dev.relations.domain.block.BlockBatch;
import dev.relations.domain.block.Blocklist;
import dev.relations.domain.common.Gather;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;
import dev.relations.mapping.CommandMapping;
import dev.relations.schemas.StoredBatch;
import dev.relations.schemas.StoredBlock;

import java.util.HashMap;
import java.util.HashSet;
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
                    // `answers` names exactly the targets this batch reserved; the others were blocked already.
                    var pending = b.getTargets().stream().filter(b.getAnswers()::containsKey).map(Username::of).toList();
                    var answers = new HashMap<Username, BlockBatch.Answer>();
                    b.getAnswers().forEach((target, answer) -> {
                        switch (answer) {
                            case EXISTS -> answers.put(Username.of(target), BlockBatch.Answer.EXISTS);
                            case MISSING -> answers.put(Username.of(target), BlockBatch.Answer.MISSING);
                            case FAILED -> answers.put(Username.of(target), BlockBatch.Answer.FAILED);
                            default -> {
                            }
                        }
                    });
                    return new BlockBatch(new Gather<>(requestId, pending, answers, List.of(),
                            new HashSet<>(CommandMapping.names(b.getOverdue()))), CommandMapping.names(b.getTargets()));
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
        var gather = batch.gather();
        var answers = new HashMap<String, String>();
        for (var target : gather.targets()) {
            answers.put(target.value(), gather.answerOf(target).map(answer -> switch (answer) {
                case EXISTS -> EXISTS;
                case MISSING -> MISSING;
                case FAILED -> FAILED;
            }).orElse(AWAITING));
        }
        stores.batches.put(Keys.batch(tenant, owner, batch.requestId()), new StoredBatch(BLOCK,
                CommandMapping.values(batch.named()), CommandMapping.values(gather.awaiting()), answers, false,
                CommandMapping.values(List.copyOf(gather.overdue()))));
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
