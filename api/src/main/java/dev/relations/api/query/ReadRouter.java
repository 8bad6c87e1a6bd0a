package dev.relations.api.query;

import dev.relations.api.http.ApiException;
import dev.relations.api.http.JsonBodies;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.store.Keys;
import dev.relations.api.runtime.StreamsRuntime;
import dev.relations.store.Slice;
import dev.relations.store.StateLayout;
import dev.relations.store.StoreNames;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Interactive queries: a read is answered by the instance whose Streams task hosts the
 * aggregate's partition. Elsewhere the request is forwarded there once (a forwarded
 * request is always answered locally, so two instances never bounce a read between them).
 */
@Singleton
public class ReadRouter {
    static final String FORWARDED = "X-Relations-Forwarded";
    private static final Duration STORE_WAIT = Duration.ofSeconds(10);

    private final StreamsRuntime runtime;
    private final StateLayout layout;
    private final JsonBodies json;
    private final HttpClient peers = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ReadRouter(StreamsRuntime runtime, JsonBodies json) {
        this.runtime = runtime;
        this.layout = new StateLayout(runtime.serdes(), runtime.applicationId());
        this.json = json;
    }

    /** Read-only view of one partition of the stores, for the aggregate's partition. */
    public interface Partition {
        <V> ReadOnlyKeyValueStore<String, V> store(Slice<V> slice);

        /** Lists answer 404 for an owner that does not exist, like Easemob. */
        default void requireUser(Tenant tenant, Username user) {
            if (store(StoreNames.USERS).get(Keys.userEntry(tenant, user)) == null) {
                throw ApiException.userNotFound();
            }
        }
    }

    public HttpResponse<?> route(HttpRequest<?> request, String aggregateKey, Function<Partition, HttpResponse<?>> local) {
        var metadata = locate(aggregateKey);
        boolean forwarded = request.getHeaders().contains(FORWARDED);
        if (forwarded || metadata.activeHost().equals(runtime.self())) {
            return local.apply(partition(metadata.partition()));
        }
        return forward(request, metadata.activeHost());
    }

    /** Whether this instance hosts the aggregate's partition (else {@link #forward} goes to the host). */
    public boolean isLocal(String aggregateKey) {
        return locate(aggregateKey).activeHost().equals(runtime.self());
    }

    /** Reads one aggregate wherever it lives; a remote one answers the same public call. */
    public <T> T readFrom(HttpRequest<?> request, String aggregateKey, String remotePath,
                          Function<Partition, T> local, Function<byte[], T> remote) {
        var metadata = locate(aggregateKey);
        if (metadata.activeHost().equals(runtime.self())) {
            return local.apply(partition(metadata.partition()));
        }
        return remote.apply(askPeer(request, metadata.activeHost(), remotePath));
    }

    /** Every instance running the topology, this one included. */
    public List<HostInfo> hosts() {
        return runtime.streams().metadataForAllStreamsClients().stream().map(m -> m.hostInfo()).distinct().toList();
    }

    public HostInfo self() {
        return runtime.self();
    }

    /** Reads a slice across all partitions hosted here. */
    public <V> ReadOnlyKeyValueStore<String, V> allLocal(Slice<V> slice) {
        long deadline = System.nanoTime() + STORE_WAIT.toNanos();
        while (true) {
            try {
                return layout.view(runtime.streams().store(StoreQueryParameters
                        .<ReadOnlyKeyValueStore<String, byte[]>>fromNameAndType(StoreNames.STATE,
                                QueryableStoreTypes.keyValueStore())), slice);
            } catch (InvalidStateStoreException e) {
                pauseOrGiveUp(deadline);
            }
        }
    }

    /**
     * A call answered by a peer (marked forwarded, so the peer answers from its own partitions).
     * A peer's error is re-raised here, so it renders exactly as it would have on the peer.
     */
    public byte[] askPeer(HttpRequest<?> request, HostInfo host, String path) {
        var answer = send(request, host, path);
        if (answer.statusCode() >= 400) {
            throw new ApiException(rejectionOf(answer.statusCode(), answer.body()));
        }
        return answer.body();
    }

    private java.net.http.HttpResponse<byte[]> send(HttpRequest<?> request, HostInfo host, String path) {
        var uri = URI.create("http://" + host.host() + ":" + host.port() + path);
        var peer = java.net.http.HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().header(FORWARDED, "1");
        request.getHeaders().getAuthorization().ifPresent(a -> peer.header("Authorization", a));
        request.getHeaders().findFirst("Host").ifPresent(h -> peer.header("X-Forwarded-Host", h));
        try {
            return peers.send(peer.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private KeyQueryMetadata locate(String aggregateKey) {
        long deadline = System.nanoTime() + STORE_WAIT.toNanos();
        while (true) {
            var metadata = runtime.streams().queryMetadataForKey(StoreNames.STATE, aggregateKey, Serdes.String().serializer());
            if (metadata != null && !KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
                return metadata;
            }
            pauseOrGiveUp(deadline);
        }
    }

    private Partition partition(int partition) {
        return new Partition() {
            @Override
            public <V> ReadOnlyKeyValueStore<String, V> store(Slice<V> slice) {
                long deadline = System.nanoTime() + STORE_WAIT.toNanos();
                while (true) {
                    try {
                        return layout.view(runtime.streams().store(StoreQueryParameters
                                .<ReadOnlyKeyValueStore<String, byte[]>>fromNameAndType(StoreNames.STATE,
                                        QueryableStoreTypes.keyValueStore())
                                .withPartition(partition)), slice);
                    } catch (InvalidStateStoreException e) {
                        // Rebalancing or restoring: the store comes back shortly.
                        pauseOrGiveUp(deadline);
                    }
                }
            }
        };
    }

    private HttpResponse<?> forward(HttpRequest<?> request, HostInfo host) {
        return HttpResponse.ok(askPeer(request, host, request.getUri().toString())).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private Rejection rejectionOf(int status, byte[] body) {
        var error = json.tree(new String(body, StandardCharsets.UTF_8));
        return new Rejection(status, error.path("error").asText("service_unavailable"),
                error.path("exception").asText("ServiceUnavailableException"), error.path("error_description").asText(""));
    }

    private static void pauseOrGiveUp(long deadline) {
        if (System.nanoTime() > deadline) {
            throw unavailable();
        }
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private static ApiException unavailable() {
        return new ApiException(503, "service_unavailable", "ServiceUnavailableException",
                "The service is rebalancing, please retry");
    }
}
