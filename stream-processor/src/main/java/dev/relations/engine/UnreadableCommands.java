package dev.relations.engine;

import dev.relations.schemas.serde.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * What happens to a record on the commands topic that cannot be read (random bytes, an empty
 * or missing value or key, an unknown schema id, truncated Avro): Kafka Streams' own
 * log-and-continue handler writes it, with its origin in the {@code __streams.errors.*}
 * headers (topic, partition, offset, exception, message, stack trace), to the dead-letter
 * topic named by {@code errors.dead.letter.queue.topic.name}, in the same transaction that
 * moves the partition past it. Only a registry that cannot be reached is not the record's
 * fault: that fails the stream thread, which is replaced and reads the record again, so a
 * good command is never filed as dead while the registry is away.
 */
public final class UnreadableCommands extends LogAndContinueExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UnreadableCommands.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (registryUnreachable(exception)) {
            LOG.warn("event=command_unreadable_for_now topic={} partition={} offset={} reason={}", record.topic(),
                    record.partition(), record.offset(), exception.getMessage());
            return Response.fail();
        }
        return super.handleError(context, record, exception);
    }

    /** A lookup that got no answer, or a 5xx or 429 one: the same record may read fine later. */
    public static boolean registryUnreachable(Throwable exception) {
        for (var cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException registry) {
                int status = registry.status();
                return status == SchemaRegistryException.NO_STATUS
                        ? registry.getCause() instanceof IOException || registry.getCause() instanceof InterruptedException
                        : status >= 500 || status == 429;
            }
        }
        return false;
    }

    /** A deserializer that refuses a missing key or value instead of passing null on. */
    static <T> Deserializer<T> required(Deserializer<T> inner) {
        return (topic, bytes) -> {
            if (bytes == null) {
                throw new SerializationException("a command record without a key or value on topic '" + topic + "'");
            }
            return inner.deserialize(topic, bytes);
        };
    }
}
