package dev.relations.store;

import dev.relations.schemas.StoredRequest;

import org.apache.kafka.streams.KeyValue;

import java.util.ArrayList;

/**
 * The idempotency entries of external requests, with an index by creation time: forgetting
 * old entries reads only the ones that are due, never the whole store.
 */
public final class RequestLog {
    private final SliceTable<StoredRequest> requests;
    private final SliceTable<String> byCreation;

    RequestLog(SliceTable<StoredRequest> requests, SliceTable<String> byCreation) {
        this.requests = requests;
        this.byCreation = byCreation;
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
