package dev.relations.api.runtime;

import dev.relations.api.MutableClock;

import dev.relations.api.it.TestCluster;
import dev.relations.schemas.serde.SchemaRegistryException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Restoring and rebalancing never time out; a failure only a restart mends ends the process. */
class StreamsLifecycleTest {
    private final List<String> exits = new CopyOnWriteArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));

    @Test
    void a_client_in_error_ends_the_process_once() {
        var lifecycle = new StreamsLifecycle(exits::add, 5, Duration.ofMinutes(5), clock);

        lifecycle.onChange(KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.RUNNING);
        lifecycle.onChange(KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_ERROR);
        lifecycle.onChange(KafkaStreams.State.ERROR, KafkaStreams.State.ERROR);

        assertThat(exits).hasSize(1);
        assertThat(lifecycle.running()).isCompletedExceptionally();
    }

    @Test
    void rebalancing_and_restoring_for_any_time_is_not_a_failure() {
        var lifecycle = new StreamsLifecycle(exits::add, 5, Duration.ofMinutes(5), clock);

        lifecycle.onChange(KafkaStreams.State.REBALANCING, KafkaStreams.State.CREATED);
        clock.advance(Duration.ofHours(2));
        lifecycle.onChange(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);

        assertThat(exits).isEmpty();
        assertThat(lifecycle.running()).isCompleted();
    }

    @Test
    void a_failed_thread_is_replaced_until_threads_keep_failing_within_the_window() {
        var lifecycle = new StreamsLifecycle(exits::add, 2, Duration.ofMinutes(5), clock);
        var failure = new StreamsException("task failed");

        assertThat(lifecycle.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(lifecycle.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(lifecycle.handle(failure)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        clock.advance(Duration.ofMinutes(6));
        assertThat(lifecycle.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void an_error_shuts_the_client_down_at_once_and_an_unreachable_registry_never_does() {
        var lifecycle = new StreamsLifecycle(exits::add, 0, Duration.ofMinutes(5), clock);
        var registryAway = new StreamsException("deserialization failed",
                new SchemaRegistryException("no answer", new ConnectException("refused")));

        assertThat(lifecycle.handle(registryAway)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(lifecycle.handle(registryAway)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(lifecycle.handle(new StreamsException(new OutOfMemoryError("heap"))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void kafka_streams_that_cannot_start_goes_to_error_and_the_process_exit_is_called() throws Exception {
        var cluster = TestCluster.get();
        var topic = "lifecycle-" + UUID.randomUUID();
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        var topology = new Topology();
        topology.addSource("source", Serdes.String().deserializer(), Serdes.String().deserializer(), topic);
        topology.addProcessor("failing", FailingProcessor::new, "source");
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, topic);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, cluster.newDirectory(topic).toString());
        var exited = new CompletableFuture<String>();
        // No failure tolerated, so the first is the last (counting is held by the tests above).
        var lifecycle = new StreamsLifecycle(exited::complete, 0, Duration.ofMinutes(5), Clock.systemUTC());

        try (var streams = new KafkaStreams(topology, props)) {
            streams.setStateListener(lifecycle);
            streams.setUncaughtExceptionHandler(lifecycle);
            streams.start();

            assertThat(exited.get(2, TimeUnit.MINUTES)).contains("ERROR");
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.ERROR);
        }
    }

    /** A processor that cannot start, as with a store it cannot open. */
    private static final class FailingProcessor implements Processor<String, String, Void, Void> {
        @Override
        public void init(ProcessorContext<Void, Void> context) {
            throw new IllegalStateException("cannot start");
        }

        @Override
        public void process(Record<String, String> record) {
        }
    }
}
