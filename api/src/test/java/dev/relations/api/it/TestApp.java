package dev.relations.api.it;

import java.util.UUID;

/** An app (tenant) configured on a test instance; unique names keep test classes apart. */
public record TestApp(String name, String org, String app, String clientId, String clientSecret, int maxContacts) {

    public static TestApp unique(String prefix, int maxContacts) {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        return new TestApp(prefix + suffix, "org" + suffix, prefix + "app", "YXA6id-" + suffix, "YXA6secret-" + suffix, maxContacts);
    }
}
