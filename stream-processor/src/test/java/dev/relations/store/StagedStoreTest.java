package dev.relations.store;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link StagedStore} reads like the physical store with the step's writes applied, in the
 * physical store's own key order (UTF-8 bytes), and writes exactly that on apply.
 */
class StagedStoreTest {
    /** Key parts whose String order and UTF-8 order differ (a supplementary character against U+E000). */
    private static final List<String> PARTS = List.of("a", "b", "|", "\ue000", "\ud83d\ude00");

    record Write(boolean staged, String key, String value) {
    }

    @Property(tries = 200)
    void reads_see_the_physical_store_with_the_staged_writes_laid_over_it(@ForAll("writes") List<Write> writes,
                                                                         @ForAll("keys") String from,
                                                                         @ForAll("keys") String to) {
        var physical = physicalStore();
        var staged = new StagedStore(physical);
        var model = new TreeMap<String, String>(StagedStoreTest::byUtf8);
        var stagedWrites = new TreeMap<String, String>();
        for (var write : writes) {
            KeyValueStore<String, byte[]> target = write.staged() ? staged : physical;
            target.put(write.key(), bytes(write.value()));
            if (write.staged()) {
                stagedWrites.put(write.key(), write.value());
            } else if (!stagedWrites.containsKey(write.key())) {
                set(model, write.key(), write.value());
            }
        }
        // A staged write hides the physical entry under it, whenever that was written.
        stagedWrites.forEach((key, value) -> set(model, key, value));

        for (var part : PARTS) {
            assertThat(string(staged.get(part))).as("get %s", part).isEqualTo(model.get(part));
        }
        assertThat(read(staged.all())).isEqualTo(List.copyOf(model.entrySet()));
        assertThat(read(staged.reverseAll())).isEqualTo(List.copyOf(model.descendingMap().entrySet()));
        NavigableMap<String, String> window = byUtf8(from, to) > 0 ? new TreeMap<>() : model.subMap(from, true, to, true);
        assertThat(read(staged.range(from, to))).isEqualTo(List.copyOf(window.entrySet()));
        assertThat(read(staged.reverseRange(from, to)))
                .isEqualTo(List.copyOf(window.descendingMap().entrySet()));
        assertThat(read(staged.prefixScan(from, new StringSerializer())))
                .isEqualTo(model.entrySet().stream().filter(e -> e.getKey().startsWith(from)).toList());

        staged.apply();

        assertThat(staged.isEmpty()).isTrue();
        assertThat(read(physical.all())).isEqualTo(List.copyOf(model.entrySet()));
    }

    @Property(tries = 100)
    void a_discarded_step_leaves_the_physical_store_as_it_was(@ForAll("writes") List<Write> writes) {
        var physical = physicalStore();
        var staged = new StagedStore(physical);
        writes.stream().filter(w -> !w.staged()).forEach(w -> physical.put(w.key(), bytes(w.value())));
        var before = read(physical.all());
        writes.stream().filter(Write::staged).forEach(w -> staged.put(w.key(), bytes(w.value())));

        staged.discard();
        staged.apply();

        assertThat(read(physical.all())).isEqualTo(before);
        assertThat(read(staged.all())).isEqualTo(before);
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.of(PARTS).list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<List<Write>> writes() {
        var value = Arbitraries.of("x", "y", "z").injectNull(0.3);
        return Combinators.combine(Arbitraries.of(true, false), keys(), value).as(Write::new).list().ofMaxSize(30);
    }

    private static KeyValueStore<String, byte[]> physicalStore() {
        var store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("physical"), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled()
                .build();
        var context = new MockProcessorContext<>().getStateStoreContext();
        store.init(context, store);
        return store;
    }

    private static void set(Map<String, String> model, String key, String value) {
        if (value == null) {
            model.remove(key);
        } else {
            model.put(key, value);
        }
    }

    private static int byUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static List<Map.Entry<String, String>> read(KeyValueIterator<String, byte[]> iterator) {
        var entries = new ArrayList<Map.Entry<String, String>>();
        try (iterator) {
            iterator.forEachRemaining((KeyValue<String, byte[]> kv) -> entries.add(Map.entry(kv.key, string(kv.value))));
        }
        return entries;
    }
}
