package dev.relations.api.command;

import dev.relations.engine.Topics;

import dev.relations.schemas.Outcome;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict listener outlives a failing consumer: it reopens one, where the old one was, and says when it cannot receive. */
class VerdictListenerTest {
    private static final String TOPIC = new Topics("relations").outcomes();
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final LinkedBlockingQueue<Object> opens = new LinkedBlockingQueue<>();
    private final List<Outcome> delivered = new CopyOnWriteArrayList<>();
    private final List<SlowMockConsumer> opened = new CopyOnWriteArrayList<>();
    private VerdictListener listener;

    @AfterEach
    void close() {
        if (listener != null) {
            listener.close();
        }
    }

    @Test
    void a_failed_poll_is_followed_by_a_new_consumer_and_the_verdicts_it_reads() {
        allowOpens(2);
        listener = start();
        opened.getFirst().setPollException(new KafkaException("broker gone"));

        await(() -> listener.restarts() == 1 && listener.receiving());
        opened.getLast().addRecord(verdict(0, "after"));

        await(() -> delivered.size() == 1);
        assertThat(delivered).extracting(Outcome::getRequestId).containsExactly("after");
    }

    @Test
    void it_is_not_receiving_while_no_consumer_can_be_opened_and_receives_again_once_one_can() throws Exception {
        allowOpens(1);
        listener = start();
        opened.getFirst().setPollException(new KafkaException("broker gone"));
        opens.put(new KafkaException("still gone"));

        await(() -> !listener.receiving() && opens.isEmpty());
        assertThat(listener.alive()).isTrue();
        allowOpens(1);

        await(listener::receiving);
        assertThat(listener.restarts()).isEqualTo(1);
    }

    @Test
    void a_new_consumer_starts_where_the_failed_one_stopped_so_a_verdict_sent_meanwhile_arrives() {
        allowOpens(2);
        listener = start();
        opened.getFirst().addRecord(verdict(0, "first"));
        await(() -> delivered.size() == 1);
        opened.getFirst().setPollException(new KafkaException("broker gone"));
        await(() -> listener.restarts() == 1 && listener.receiving());

        // The new consumer's end is far ahead; the verdict at offset 1 was committed while the listener was down.
        opened.getLast().addRecord(verdict(1, "meanwhile"));

        await(() -> delivered.size() == 2);
        assertThat(delivered).extracting(Outcome::getRequestId).containsExactly("first", "meanwhile");
    }

    @Test
    void an_unreadable_verdict_is_stepped_over_without_a_new_consumer() {
        allowOpens(1);
        listener = start();
        opened.getFirst().setPollException(new RecordDeserializationException(PARTITION, 0, "not an outcome", null));
        opened.getFirst().addRecord(verdict(1, "next"));

        await(() -> delivered.size() == 1);
        assertThat(delivered).extracting(Outcome::getRequestId).containsExactly("next");
        assertThat(listener.restarts()).isZero();
        assertThat(listener.receiving()).isTrue();
    }

    private VerdictListener start() {
        return new VerdictListener(this::open, TOPIC, delivered::add, consumer -> () -> { }, Duration.ofMillis(10), Duration.ofMillis(50));
    }

    /** Lets the next {@code count} opens succeed. */
    private void allowOpens(int count) {
        for (int i = 0; i < count; i++) {
            opens.add("open");
        }
    }

    private SlowMockConsumer open() {
        Object next;
        try {
            next = opens.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException(e);
        }
        if (next instanceof KafkaException failure) {
            throw failure;
        }
        var consumer = new SlowMockConsumer();
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null)));
        // Every consumer finds the partition's end far ahead: where it reads from shows whether it resumed.
        consumer.updateEndOffsets(Map.of(PARTITION, opened.isEmpty() ? 0L : 100L));
        opened.add(consumer);
        return consumer;
    }

    private static ConsumerRecord<String, Outcome> verdict(long offset, String requestId) {
        return new ConsumerRecord<>(TOPIC, 0, offset, requestId, Outcome.newBuilder().setRequestId(requestId).setStatus(200).build());
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A mock consumer whose poll waits a little, as a real one does, instead of spinning. */
    private static final class SlowMockConsumer extends MockConsumer<String, Outcome> {
        SlowMockConsumer() {
            super("latest");
        }

        @Override
        public ConsumerRecords<String, Outcome> poll(Duration timeout) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.poll(timeout);
        }
    }
}
