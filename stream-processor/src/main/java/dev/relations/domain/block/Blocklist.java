package dev.relations.domain.block;

import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;

import java.util.List;
import java.util.Optional;

/**
 * A user's blocklist and its reverse (who blocks this user), as point lookups and a
 * counter: the 500th block costs what the first did. The reverse entries exist so that
 * deleting a user can clean every blocklist that names them.
 */
public interface Blocklist {

    Optional<User> owner();

    /** Edges held, unconfirmed ones included. */
    int size();

    Optional<Block> block(Username target);

    List<Block> blocks();

    /** Users whose blocklists name this user. */
    List<Username> blockers();

    Optional<BlockBatch> batch(String requestId);

    void put(Block block);

    void remove(Username target);

    void putBlocker(Username blocker);

    void removeBlocker(Username blocker);

    void putBatch(BlockBatch batch);

    void removeBatch(String requestId);

    long nextSeq();
}
