package dev.relations.engine;

import dev.relations.domain.common.Tenant;
import dev.relations.schemas.CommandEnvelope;
import dev.relations.store.Keys;
import dev.relations.store.RequestLog;
import dev.relations.store.SliceTable;
import org.apache.kafka.streams.KeyValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;

/**
 * Reservations with a deadline. A chain's first step that waits for steps on other partitions
 * records, due at the deadline, the command its decider names to settle it ({@code atDeadline}):
 * for an add that waits for one peer, what that peer's step failing would send; for a batch that
 * waits for several (an import, a block batch, a room's batch add or creation), an expiry that
 * settles it with the answers it has. A wall-clock sweep sends those that fall due while their
 * request is still unanswered: a step that never answers counts as a failed one, so whatever was
 * reserved for it is released and the request answered. What the sweep sends is marked
 * ({@code at_deadline}) and dropped if an answer overtook it and settled the request first. A late single-peer answer is then handled
 * like any answer that finds its reservation gone (the contact decider takes a free slot or rolls
 * the friend's side back); a late answer to an expired batch only undoes its peer's side. Entries
 * of answered requests are dropped when due.
 */
final class ReservationDeadlines {
    private static final Logger LOG = LoggerFactory.getLogger(ReservationDeadlines.class);
    /** Each sweep is one transaction's work: at most this many due entries. */
    static final int PER_SWEEP = 1_000;

    /** Sends a compensation to the aggregate it names, as a step of the sweep. */
    @FunctionalInterface
    interface Send {
        void send(String recordKey, CommandEnvelope compensation, long now);
    }

    private final SliceTable<CommandEnvelope> index;
    private final RequestLog requests;
    private final Duration deadline;

    ReservationDeadlines(SliceTable<CommandEnvelope> index, RequestLog requests, Duration deadline) {
        this.index = index;
        this.requests = requests;
        this.deadline = deadline;
    }

    /** Records that {@code compensation} releases what this step reserves at {@code recordKey} unless answered in time. */
    void reserve(String recordKey, CommandEnvelope compensation, long now) {
        index.put(Keys.reservationDeadline(now + deadline.toMillis(), compensation.getRequestId(), recordKey), compensation);
    }

    void sweep(long now, Send send) {
        var due = new ArrayList<KeyValue<String, CommandEnvelope>>();
        // '~' sorts after every character of a request id, so entries due exactly at `now` are included.
        try (var it = index.range(null, Keys.hex16(now) + "|~")) {
            while (it.hasNext() && due.size() < PER_SWEEP) {
                due.add(it.next());
            }
        }
        for (var entry : due) {
            index.delete(entry.key);
            var compensation = entry.value;
            var tenant = new Tenant(compensation.getOrg(), compensation.getApp());
            var request = requests.get(Keys.request(tenant, compensation.getRequestId()));
            if (request != null && !request.getDone()) {
                var recordKey = entry.key.split("\\|", 3)[2];
                LOG.warn("event=reservation_expired request_id={} key={} compensation={}", compensation.getRequestId(),
                        recordKey, compensation.getBody().getClass().getSimpleName());
                send.send(recordKey, compensation, now);
            }
        }
    }
}
