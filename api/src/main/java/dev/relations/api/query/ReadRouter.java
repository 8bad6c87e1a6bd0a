package dev.relations.api.query;

import dev.relations.api.http.ApiException;
import dev.relations.api.http.JsonBodies;
import dev.relations.api.runtime.StreamsRuntime;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.query.QueryableState;
import dev.relations.query.StateQueries;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Interactive queries: a read is answered by the instance whose Streams task hosts the
 * aggregate's partition. Elsewhere the request is forwarded there once (a forwarded request
 * is always answered locally, so two instances never bounce a read between them). One loop
 * covers every way a read can meet a moving partition: locate, read here or forward, and on
 * any Streams state exception (rebalancing, restoring, migrated, not started) locate again;
 * only when no instance answers within the wait is the answer 503 with {@code Retry-After}.
 * While a dead instance still owns a partition, a standby copy on this instance answers.
 */
@Singleton
public class ReadRouter {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** A forwarded read that cannot be answered here gives up sooner, so its origin can locate again. */
    private static final Duration FORWARDED_WAIT = Duration.ofSeconds(2);

    private final StreamsRuntime runtime;
    private final QueryableState state;
    private final JsonBodies json;
    private final PeerForwarding forwarding;
    private final HttpClient peers = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ReadRouter(StreamsRuntime runtime, JsonBodies json, PeerForwarding forwarding) {
        this.runtime = runtime;
        this.state = new QueryableState(runtime.streams(), runtime.serdes(), runtime.applicationId());
        this.json = json;
        this.forwarding = forwarding;
    }

    /** Lists answer 404 for an owner that does not exist, like Easemob. */
    public static void requireUser(StateQueries state, Tenant tenant, Username user) {
        if (!state.userExists(tenant, user)) {
            throw ApiException.userNotFound();
        }
    }

    /**
     * {@link #requireUser} for a list read first: a user's lists go in the same step as the user,
     * so a non-empty one proves the owner exists and only an empty one needs the lookup (a tenth
     * of a contact list's CPU, README "Reads").
     */
    public static void requireOwner(StateQueries state, Tenant tenant, Username owner, List<?> listed) {
        if (listed.isEmpty()) {
            requireUser(state, tenant, owner);
        }
    }

    public HttpResponse<?> route(HttpRequest<?> request, String aggregateKey, Function<StateQueries, HttpResponse<?>> local) {
        boolean forwarded = forwarding.isForwarded(request);
        return retrying(forwarded, () -> {
            var metadata = locate(aggregateKey);
            if (forwarded || metadata.activeHost().equals(runtime.self())) {
                return local.apply(queries(metadata.partition()));
            }
            try {
                return HttpResponse.ok(askPeer(request, metadata.activeHost(), request.getUri().toString()))
                        .contentType(MediaType.APPLICATION_JSON_TYPE);
            } catch (PeerUnreachable gone) {
                return local.apply(standbyOr(metadata, gone));
            }
        });
    }

    /** Reads one aggregate wherever it lives; a remote one answers the same public call. */
    public <T> T readFrom(HttpRequest<?> request, String aggregateKey, String remotePath,
                          Function<StateQueries, T> local, Function<byte[], T> remote) {
        return retrying(false, () -> {
            var metadata = locate(aggregateKey);
            if (metadata.activeHost().equals(runtime.self())) {
                return local.apply(queries(metadata.partition()));
            }
            try {
                return remote.apply(askPeer(request, metadata.activeHost(), remotePath));
            } catch (PeerUnreachable gone) {
                return local.apply(standbyOr(metadata, gone));
            }
        });
    }

    /** Every instance running the topology, this one included. */
    public List<HostInfo> hosts() {
        return retrying(false, () -> runtime.streams().metadataForAllStreamsClients().stream().map(m -> m.hostInfo()).distinct().toList());
    }

    public HostInfo self() {
        return runtime.self();
    }

    /** Whether a peer forwarded this request (so it is answered from this instance's partitions only). */
    public boolean isForwarded(HttpRequest<?> request) {
        return forwarding.isForwarded(request);
    }

    /** Reads across all partitions hosted here. */
    public <T> T allLocal(Function<StateQueries, T> read) {
        return retrying(false, () -> read.apply(state.allLocal()));
    }

    /** The same read on each partition hosted here, answers concatenated (for reads that page in key order). */
    public <T> List<T> eachLocalPartition(Function<StateQueries, List<T>> read) {
        return retrying(false, () -> {
            var all = new ArrayList<T>();
            for (int partition : state.localPartitions()) {
                all.addAll(read.apply(queries(partition)));
            }
            return all;
        });
    }

    /**
     * The same call answered by every other instance from its own partitions: with this instance's
     * own part, an app-wide read covers every partition. A forwarded request asks nobody.
     */
    public List<byte[]> askOtherInstances(HttpRequest<?> request, String path) {
        if (isForwarded(request)) {
            return List.of();
        }
        var answers = new ArrayList<byte[]>();
        for (var host : hosts()) {
            if (!host.equals(self())) {
                answers.add(askPeer(request, host, path));
            }
        }
        return answers;
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
        var peer = java.net.http.HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET()
                .header(PeerForwarding.HEADER, forwarding.mark(path));
        request.getHeaders().getAuthorization().ifPresent(a -> peer.header("Authorization", a));
        request.getHeaders().findFirst("Host").ifPresent(h -> peer.header("X-Forwarded-Host", h));
        try {
            return peers.send(peer.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new PeerUnreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    /** Runs a read until it is answered, locating again after any sign that a partition moved. */
    private <T> T retrying(boolean forwarded, Supplier<T> read) {
        long deadline = System.nanoTime() + (forwarded ? FORWARDED_WAIT : WAIT).toNanos();
        while (true) {
            try {
                return read.get();
            } catch (InvalidStateStoreException | PeerUnreachable | NotLocated e) {
                // Rebalancing, restoring, or the host just left: the partition is answered again shortly.
            } catch (ApiException e) {
                if (e.rejection().status() != 503) {
                    throw e;
                }
                // The peer could not answer either (its partition moved on): locate again.
            }
            pauseOrGiveUp(deadline);
        }
    }

    private KeyQueryMetadata locate(String aggregateKey) {
        return state.locate(aggregateKey).orElseThrow(NotLocated::new);
    }

    private StateQueries queries(int partition) {
        return state.partition(partition);
    }

    /**
     * While the active host of a partition is unreachable (it died, and the group has not moved
     * the partition yet), a standby copy here answers reads, possibly a few records behind.
     */
    private StateQueries standbyOr(KeyQueryMetadata metadata, PeerUnreachable gone) {
        if (!metadata.standbyHosts().contains(runtime.self())) {
            throw gone;
        }
        return state.standby(metadata.partition());
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
        return new ApiException(new Rejection(503, "service_unavailable", "ServiceUnavailableException",
                "The service is rebalancing, please retry")).retryAfter(1);
    }

    /** No instance hosts the key's partition yet. */
    private static final class NotLocated extends RuntimeException {
        NotLocated() {
            super(null, null, false, false);
        }
    }

    /** The peer hosting the partition did not answer (it may just have died). */
    private static final class PeerUnreachable extends RuntimeException {
        PeerUnreachable() {
            super(null, null, false, false);
        }
    }
}
