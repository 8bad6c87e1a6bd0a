package dev.relations.engine;

import dev.relations.mapping.AvroSerdes;
import dev.relations.store.Slice;
import dev.relations.store.StateLayout;
import dev.relations.store.StoreNames;
import dev.relations.schemas.CommandEnvelope;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.Notification;
import dev.relations.schemas.Outcome;
import dev.relations.schemas.serde.ConfluentAvroSerde;
import dev.relations.schemas.serde.InMemorySchemaRegistryClient;
import dev.relations.schemas.serde.SchemaRegistryClient;
import org.apache.avro.Schema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registers every value schema the service writes before anything is written: a schema the
 * registry finds incompatible stops the start with its subject named, instead of failing a
 * stream thread later, and no two threads race to create a subject.
 */
public final class SchemaSubjects {
    private SchemaSubjects() {
    }

    /** Serdes over a registry that is never called: only their reader schemas are asked for. */
    private static final AvroSerdes SCHEMAS = AvroSerdes.using(new InMemorySchemaRegistryClient());

    public static Map<String, Schema> of(String applicationId) {
        var subjects = new LinkedHashMap<String, Schema>();
        var topics = new Topics(applicationId);
        subjects.put(value(topics.commands()), CommandEnvelope.getClassSchema());
        subjects.put(value(topics.steps()), CommandEnvelope.getClassSchema());
        subjects.put(value(topics.outcomes()), Outcome.getClassSchema());
        subjects.put(value(topics.events()), EventEnvelope.getClassSchema());
        subjects.put(value(topics.notifications()), Notification.getClassSchema());
        for (Slice<?> slice : StoreNames.ALL) {
            if (slice.serde().apply(SCHEMAS) instanceof ConfluentAvroSerde<?> avro) {
                subjects.put(value(StateLayout.subjectTopic(applicationId, slice)), avro.deserializer().readerSchema());
            }
        }
        return subjects;
    }

    public static void registerAll(SchemaRegistryClient registry, String applicationId) {
        of(applicationId).forEach(registry::register);
    }

    private static String value(String topic) {
        return ConfluentAvroSerde.subject(topic, false);
    }

}
