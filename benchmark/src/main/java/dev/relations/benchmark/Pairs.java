package dev.relations.benchmark;

/**
 * Unique pairs over a pool of M users: pair k joins user i = k mod M with user
 * (i + r) mod M, r = k div M + 1. Each round of M pairs gives every user two new
 * contacts, and no pair repeats while r stays below M / 2; consecutive pairs touch
 * different users. The Java and the wrk drivers walk the same sequence.
 */
record Pairs(String userPrefix, int pool) {
    Pairs {
        if (pool < 3) {
            throw new IllegalArgumentException("a pool of pairs needs at least 3 users");
        }
    }

    /** Pairs available while every user stays at or under {@code maxContacts} contacts. */
    long capacity(int maxContacts) {
        int rounds = Math.min(maxContacts / 2, (pool - 1) / 2);
        return (long) rounds * pool;
    }

    int owner(long k) {
        return (int) (k % pool);
    }

    int friend(long k) {
        return (int) ((k % pool + k / pool + 1) % pool);
    }

    String ownerName(long k) {
        return userPrefix + owner(k);
    }

    String friendName(long k) {
        return userPrefix + friend(k);
    }

    /** Lua source of {@code target(k)}: the path of pair k's mutual add under {@code appPath}. */
    String addTargetLua(String appPath) {
        var users = appPath + "/users/" + userPrefix;
        return """
                function target(k)
                  local i = k %% %d
                  return "%s" .. i .. "/contacts/users/%s" .. ((i + math.floor(k / %d) + 1) %% %d)
                end""".formatted(pool, users, userPrefix, pool, pool);
    }
}
