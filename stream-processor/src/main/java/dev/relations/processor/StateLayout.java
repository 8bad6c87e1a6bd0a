package dev.relations.processor;

import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Opens typed slices of the physical state store, for the processor and for interactive queries. */
public final class StateLayout {
    private final AvroSerdes serdes;
    private final String applicationId;

    public StateLayout(AvroSerdes serdes, String applicationId) {
        this.serdes = serdes;
        this.applicationId = applicationId;
    }

    public <V> SliceView<V> view(ReadOnlyKeyValueStore<String, byte[]> physical, Slice<V> slice) {
        return new SliceView<>(physical, slice, serdes, applicationId);
    }

    <V> SliceTable<V> table(KeyValueStore<String, byte[]> physical, Slice<V> slice) {
        return new SliceTable<>(physical, slice, serdes, applicationId);
    }

    /** The name a slice's values are serialized under: the registry subject is {@code <it>-value}. */
    static String subjectTopic(String applicationId, Slice<?> slice) {
        return applicationId + "-" + StoreNames.STATE + "-" + slice.name();
    }
}
