package dev.relations.domain.common;

import java.util.Optional;

/** The user entity Easemob answers in {@code entities}. */
public record User(String uuid, Username username, long created, long modified, boolean activated,
                   Optional<String> nickname) {
}
