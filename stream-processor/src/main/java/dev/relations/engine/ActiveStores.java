package dev.relations.engine;

import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state store of each active task of one Streams instance, registered by the processor that
 * owns it while it runs. Reads of a partition located here go straight to it: Streams' own
 * interactive-query handle resolves the instance's tasks again on every operation, which took
 * about a tenth of a contact list's CPU (README, "Reads"). A store whose task closed stays
 * registered only until the processor closes; a read that meets it closed gets Streams'
 * {@code InvalidStateStoreException} and locates again, as with any moving partition.
 */
public final class ActiveStores {
    private final Map<Integer, KeyValueStore<String, byte[]>> byPartition = new ConcurrentHashMap<>();

    public void register(int partition, KeyValueStore<String, byte[]> store) {
        byPartition.put(partition, store);
    }

    /** Forgets the store if it is still the one registered for the partition. */
    public void unregister(int partition, KeyValueStore<String, byte[]> store) {
        byPartition.remove(partition, store);
    }

    public Optional<ReadOnlyKeyValueStore<String, byte[]>> partition(int partition) {
        return Optional.ofNullable(byPartition.get(partition));
    }
}
