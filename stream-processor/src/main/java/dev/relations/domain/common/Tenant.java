package dev.relations.domain.common;

import java.util.Objects;

/** An Easemob app: every key, store entry and event is scoped by one. */
public record Tenant(String org, String app) {
    public Tenant {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(app, "app");
    }

    /** The Easemob app key, {@code org#app}. */
    public String appKey() {
        return org + "#" + app;
    }
}
