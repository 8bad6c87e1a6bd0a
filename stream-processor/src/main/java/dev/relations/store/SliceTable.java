package dev.relations.store;

import org.apache.kafka.streams.state.KeyValueStore;

/** A writable {@link SliceView}, for the processor that owns the physical store. */
public final class SliceTable<V> extends SliceView<V> {
    private final KeyValueStore<String, byte[]> physical;

    SliceTable(KeyValueStore<String, byte[]> physical, Codec<V> codec) {
        super(physical, codec);
        this.physical = physical;
    }

    public void put(String key, V value) {
        physical.put(physicalKey(key), encode(value));
    }

    /** Deletes the entry and answers what it held (null when there was none). */
    public V delete(String key) {
        return decode(physical.delete(physicalKey(key)));
    }
}
