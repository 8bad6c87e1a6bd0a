package dev.relations.store;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * One step's writes, held in front of the physical store: reads inside the step see them,
 * nothing reaches the store (or its changelog) until {@link #apply()}, and {@link #discard()}
 * forgets them, so a step that fails half-way has changed nothing. Several writes of one key
 * in a step (counters, an edge put and updated) reach the store as one. Never registered
 * with Kafka Streams: the processor opens its slices over it.
 */
public final class StagedStore implements KeyValueStore<String, byte[]> {
    /** Marks a staged delete; compared by identity, so no stored value can be mistaken for it. */
    private static final byte[] DELETED = new byte[0];
    private static final StringSerializer KEYS = new StringSerializer();
    /**
     * The physical store orders keys by their UTF-8 bytes, which is code point order; String's
     * own order differs only for supplementary characters (surrogates), which sort last here too.
     */
    private static final Comparator<String> STORE_ORDER = StagedStore::compareAsUtf8;

    private final KeyValueStore<String, byte[]> physical;
    private final NavigableMap<String, byte[]> staged = new TreeMap<>(STORE_ORDER);

    public StagedStore(KeyValueStore<String, byte[]> physical) {
        this.physical = physical;
    }

    /**
     * Writes every staged entry to the physical store and starts the next step empty. Key by
     * key: one putAll per step (a RocksDB write batch) measured twice as slow per contact add.
     */
    public void apply() {
        if (staged.isEmpty()) {
            return;
        }
        for (var entry : staged.entrySet()) {
            physical.put(entry.getKey(), entry.getValue() == DELETED ? null : entry.getValue());
        }
        staged.clear();
    }

    /** Forgets the step's writes. */
    public void discard() {
        staged.clear();
    }

    /** Whether the current step has written anything. */
    public boolean isEmpty() {
        return staged.isEmpty();
    }

    @Override
    public byte[] get(String key) {
        if (!staged.isEmpty()) {
            var value = staged.get(key);
            if (value != null) {
                return value == DELETED ? null : value;
            }
        }
        return physical.get(key);
    }

    @Override
    public void put(String key, byte[] value) {
        staged.put(key, value == null ? DELETED : value);
    }

    @Override
    public byte[] putIfAbsent(String key, byte[] value) {
        var previous = get(key);
        if (previous == null) {
            put(key, value);
        }
        return previous;
    }

    @Override
    public void putAll(List<KeyValue<String, byte[]>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public byte[] delete(String key) {
        var previous = get(key);
        staged.put(key, DELETED);
        return previous;
    }

    @Override
    public KeyValueIterator<String, byte[]> range(String from, String to) {
        return merged(physical.range(from, to), window(from, to), false);
    }

    @Override
    public KeyValueIterator<String, byte[]> reverseRange(String from, String to) {
        return merged(physical.reverseRange(from, to), window(from, to).descendingMap(), true);
    }

    @Override
    public KeyValueIterator<String, byte[]> all() {
        return merged(physical.all(), staged, false);
    }

    @Override
    public KeyValueIterator<String, byte[]> reverseAll() {
        return merged(physical.reverseAll(), staged.descendingMap(), true);
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, byte[]> prefixScan(P prefix, PS prefixKeySerializer) {
        if (!(prefix instanceof String text)) {
            throw new IllegalArgumentException("state store keys are strings");
        }
        var inner = physical.prefixScan(text, KEYS);
        if (staged.isEmpty()) {
            return inner;
        }
        var matching = new TreeMap<String, byte[]>(STORE_ORDER);
        for (var entry : staged.tailMap(text, true).entrySet()) {
            if (!entry.getKey().startsWith(text)) {
                break;
            }
            matching.put(entry.getKey(), entry.getValue());
        }
        return merged(inner, matching, false);
    }

    @Override
    public long approximateNumEntries() {
        return physical.approximateNumEntries();
    }

    private NavigableMap<String, byte[]> window(String from, String to) {
        if (from != null && to != null && STORE_ORDER.compare(from, to) > 0) {
            return new TreeMap<>(STORE_ORDER);
        }
        NavigableMap<String, byte[]> window = staged;
        if (from != null) {
            window = window.tailMap(from, true);
        }
        if (to != null) {
            window = window.headMap(to, true);
        }
        return window;
    }

    /**
     * The physical entries with the staged ones laid over them. The staged side is copied, so a
     * step may write while it iterates (the physical side is the store's own iterator).
     */
    private static KeyValueIterator<String, byte[]> merged(KeyValueIterator<String, byte[]> physical,
                                                           NavigableMap<String, byte[]> staged, boolean descending) {
        if (staged.isEmpty()) {
            return physical;
        }
        return new Merged(physical, List.copyOf(staged.entrySet()).iterator(), descending);
    }

    private static final class Merged implements KeyValueIterator<String, byte[]> {
        private final KeyValueIterator<String, byte[]> physical;
        private final Iterator<Map.Entry<String, byte[]>> staged;
        private final int direction;
        private Map.Entry<String, byte[]> nextStaged;
        private KeyValue<String, byte[]> next;

        Merged(KeyValueIterator<String, byte[]> physical, Iterator<Map.Entry<String, byte[]>> staged, boolean descending) {
            this.physical = physical;
            this.staged = staged;
            this.direction = descending ? -1 : 1;
            this.nextStaged = staged.hasNext() ? staged.next() : null;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                boolean fromPhysical = physical.hasNext();
                if (!fromPhysical && nextStaged == null) {
                    return false;
                }
                int order = !fromPhysical ? 1
                        : nextStaged == null ? -1
                        : direction * STORE_ORDER.compare(physical.peekNextKey(), nextStaged.getKey());
                if (order < 0) {
                    next = physical.next();
                    continue;
                }
                if (order == 0) {
                    physical.next();
                }
                var entry = nextStaged;
                nextStaged = staged.hasNext() ? staged.next() : null;
                if (entry.getValue() != DELETED) {
                    next = KeyValue.pair(entry.getKey(), entry.getValue());
                }
            }
            return true;
        }

        @Override
        public KeyValue<String, byte[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            var current = next;
            next = null;
            return current;
        }

        @Override
        public String peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return next.key;
        }

        @Override
        public void close() {
            physical.close();
        }
    }

    static int compareAsUtf8(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean surrogateX = Character.isSurrogate(x);
                if (surrogateX != Character.isSurrogate(y)) {
                    return surrogateX ? 1 : -1;
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    // Lifecycle belongs to the physical store, which Kafka Streams owns.

    @Override
    public String name() {
        return physical.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        throw new UnsupportedOperationException("a staged view is never registered with Kafka Streams");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("the physical store is closed by Kafka Streams");
    }

    @Override
    public boolean persistent() {
        return physical.persistent();
    }

    @Override
    public boolean isOpen() {
        return physical.isOpen();
    }
}
