package dev.relations.domain.room;

import dev.relations.domain.common.Username;

import java.util.Optional;

/**
 * One membership edge. A pending member holds a place reserved by a join still waiting for
 * the user's side (its {@code reservation} is that request's id): it counts against
 * {@code maxusers} but is not a member for any other rule, and is not listed.
 *
 * @param seq join order, for listing; 0 while pending
 */
public record Member(Username user, Role role, long seq, long joined, boolean pending, Optional<String> reservation) {

    public boolean confirmed() {
        return !pending;
    }

    Member withRole(Role newRole) {
        return new Member(user, newRole, seq, joined, pending, reservation);
    }
}
