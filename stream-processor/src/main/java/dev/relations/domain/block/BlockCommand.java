package dev.relations.domain.block;

import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;

import java.util.List;
import java.util.Optional;

/**
 * Blocklist commands. A block batch is all or nothing across partitions: the owner
 * reserves the new edges, each target records its blocker and answers, and the owner
 * confirms every edge once all exist, or drops them all when one does not.
 */
public sealed interface BlockCommand {

    /** At the owner. */
    record BlockUsers(Username owner, List<Username> targets) implements BlockCommand {
    }

    /** At a target: remember the blocker, answer with the target's entity (empty: no such user). */
    record RegisterBlocker(Username owner, Username target) implements BlockCommand {
    }

    /** At the owner; {@code failed}: the target's step failed and changed nothing. */
    record BlockerAnswer(Username owner, Username target, Optional<User> targetUser, boolean failed) implements BlockCommand {
        public BlockerAnswer(Username owner, Username target, Optional<User> targetUser) {
            this(owner, target, targetUser, false);
        }
    }

    /** At the owner, from the deadline sweep: a batch still waiting settles with the answers it has. */
    record ExpireBlocks(Username owner) implements BlockCommand {
    }

    /** At the owner. */
    record UnblockUser(Username owner, Username target) implements BlockCommand {
    }

    /**
     * At a target: forget the blocker (unless {@code forget} is false: an unblock that found the
     * block still in flight only asks for the entity); answer the owner's unblock when {@code answer}.
     */
    record UnregisterBlocker(Username owner, Username target, boolean answer, boolean forget) implements BlockCommand {
        public UnregisterBlocker(Username owner, Username target, boolean answer) {
            this(owner, target, answer, true);
        }
    }

    /** At the owner. */
    record UnblockAnswer(Username owner, Username target, Optional<User> targetUser) implements BlockCommand {
    }

    /** At a blocker: the target was deleted. */
    record RemoveBlockPeer(Username owner, Username target) implements BlockCommand {
    }

    /** At a deleted user: drop its blocklist and tell everyone involved. */
    record DropBlocks(Username owner) implements BlockCommand {
    }
}
