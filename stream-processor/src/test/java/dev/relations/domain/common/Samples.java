package dev.relations.domain.common;

import java.util.Optional;

/** Tenants, users and request contexts shared by the decider tests. */
public final class Samples {
    public static final Tenant TENANT = new Tenant("acme", "chat");
    public static final long NOW = 1_700_000_000_000L;
    public static final Username ALICE = Username.of("alice");
    public static final Username BOB = Username.of("bob");
    public static final Username CAROL = Username.of("carol");
    public static final Username DAVE = Username.of("dave");

    private Samples() {
    }

    public static User user(Username name) {
        return new User("uuid-" + name.value(), name, NOW - 60_000, NOW - 60_000, true, Optional.empty());
    }

    public static RequestContext request(String requestId) {
        return new RequestContext(TENANT, requestId, NOW);
    }
}
