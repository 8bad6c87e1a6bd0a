package dev.relations.domain.block;

import dev.relations.domain.common.Username;

import java.util.List;

public sealed interface BlockEvent {

    /** Internal: new edges held for a batch waiting for answers. */
    record BlocksReserved(Username owner, String requestId, List<Username> targets, List<Username> pending, long at)
            implements BlockEvent {
    }

    /** Internal: one target of a batch answered ({@code failed}: its step failed inside the service). */
    record BlockerAnswered(Username owner, String requestId, Username target, boolean exists, boolean failed)
            implements BlockEvent {
        public BlockerAnswered(Username owner, String requestId, Username target, boolean exists) {
            this(owner, requestId, target, exists, false);
        }
    }

    /** Internal: the deadline passed; the targets still unanswered count as failed from now on. */
    record BlocksExpired(Username owner, String requestId) implements BlockEvent {
    }

    /** Internal: a batch failed; its reserved edges are dropped. */
    record BlocksReleased(Username owner, String requestId, List<Username> pending) implements BlockEvent {
    }

    /** The batch's edges are confirmed (published as block.added with every named target). */
    record UsersBlocked(Username owner, String requestId, List<Username> targets, List<Username> pending) implements BlockEvent {
    }

    record UserUnblocked(Username owner, Username target, UnblockReason reason) implements BlockEvent {
    }

    /** Internal: the reverse entry at the blocked user. */
    record BlockerRegistered(Username target, Username blocker) implements BlockEvent {
    }

    /** Internal. */
    record BlockerUnregistered(Username target, Username blocker) implements BlockEvent {
    }

    /** REST: an unblock call; USER_DELETED: the target was deleted; OWNER_DELETED: the blocklist's owner was. */
    enum UnblockReason { REST, USER_DELETED, OWNER_DELETED }
}
