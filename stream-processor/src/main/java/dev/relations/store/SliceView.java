package dev.relations.store;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A typed, read-only view of one {@link Slice} of the physical state store: keys without
 * the slice's prefix, values decoded. Works over a live store (processor) and over an
 * interactive-query store (reads) alike.
 */
public class SliceView<V> implements ReadOnlyKeyValueStore<String, V> {
    /** Sorts after every character a key part may contain (ASCII names, hex, separators). */
    private static final String END = "\uffff";
    private static final StringSerializer KEYS = new StringSerializer();

    /** How one slice's values are encoded: made once per layout, shared by every view of the slice. */
    record Codec<V>(String prefix, String topic, Serializer<V> serializer, Deserializer<V> deserializer) {
    }

    private final ReadOnlyKeyValueStore<String, byte[]> physical;
    private final String prefix;
    private final String topic;
    private final Serializer<V> serializer;
    private final Deserializer<V> deserializer;

    SliceView(ReadOnlyKeyValueStore<String, byte[]> physical, Codec<V> codec) {
        this.physical = physical;
        this.prefix = codec.prefix();
        this.topic = codec.topic();
        this.serializer = codec.serializer();
        this.deserializer = codec.deserializer();
    }

    final String physicalKey(String key) {
        return prefix + key;
    }

    final byte[] encode(V value) {
        return serializer.serialize(topic, value);
    }

    final V decode(byte[] bytes) {
        return bytes == null ? null : deserializer.deserialize(topic, bytes);
    }

    @Override
    public V get(String key) {
        return decode(physical.get(physicalKey(key)));
    }

    /** Whether the key has an entry, without decoding its value. */
    public boolean contains(String key) {
        return physical.get(physicalKey(key)) != null;
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        return wrap(physical.range(lower(from), upper(to)));
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
        return wrap(physical.reverseRange(lower(from), upper(to)));
    }

    @Override
    public KeyValueIterator<String, V> all() {
        return wrap(physical.prefixScan(prefix, KEYS));
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
        return wrap(physical.reverseRange(prefix, prefix + END));
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P keyPrefix, PS prefixKeySerializer) {
        if (!(keyPrefix instanceof String text)) {
            throw new IllegalArgumentException("slice keys are strings");
        }
        return wrap(physical.prefixScan(prefix + text, KEYS));
    }

    /** Every entry under a key prefix, mapped with the key's rest after the prefix. */
    public <T> java.util.List<T> scan(String keyPrefix, java.util.function.BiFunction<String, V, T> mapper) {
        var all = new java.util.ArrayList<T>();
        try (var it = prefixScan(keyPrefix, KEYS)) {
            it.forEachRemaining(kv -> all.add(mapper.apply(kv.key.substring(keyPrefix.length()), kv.value)));
        }
        return all;
    }

    @Override
    public long approximateNumEntries() {
        return physical.approximateNumEntries();
    }

    private String lower(String from) {
        return from == null ? prefix : prefix + from;
    }

    private String upper(String to) {
        return to == null ? prefix + END : prefix + to;
    }

    private KeyValueIterator<String, V> wrap(KeyValueIterator<String, byte[]> inner) {
        int strip = prefix.length();
        return new KeyValueIterator<>() {
            @Override
            public void close() {
                inner.close();
            }

            @Override
            public String peekNextKey() {
                return inner.peekNextKey().substring(strip);
            }

            @Override
            public boolean hasNext() {
                return inner.hasNext();
            }

            @Override
            public KeyValue<String, V> next() {
                var kv = inner.next();
                return KeyValue.pair(kv.key.substring(strip), decode(kv.value));
            }
        };
    }
}
