package dev.relations.query;

import dev.relations.mapping.AvroSerdes;
import dev.relations.store.StateLayout;
import dev.relations.store.StoreNames;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where the HTTP module's reads start: which instance hosts an aggregate's partition, and the
 * {@link StateQueries} of a partition hosted here. Each call may throw Streams'
 * {@code InvalidStateStoreException} while partitions move; the caller locates again.
 */
public final class QueryableState {
    private final KafkaStreams streams;
    private final StateLayout layout;

    public QueryableState(KafkaStreams streams, AvroSerdes serdes, String applicationId) {
        this.streams = streams;
        this.layout = new StateLayout(serdes, applicationId);
    }

    /** The active and standby hosts of the aggregate's partition; empty while no instance has it. */
    public Optional<KeyQueryMetadata> locate(String aggregateKey) {
        var metadata = streams.queryMetadataForKey(StoreNames.STATE, aggregateKey, Serdes.String().serializer());
        // Streams answers its NOT_AVAILABLE constant itself: compared by identity (equals showed in read profiles).
        return metadata == null || metadata == KeyQueryMetadata.NOT_AVAILABLE ? Optional.empty() : Optional.of(metadata);
    }

    /** One partition hosted here. */
    public StateQueries partition(int partition) {
        return new StateQueries(streams.store(StoreQueryParameters
                .fromNameAndType(StoreNames.STATE, QueryableStoreTypes.<String, byte[]>keyValueStore())
                .withPartition(partition)), layout);
    }

    /**
     * A partition this instance keeps a standby copy of: it may trail the active copy by the
     * changelog records not yet replicated here, so it serves only while the active host is gone.
     */
    public StateQueries standby(int partition) {
        return new StateQueries(streams.store(StoreQueryParameters
                .fromNameAndType(StoreNames.STATE, QueryableStoreTypes.<String, byte[]>keyValueStore())
                .withPartition(partition)
                .enableStaleStores()), layout);
    }

    /** The partitions whose active copy this instance hosts, for reads that must visit each in turn. */
    public Set<Integer> localPartitions() {
        return streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .map(task -> task.taskId().partition())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every partition hosted here, as one (its range reads go partition by partition, not in one key order). */
    public StateQueries allLocal() {
        return new StateQueries(streams.store(StoreQueryParameters
                .fromNameAndType(StoreNames.STATE, QueryableStoreTypes.<String, byte[]>keyValueStore())), layout);
    }
}
