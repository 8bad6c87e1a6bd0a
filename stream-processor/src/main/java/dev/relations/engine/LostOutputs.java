package dev.relations.engine;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * A record the producer could not send (too large, say) fails the stream thread, as by
 * default, unless losing it loses nothing durable: a verdict (its caller times out and may
 * retry with the same Idempotency-Key) or a dead letter (its origin is logged here). Events,
 * follow-up commands and changelog records are never dropped: that would leave state and
 * history apart.
 */
public final class LostOutputs extends DefaultProductionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LostOutputs.class);
    private String deadLetters;
    private String outcomes;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        var configured = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        this.deadLetters = configured == null ? null : configured.toString();
        var applicationId = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        this.outcomes = applicationId == null ? null : new Topics(applicationId.toString()).outcomes();
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        var response = super.handleError(context, record, exception);
        boolean droppable = record.topic().equals(outcomes) || record.topic().equals(deadLetters);
        if (response.result() != Result.FAIL || !droppable) {
            return response;
        }
        LOG.error("event=output_dropped topic={} source_topic={} source_partition={} source_offset={} reason={}",
                record.topic(), context.topic(), context.partition(), context.offset(), exception.toString());
        return Response.resume();
    }
}
