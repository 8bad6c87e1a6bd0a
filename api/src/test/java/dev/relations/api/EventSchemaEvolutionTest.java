package dev.relations.api;

import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.RoomAllowlistRemoved;
import dev.relations.schemas.RoomBlocklistAdded;
import dev.relations.schemas.RoomMutesAdded;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events topic is kept for ever: the current EventEnvelope must read every earlier
 * version (the registry's BACKWARD check, and what relations-log does with old events).
 */
class EventSchemaEvolutionTest {

    @Test
    void the_current_envelope_reads_the_first_and_the_last_version_of_schema_1() throws IOException {
        for (var old : List.of("/eventlog/event-envelope-v1.avsc", "/eventlog/event-envelope-schema1-last.avsc")) {
            var result = SchemaCompatibility.checkReaderWriterCompatibility(EventEnvelope.getClassSchema(), schema(old));
            assertThat(result.getType()).as(old + ": " + result.getDescription())
                    .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @Test
    void renamed_member_lists_and_a_minus_one_expiry_of_schema_1_read_into_the_current_fields() throws IOException {
        var old = schema("/eventlog/event-envelope-schema1-last.avsc");

        var muted = (EventEnvelope) roundTrip(old, "room.mutes.added", "RoomMutesAdded",
                Map.of("room", "7", "users", List.of("bob"), "expire_at", -1L));
        var blocked = (EventEnvelope) roundTrip(old, "room.blocklist.added", "RoomBlocklistAdded",
                Map.of("room", "7", "users", List.of("cid")));
        var disallowed = (EventEnvelope) roundTrip(old, "room.allowlist.removed", "RoomAllowlistRemoved",
                Map.of("room", "7", "users", List.of("dan")));

        assertThat(muted.getPayload()).isEqualTo(new RoomMutesAdded("7", List.of("bob"), -1L));
        assertThat(blocked.getPayload()).isEqualTo(new RoomBlocklistAdded("7", List.of("cid")));
        assertThat(disallowed.getPayload()).isEqualTo(new RoomAllowlistRemoved("7", List.of("dan"), "API"));
        // Fields schema 1 did not have read as their defaults: the aggregate comes from the record key.
        assertThat(muted.getSchema$()).isEqualTo(1);
        assertThat(muted.getAggregate().getType()).isEmpty();
        assertThat(muted.getActor()).isNull();
        assertThat(muted.getRequest().getRequestId()).isEmpty();
        assertThat(muted.getCausationId()).isNull();
    }

    private static Object roundTrip(Schema writer, String type, String payloadType, Map<String, Object> payload)
            throws IOException {
        var payloadSchema = writer.getField("payload").schema().getTypes().stream()
                .filter(s -> s.getName().equals(payloadType)).findFirst().orElseThrow();
        var body = new GenericRecordBuilder(payloadSchema);
        payload.forEach(body::set);
        GenericData.Record envelope = new GenericRecordBuilder(writer)
                .set("event_id", "e1").set("event_type", type).set("org", "o").set("app", "a")
                .set("aggregate_type", "chatroom").set("aggregate_id", "o#a/room/7").set("seq", 1L).set("occurred_at", 1L)
                .set("request_id", "r1").set("payload", body.build())
                .build();
        var bytes = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(writer).write(envelope, encoder);
        encoder.flush();
        return new SpecificDatumReader<EventEnvelope>(writer, EventEnvelope.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }

    private static Schema schema(String resource) throws IOException {
        try (InputStream in = EventSchemaEvolutionTest.class.getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        }
    }
}
