package dev.relations.benchmark;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads of full 100-contact lists. Preparation gives each of T targets the same 100
 * friends (each friend then holds T ≤ 100 contacts); reads cycle over the targets so
 * they spread over partitions.
 */
final class ContactListScenario implements Scenario, WrkScenario {
    static final int CONTACTS = 100;

    private final RelationsClient client;
    private final String targets;
    private final String friends;
    private final int targetCount;
    private final AtomicLong next = new AtomicLong();

    ContactListScenario(RelationsClient client, String runPrefix, int targetCount) {
        this.client = client;
        this.targets = runPrefix + "-list-t";
        this.friends = runPrefix + "-list-f";
        this.targetCount = targetCount;
    }

    @Override
    public String name() {
        return "contact-list";
    }

    @Override
    public void prepare() throws Exception {
        prepareTargets(client, targets, friends, targetCount);
    }

    /** Registers {@code targetCount} targets and 100 friends and makes every target a contact of every friend. */
    static void prepareTargets(RelationsClient client, String targets, String friends, int targetCount) throws Exception {
        System.out.printf("  registering %d users, adding %d contacts to each of %d targets%n",
                targetCount + CONTACTS, CONTACTS, targetCount);
        Parallel.registerUsers(client, targets, targetCount);
        Parallel.registerUsers(client, friends, CONTACTS);
        Parallel.run(targetCount * CONTACTS, 64, i -> client.addContactSurely(targets + (i % targetCount), friends + (i / targetCount)));
        for (int t = 0; t < targetCount; t++) {
            int count = RelationsClient.count(client.listContacts(targets + t));
            if (count != CONTACTS) {
                throw new IllegalStateException(targets + t + " lists " + count + " contacts, expected " + CONTACTS);
            }
        }
    }

    @Override
    public OpResult execute(int c) throws Exception {
        var response = client.listContacts(targets + (next.getAndIncrement() % targetCount));
        if (!response.ok()) {
            return OpResult.error(response.errorLabel());
        }
        int count = RelationsClient.count(response);
        return count == CONTACTS ? OpResult.OK : OpResult.error("listed " + count + " contacts");
    }

    @Override
    public WrkScript warmup() {
        return WrkScript.get(name(), WrkScript.cycling(client.appPath() + "/users/", targets, "/contacts/users", targetCount),
                client.token());
    }

    @Override
    public WrkScript measured(long warmupNext) {
        return warmup();
    }
}
