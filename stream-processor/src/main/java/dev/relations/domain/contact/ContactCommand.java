package dev.relations.domain.contact;

import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;

import java.util.List;
import java.util.Optional;

/**
 * Commands on a user's roster. A mutual add or remove spans two aggregates (two
 * partitions), so it is a chain: the API's command starts at the owner, a peer step runs
 * at the friend, and a completing step returns to the owner, which answers the request.
 */
public sealed interface ContactCommand {

    /** At the owner: reserve a slot, then ask the friend. */
    record AddContact(Username owner, Username friend, String source, boolean notice) implements ContactCommand {
    }

    /** At the friend: add the owner if the friend exists and has room. */
    record ReserveContactPeer(Username owner, Username friend, String source, boolean notice) implements ContactCommand {
    }

    /** At the owner: the friend's side is done. */
    record ConfirmContact(Username owner, Username friend, User friendUser, String source, boolean notice) implements ContactCommand {
    }

    /** At the owner: the friend refused; give the reserved slot back. */
    record ReleaseContact(Username owner, Username friend, ReleaseReason reason) implements ContactCommand {
    }

    /** At the owner: check the owner, then ask the friend's side to go first. */
    record RemoveContact(Username owner, Username friend) implements ContactCommand {
    }

    /**
     * At the friend: drop the owner from the friend's roster. {@code notice}: whether the friend
     * is told (false only for the rollback of an add the friend was not told about).
     */
    record RemoveContactPeer(Username owner, Username friend, RemoveReason reason, boolean notice) implements ContactCommand {
        public RemoveContactPeer(Username owner, Username friend, RemoveReason reason) {
            this(owner, friend, reason, true);
        }
    }

    /** At the owner: the friend's side is gone (friendUser empty: the friend does not exist). */
    record CompleteRemoveContact(Username owner, Username friend, Optional<User> friendUser) implements ContactCommand {
    }

    /** At the owner: set the owner's remark on a friend. */
    record SetRemark(Username owner, Username friend, String remark) implements ContactCommand {
    }

    /** At the target: does it exist? Answered with {@link ProbeAnswer} at the asker. */
    record ProbeUser(Username asker, Username target, ProbePurpose purpose) implements ContactCommand {
    }

    /** At the asker. */
    record ProbeAnswer(Username asker, Username target, ProbePurpose purpose, boolean exists) implements ContactCommand {
    }

    /** At the owner: a mutual add per target, answered with Easemob's buckets once every target answered. */
    record ImportContacts(Username owner, List<Username> targets, boolean notice) implements ContactCommand {
    }

    /** At the owner, from the deadline sweep: an import still waiting settles with the answers it has. */
    record ExpireImport(Username owner) implements ContactCommand {
    }

    /** At a deleted user: drop every edge and tell each friend. */
    record DropRoster(Username owner) implements ContactCommand {
    }

    /** FAILED: the friend's step or the owner's confirm failed inside the service and changed nothing. */
    enum ReleaseReason { NOT_FOUND, FULL, FAILED }

    /** Why an aggregate asked another whether it exists. */
    enum ProbePurpose { REMARK }

    /**
     * REST: a remove call; USER_DELETED: the friend was deleted; OWNER_DELETED: this roster's owner was;
     * ROLLBACK: an add that could not complete is undone (the friend is told, if it was told the add).
     */
    enum RemoveReason { REST, USER_DELETED, OWNER_DELETED, ROLLBACK }
}
