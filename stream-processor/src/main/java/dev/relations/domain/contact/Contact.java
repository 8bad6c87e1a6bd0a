package dev.relations.domain.contact;

import dev.relations.domain.common.Username;

import java.util.Optional;

/**
 * One roster edge, owner to friend. An unconfirmed edge is a slot reserved by an add
 * still waiting for the friend's side; it counts against the limit but is not listed.
 */
public record Contact(Username friend, boolean confirmed, long seq, long created, Optional<String> remark,
                      Optional<String> reservation) {
}
