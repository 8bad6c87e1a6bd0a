package dev.relations.domain.common;

/**
 * What a decider knows about the request besides the command: its correlation id and the
 * time the API accepted it. Deciders read no clock; this is their only notion of "now".
 */
public record RequestContext(Tenant tenant, String requestId, long now) {
}
