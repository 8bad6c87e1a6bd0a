package dev.relations.store;

import dev.relations.domain.common.Tenant;
import dev.relations.domain.idempotency.KeyClaim;
import dev.relations.schemas.Outcome;
import dev.relations.schemas.StoredRequest;

import org.apache.kafka.streams.KeyValue;

import java.util.ArrayList;
import java.util.Optional;

/**
 * The idempotency entries of external requests, and the claims of Idempotency-Keys, with an
 * index by creation time: forgetting old entries reads only the ones that are due, never the
 * whole store, and a key's claim is forgotten with the requests of its time.
 */
public final class RequestLog {
    private final SliceTable<StoredRequest> requests;
    private final SliceTable<String> byCreation;

    RequestLog(SliceTable<StoredRequest> requests, SliceTable<String> byCreation) {
        this.requests = requests;
        this.byCreation = byCreation;
    }

    /** A request seen and not answered yet. */
    public static StoredRequest inProgress(long created) {
        return StoredRequest.newBuilder().setDone(false).setCreated(created).build();
    }

    public static StoredRequest answered(Outcome outcome, long created) {
        return StoredRequest.newBuilder().setDone(true).setOutcome(outcome).setCreated(created).build();
    }

    public StoredRequest get(String requestKey) {
        return requests.get(requestKey);
    }

    /** Records or updates an entry; its creation time must not change once recorded. */
    public void put(String requestKey, StoredRequest request) {
        if (requests.get(requestKey) == null) {
            byCreation.put(Keys.requestCreation(request.getCreated(), requestKey), requestKey);
        }
        requests.put(requestKey, request);
    }

    /** An Idempotency-Key's claim, named by the key's digest. */
    public Optional<KeyClaim> claim(Tenant tenant, String digest) {
        return Optional.ofNullable(get(Keys.idempotencyClaim(tenant, digest)))
                .map(c -> new KeyClaim(c.getFingerprint(), c.getCreated(), c.getLeaseUntil(), c.getDone()));
    }

    /** Records a claim; it is forgotten with the requests created when the key was first claimed. */
    public void putClaim(Tenant tenant, String digest, KeyClaim claim) {
        put(Keys.idempotencyClaim(tenant, digest), StoredRequest.newBuilder()
                .setDone(claim.settled())
                .setCreated(claim.claimedAt())
                .setFingerprint(claim.fingerprint())
                .setLeaseUntil(claim.leaseUntil())
                .build());
    }

    /**
     * Forgets entries created before {@code cutoff}, oldest first, at most {@code limit} of them;
     * answers how many it forgot. An entry still unanswered that long is forgotten too: a retry
     * after the retention is a new request anyway.
     */
    public int forgetCreatedBefore(long cutoff, int limit) {
        var due = new ArrayList<KeyValue<String, String>>();
        // A bare time sorts before every index key of that time: only entries created before the cutoff are read.
        try (var it = byCreation.range(null, Keys.hex16(cutoff))) {
            while (it.hasNext() && due.size() < limit) {
                due.add(it.next());
            }
        }
        for (var entry : due) {
            byCreation.delete(entry.key);
            requests.delete(entry.value);
        }
        return due.size();
    }
}
