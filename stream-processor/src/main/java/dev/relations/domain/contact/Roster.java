package dev.relations.domain.contact;

import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;

import java.util.List;
import java.util.Optional;

/**
 * A user's relations as the rules see them: point lookups and a counter, so a decision
 * costs the same for the first contact and the 3,000th. Implemented over the state
 * stores in the topology and over maps in tests.
 */
public interface Roster {

    /** The aggregate's own user, empty when it is not registered (or deleted). */
    Optional<User> owner();

    /** Edges held, reservations included. */
    int size();

    Optional<Contact> contact(Username friend);

    /** Every edge; only a user's deletion walks them. */
    List<Contact> contacts();

    /** Folds an event's effect in; see {@link ContactDecider#evolve}. */
    void put(Contact contact);

    void remove(Username friend);

    /** The import with this request id, while it waits for answers. */
    Optional<ImportProgress> importing(String requestId);

    void putImport(ImportProgress progress);

    void removeImport(String requestId);

    /** Next position in this owner's listing order (newest has the highest). */
    long nextSeq();
}
