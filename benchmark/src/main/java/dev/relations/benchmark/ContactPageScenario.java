package dev.relations.benchmark;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Paged reads of 100-contact lists, {@value #PAGE} per page: each client walks one target's
 * list to the end (following {@code data.cursor}), then takes the next target. One
 * operation is one page; a walk that does not come to exactly 100 contacts counts as an
 * error on its last page. Preparation is that of {@link ContactListScenario}.
 */
final class ContactPageScenario implements Scenario {
    static final int PAGE = 50;

    private final RelationsClient client;
    private final String targets;
    private final String friends;
    private final int targetCount;
    private final AtomicLong next = new AtomicLong();
    /** Per client (each is one thread): the target being walked, its cursor, contacts seen so far. */
    private final String[] target;
    private final String[] cursor;
    private final int[] seen;

    ContactPageScenario(RelationsClient client, String runPrefix, int targetCount, int clients) {
        this.client = client;
        this.targets = runPrefix + "-page-t";
        this.friends = runPrefix + "-page-f";
        this.targetCount = targetCount;
        this.target = new String[clients];
        this.cursor = new String[clients];
        this.seen = new int[clients];
    }

    @Override
    public String name() {
        return "contact-page";
    }

    @Override
    public void prepare() throws Exception {
        ContactListScenario.prepareTargets(client, targets, friends, targetCount);
    }

    @Override
    public OpResult execute(int c) throws Exception {
        if (target[c] == null) {
            target[c] = targets + (next.getAndIncrement() % targetCount);
            cursor[c] = null;
            seen[c] = 0;
        }
        RelationsClient.Response response;
        try {
            response = client.contactPage(target[c], PAGE, cursor[c]);
        } catch (Exception e) {
            target[c] = null;
            throw e;
        }
        if (!response.ok()) {
            target[c] = null;
            return OpResult.error(response.errorLabel());
        }
        var data = RelationsClient.tree(response).path("data");
        int page = data.path("contacts").size();
        seen[c] += page;
        var nextCursor = data.path("cursor").asText("");
        if (!nextCursor.isEmpty() && page == PAGE && seen[c] < ContactListScenario.CONTACTS) {
            cursor[c] = nextCursor;
            return OpResult.OK;
        }
        int total = seen[c];
        boolean more = !nextCursor.isEmpty();
        target[c] = null;
        if (total != ContactListScenario.CONTACTS || more) {
            return OpResult.error("walk listed " + total + (more ? "+" : "") + " contacts");
        }
        return OpResult.OK;
    }
}
