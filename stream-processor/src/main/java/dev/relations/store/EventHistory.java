package dev.relations.store;

import dev.relations.domain.common.AggregateRef;
import dev.relations.domain.common.Tenant;
import dev.relations.schemas.EventEnvelope;
import org.apache.kafka.streams.state.KeyValueStore;

/** Each aggregate's published events, kept by seq in the state store so a history page is a range read. */
public final class EventHistory {
    private final SliceTable<EventEnvelope> events;

    public EventHistory(KeyValueStore<String, byte[]> state, StateLayout layout) {
        this.events = layout.table(state, StoreNames.EVENT_HISTORY);
    }

    public void record(Tenant tenant, AggregateRef aggregate, EventEnvelope event) {
        events.put(Keys.history(tenant, aggregate, event.getSeq()), event);
    }
}
