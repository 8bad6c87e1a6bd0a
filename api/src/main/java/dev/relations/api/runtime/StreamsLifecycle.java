package dev.relations.api.runtime;

import dev.relations.engine.UnreadableCommands;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How the service lives with its Kafka Streams. Rebalancing and restoring are normal, however
 * long they take: nothing times out. A failed stream thread is replaced, unless the failure is
 * an {@link Error} or threads keep failing (more than {@code maxFailures} within
 * {@code window}, a start that cannot succeed): then the client is shut down, and a client in
 * ERROR ends the whole process through {@link ProcessExit}. A schema registry out of reach
 * fails a thread on purpose (the record is read again later) and does not count.
 */
public final class StreamsLifecycle implements KafkaStreams.StateListener, StreamsUncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsLifecycle.class);

    private final ProcessExit exit;
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Deque<Long> failures = new ArrayDeque<>();
    private final CompletableFuture<Void> running = new CompletableFuture<>();
    private final AtomicBoolean exited = new AtomicBoolean();

    public StreamsLifecycle(ProcessExit exit, int maxFailures, Duration window, Clock clock) {
        this.exit = exit;
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** Completes when Kafka Streams first reaches RUNNING; fails if it ends in ERROR first. */
    public CompletableFuture<Void> running() {
        return running;
    }

    @Override
    public void onChange(KafkaStreams.State next, KafkaStreams.State previous) {
        LOG.info("event=streams_state from={} to={}", previous, next);
        if (next == KafkaStreams.State.RUNNING) {
            running.complete(null);
        } else if (next == KafkaStreams.State.ERROR) {
            running.completeExceptionally(new IllegalStateException("Kafka Streams failed"));
            if (exited.compareAndSet(false, true)) {
                exit.exit("Kafka Streams is in ERROR: no stream thread is left");
            }
        }
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable failure) {
        LOG.error("event=stream_thread_failed", failure);
        if (causedByError(failure)) {
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        if (UnreadableCommands.registryUnreachable(failure)) {
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        synchronized (failures) {
            long now = clock.millis();
            failures.addLast(now);
            while (!failures.isEmpty() && failures.peekFirst() < now - window.toMillis()) {
                failures.removeFirst();
            }
            if (failures.size() > maxFailures) {
                LOG.error("event=stream_threads_keep_failing failures={} window={}", failures.size(), window);
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    private static boolean causedByError(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Error) {
                return true;
            }
        }
        return false;
    }
}
