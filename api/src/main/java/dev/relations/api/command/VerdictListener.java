package dev.relations.api.command;

import dev.relations.schemas.Outcome;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads every partition of the outcomes topic and hands each verdict on. A failure does not
 * end it: the consumer is closed and a new one opened, with backoff, at the positions the old
 * one had reached (so a verdict committed meanwhile is still delivered), or at the end of a
 * partition it had not read yet. An unreadable verdict is skipped. {@link #receiving()} is
 * false from a failure until a new consumer has its positions.
 */
final class VerdictListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VerdictListener.class);
    private static final Duration POLL = Duration.ofMillis(200);

    /** Called with each consumer opened, answering what to close with it (its metrics). */
    @FunctionalInterface
    interface Instrument {
        AutoCloseable bind(Consumer<String, Outcome> consumer);
    }

    private final OutcomeConsumers consumers;
    private final String topic;
    private final java.util.function.Consumer<Outcome> deliver;
    private final Instrument instrument;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final AtomicLong restarts = new AtomicLong();
    private final Thread thread;
    private volatile Consumer<String, Outcome> consumer;
    private volatile AutoCloseable metrics;
    private volatile boolean receiving;
    private volatile boolean running = true;

    /**
     * Opens the first consumer now, positioned at the end of every partition, so that no verdict
     * produced after this returns can be missed; fails if that cannot be done.
     */
    VerdictListener(OutcomeConsumers consumers, String topic, java.util.function.Consumer<Outcome> deliver,
                    Instrument instrument, Duration firstBackoff, Duration maxBackoff) {
        this.consumers = consumers;
        this.topic = topic;
        this.deliver = deliver;
        this.instrument = instrument;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        open();
        this.thread = Thread.ofPlatform().name("outcome-listener").daemon().start(this::run);
    }

    /** Whether verdicts are being received now. */
    boolean receiving() {
        return running && receiving && thread.isAlive();
    }

    /** Whether the listener still runs (receiving, or retrying to); false only once closed. */
    boolean alive() {
        return running && thread.isAlive();
    }

    /** How many times a failed consumer has been replaced. */
    long restarts() {
        return restarts.get();
    }

    private void open() {
        var opened = consumers.open();
        try {
            var partitions = opened.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            opened.assign(partitions);
            var unread = partitions.stream().filter(p -> !positions.containsKey(p)).toList();
            opened.seekToEnd(unread);
            for (var partition : partitions) {
                var reached = positions.get(partition);
                if (reached != null) {
                    opened.seek(partition, reached);
                }
            }
            // Resolve every position now: a verdict produced after this can no longer be skipped.
            partitions.forEach(p -> positions.put(p, opened.position(p)));
        } catch (RuntimeException e) {
            closeQuietly(opened);
            throw e;
        }
        this.consumer = opened;
        this.metrics = instrument.bind(opened);
        this.receiving = true;
    }

    private void run() {
        var backoff = firstBackoff;
        while (running) {
            try {
                if (consumer == null) {
                    open();
                    restarts.incrementAndGet();
                    LOG.info("event=outcome_listener_reopened restarts={}", restarts.get());
                }
                poll();
                backoff = firstBackoff;
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                fail(e);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
        dropConsumer();
    }

    private void poll() {
        try {
            for (var record : consumer.poll(POLL)) {
                positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                if (record.value() != null) {
                    deliver.accept(record.value());
                }
            }
        } catch (RecordDeserializationException e) {
            // Not a verdict anyone can wait for: step over it rather than read it for ever.
            LOG.error("event=outcome_unreadable partition={} offset={}", e.topicPartition(), e.offset(), e);
            positions.put(e.topicPartition(), e.offset() + 1);
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
    }

    private void fail(RuntimeException e) {
        receiving = false;
        LOG.error("event=outcome_listener_failed restarts={}", restarts.get(), e);
        dropConsumer();
    }

    private void dropConsumer() {
        receiving = false;
        var current = consumer;
        consumer = null;
        if (metrics != null) {
            closeQuietly(metrics);
            metrics = null;
        }
        if (current != null) {
            closeQuietly(current);
        }
    }

    private void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("event=outcome_listener_close_failed reason={}", e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        var current = consumer;
        if (current != null) {
            current.wakeup();
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
