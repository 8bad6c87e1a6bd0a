package dev.relations.domain.block;

import dev.relations.domain.common.Username;

import java.util.Optional;

/** One blocklist edge, owner to target; unconfirmed while its batch waits for answers. */
public record Block(Username target, boolean confirmed, long seq, long created, Optional<String> batch) {
}
