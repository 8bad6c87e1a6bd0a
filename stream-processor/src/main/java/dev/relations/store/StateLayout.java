package dev.relations.store;

import dev.relations.mapping.AvroSerdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.HashMap;
import java.util.Map;

/** Opens typed slices of the physical state store, for the processor and for interactive queries. */
public final class StateLayout {
    /** Serdes and subject names are resolved once here, not on every read. */
    private final Map<Slice<?>, SliceView.Codec<?>> codecs = new HashMap<>();

    public StateLayout(AvroSerdes serdes, String applicationId) {
        for (Slice<?> slice : StoreNames.ALL) {
            codecs.put(slice, codec(slice, serdes, applicationId));
        }
    }

    private static <V> SliceView.Codec<V> codec(Slice<V> slice, AvroSerdes serdes, String applicationId) {
        var serde = slice.serde().apply(serdes);
        return new SliceView.Codec<>(slice.prefix(), subjectTopic(applicationId, slice), serde.serializer(), serde.deserializer());
    }

    public <V> SliceView<V> view(ReadOnlyKeyValueStore<String, byte[]> physical, Slice<V> slice) {
        return new SliceView<>(physical, codecOf(slice));
    }

    <V> SliceTable<V> table(KeyValueStore<String, byte[]> physical, Slice<V> slice) {
        return new SliceTable<>(physical, codecOf(slice));
    }

    @SuppressWarnings("unchecked")
    private <V> SliceView.Codec<V> codecOf(Slice<V> slice) {
        var codec = (SliceView.Codec<V>) codecs.get(slice);
        if (codec == null) {
            throw new IllegalArgumentException("slice " + slice.name() + " is not listed in StoreNames.ALL");
        }
        return codec;
    }

    /** The name a slice's values are serialized under: the registry subject is {@code <it>-value}. */
    public static String subjectTopic(String applicationId, Slice<?> slice) {
        return applicationId + "-" + StoreNames.STATE + "-" + slice.name();
    }
}
