package dev.relations.api.runtime;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.TransactionResult;
import org.apache.kafka.common.requests.WriteTxnMarkersRequest;
import org.apache.kafka.common.requests.WriteTxnMarkersRequest.TxnMarkerEntry;
import org.apache.kafka.common.requests.WriteTxnMarkersResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Finishes transactions that the transaction coordinator completed but whose markers never
 * reached some partition.
 *
 * <p>A single-node broker restarted after {@code kill -9} first leads its partitions from the
 * metadata it replays, then sees them leaderless for a moment while the controller fences its
 * previous incarnation. A coordinator resending the markers of a transaction the crash left
 * prepared can look up the leader in that moment, take the partitions for deleted, skip them
 * and record the transaction complete. Those partitions stay open for good: read_committed
 * readers stop there, and a committed-offset fetch of the group never answers (Kafka Streams
 * then never finishes starting).
 *
 * <p>Run before any producer of this run starts a transaction, this writes the marker the
 * coordinator decided ({@code COMMIT} when it committed, {@code ABORT} otherwise). The marker
 * goes as one WriteTxnMarkers request written on a plain socket: {@link Admin} can only abort,
 * and a transaction the coordinator committed must be committed everywhere.
 */
public final class HangingTransactions {
    private static final Logger LOG = LoggerFactory.getLogger(HangingTransactions.class);
    private static final Set<TransactionState> COORDINATOR_STILL_ON_IT = Set.of(TransactionState.ONGOING,
            TransactionState.PREPARE_COMMIT, TransactionState.PREPARE_ABORT, TransactionState.PREPARE_EPOCH_FENCE);
    // WriteTxnMarkers' transaction versions: 0 asks the partition for markerEpoch >= batch epoch, 2 for markerEpoch > batch epoch.
    private static final short EPOCH_AS_WRITTEN = 0;
    private static final short EPOCH_BUMPED = 2;

    private HangingTransactions() {
    }

    /** One open transaction on one partition and the marker that closes it. */
    public record Hanging(TopicPartition partition, long producerId, int markerEpoch, short transactionVersion,
                          int coordinatorEpoch, long startOffset, TransactionState coordinatorState,
                          TransactionResult result) {
    }

    /**
     * What a cluster this process starts runs before any producer of this run begins a
     * transaction: closes the ones a restart after a crash left open for good. A failure is
     * logged, never thrown: the service starts either way.
     */
    static void closeAtStart(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            var closed = resolve(admin, Duration.ofSeconds(30));
            if (!closed.isEmpty()) {
                LOG.warn("event=hanging_transactions_closed count={}", closed.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("event=hanging_transactions_check_failed: a transaction left open by a crash may hold readers back", e);
        }
    }

    /**
     * Closes every open transaction of a partition whose coordinator has finished with that
     * producer, and returns what it closed. A producer the coordinator does not (yet) know is
     * never guessed at: right after a restart the coordinator may still be loading its log, so
     * such a producer is asked about again until {@code patience} runs out, then left alone.
     * Transactions the coordinator still has in progress are its own to finish: once every
     * partition has its leader again it no longer skips markers.
     */
    public static List<Hanging> resolve(Admin admin, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        var closed = new ArrayList<Hanging>();
        Set<TopicPartition> undecided = Set.of();
        Exception failure = null;
        while (true) {
            try {
                undecided = resolveOnce(admin, closed);
                failure = null;
                if (undecided.isEmpty()) {
                    return closed;
                }
            } catch (ExecutionException | IOException | RuntimeException e) {
                failure = e; // the broker is still settling (leaders moving, the coordinator loading)
            }
            if (System.nanoTime() > deadline) {
                LOG.warn("event=open_transactions_left partitions={}: their coordinator did not say how they ended",
                        undecided, failure);
                return closed;
            }
            Thread.sleep(250);
        }
    }

    /** One producer's open transaction on one partition (several producers may each have one there). */
    private record Open(TopicPartition partition, ProducerState producer) {
        /** What tells this transaction from a later one of the same producer on the same partition. */
        Id identity() {
            return new Id(partition, producer.producerId(), producer.currentTransactionStartOffset().getAsLong());
        }

        record Id(TopicPartition partition, long producerId, long startOffset) {
        }
    }

    /** One pass: closes what it can decide, adds it to {@code closed}, and returns the partitions it could not decide. */
    private static Set<TopicPartition> resolveOnce(Admin admin, List<Hanging> closed)
            throws ExecutionException, InterruptedException, IOException {
        var leaders = leaders(admin);
        var open = openTransactions(admin, leaders.keySet());
        if (open.isEmpty()) {
            return Set.of();
        }
        var coordinatorSays = coordinatorStates(admin);
        var hanging = new ArrayList<Open>();
        var unknown = new HashSet<TopicPartition>();
        for (var transaction : open) {
            var description = coordinatorSays.get(transaction.producer().producerId());
            if (description == null) {
                unknown.add(transaction.partition());
            } else if (!COORDINATOR_STILL_ON_IT.contains(description.state())) {
                hanging.add(transaction);
            }
        }
        // A marker that arrived while the coordinator was asked closed its transaction: check again.
        var stillOpen = openTransactions(admin, hanging.stream().map(Open::partition).collect(Collectors.toSet())).stream()
                .map(Open::identity).collect(Collectors.toSet());
        var markers = hanging.stream().filter(t -> stillOpen.contains(t.identity()))
                .map(t -> marker(t, coordinatorSays.get(t.producer().producerId()))).toList();
        for (var entry : markers.stream().collect(Collectors.groupingBy(h -> leaders.get(h.partition()))).entrySet()) {
            write(entry.getKey(), entry.getValue());
            closed.addAll(entry.getValue());
        }
        return unknown;
    }

    private static Hanging marker(Open transaction, TransactionDescription description) {
        var producer = transaction.producer();
        int batchEpoch = producer.producerEpoch();
        // A transaction of the second protocol version ends with the epoch bumped past its batches.
        boolean bumped = description.producerEpoch() > batchEpoch;
        var result = description.state() == TransactionState.COMPLETE_COMMIT ? TransactionResult.COMMIT : TransactionResult.ABORT;
        return new Hanging(transaction.partition(), producer.producerId(),
                bumped ? description.producerEpoch() : batchEpoch,
                bumped ? EPOCH_BUMPED : EPOCH_AS_WRITTEN,
                producer.coordinatorEpoch().orElse(0),
                producer.currentTransactionStartOffset().getAsLong(), description.state(), result);
    }

    private static Map<TopicPartition, Node> leaders(Admin admin) throws ExecutionException, InterruptedException {
        var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        var leaders = new LinkedHashMap<TopicPartition, Node>();
        admin.describeTopics(names).allTopicNames().get().forEach((topic, description) -> {
            for (TopicPartitionInfo info : description.partitions()) {
                if (info.leader() == null || info.leader().isEmpty()) {
                    throw new IllegalStateException("no leader yet for " + topic + "-" + info.partition());
                }
                leaders.put(new TopicPartition(topic, info.partition()), info.leader());
            }
        });
        return leaders;
    }

    private static List<Open> openTransactions(Admin admin, Set<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        var open = new ArrayList<Open>();
        if (partitions.isEmpty()) {
            return open;
        }
        admin.describeProducers(partitions).all().get().forEach((partition, state) -> {
            for (var producer : state.activeProducers()) {
                if (producer.currentTransactionStartOffset().isPresent()) {
                    open.add(new Open(partition, producer));
                }
            }
        });
        return open;
    }

    private static Map<Long, TransactionDescription> coordinatorStates(Admin admin)
            throws ExecutionException, InterruptedException {
        var ids = admin.listTransactions().all().get().stream()
                .map(TransactionListing::transactionalId).collect(Collectors.toSet());
        var byProducer = new HashMap<Long, TransactionDescription>();
        if (!ids.isEmpty()) {
            admin.describeTransactions(ids).all().get()
                    .forEach((id, description) -> byProducer.put(description.producerId(), description));
        }
        return byProducer;
    }

    private static void write(Node leader, List<Hanging> markers) throws IOException {
        // One entry per producer: the answer reports errors by producer id.
        var entries = markers.stream()
                .collect(Collectors.groupingBy(Hanging::producerId, LinkedHashMap::new, Collectors.toList()))
                .values().stream()
                .map(same -> {
                    var first = same.getFirst();
                    return new TxnMarkerEntry(first.producerId(), (short) first.markerEpoch(), first.coordinatorEpoch(),
                            first.result(), same.stream().map(Hanging::partition).toList(), first.transactionVersion());
                })
                .toList();
        short version = ApiKeys.WRITE_TXN_MARKERS.latestVersion();
        var header = new RequestHeader(ApiKeys.WRITE_TXN_MARKERS, version, "relations-hanging-transactions", 1);
        ByteBuffer request = new WriteTxnMarkersRequest.Builder(entries).build(version).serializeWithHeader(header);
        WriteTxnMarkersResponse response;
        try (var socket = new Socket(leader.host(), leader.port())) {
            socket.setSoTimeout(30_000);
            var out = new DataOutputStream(socket.getOutputStream());
            var bytes = new byte[request.remaining()];
            request.get(bytes);
            out.writeInt(bytes.length);
            out.write(bytes);
            out.flush();
            var in = new DataInputStream(socket.getInputStream());
            var answer = new byte[in.readInt()];
            in.readFully(answer);
            response = (WriteTxnMarkersResponse) AbstractResponse.parseResponse(ByteBuffer.wrap(answer), header);
        }
        for (var h : markers) {
            var error = response.errorsByProducerId().getOrDefault(h.producerId(), Map.of())
                    .getOrDefault(h.partition(), Errors.UNKNOWN_SERVER_ERROR);
            if (error != Errors.NONE) {
                throw new IOException("the " + h.result() + " marker for " + h + " was refused: " + error);
            }
            LOG.warn("event=hanging_transaction_closed partition={} producer_id={} epoch={} start_offset={} coordinator_state={} result={}",
                    h.partition(), h.producerId(), h.markerEpoch(), h.startOffset(), h.coordinatorState(), h.result());
        }
    }
}
