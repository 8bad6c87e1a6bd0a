package dev.relations.processor;

import dev.relations.schemas.CommandEnvelope;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.Notification;
import dev.relations.schemas.Outcome;
import dev.relations.schemas.StoredBatch;
import dev.relations.schemas.StoredBlock;
import dev.relations.schemas.StoredContact;
import dev.relations.schemas.StoredMember;
import dev.relations.schemas.StoredRequest;
import dev.relations.schemas.StoredRoom;
import dev.relations.schemas.StoredRoomBatch;
import dev.relations.schemas.StoredSeat;
import dev.relations.schemas.StoredUser;
import dev.relations.schemas.serde.ConfluentAvroSerde;
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

    public static Map<String, Schema> of(String applicationId) {
        var subjects = new LinkedHashMap<String, Schema>();
        subjects.put(value(Topics.COMMANDS), CommandEnvelope.getClassSchema());
        subjects.put(value(Topics.OUTCOMES), Outcome.getClassSchema());
        subjects.put(value(Topics.EVENTS), EventEnvelope.getClassSchema());
        subjects.put(value(Topics.NOTIFICATIONS), Notification.getClassSchema());
        subjects.put(changelog(applicationId, StoreNames.USERS), StoredUser.getClassSchema());
        subjects.put(changelog(applicationId, StoreNames.CONTACTS), StoredContact.getClassSchema());
        subjects.put(changelog(applicationId, StoreNames.BLOCKS), StoredBlock.getClassSchema());
        subjects.put(changelog(applicationId, StoreNames.BATCHES), StoredBatch.getClassSchema());
        subjects.put(changelog(applicationId, StoreNames.REQUESTS), StoredRequest.getClassSchema());
        subjects.put(changelog(applicationId, StoreNames.ROOMS), StoredRoom.getClassSchema());
        subjects.put(changelog(applicationId, StoreNames.ROOM_MEMBERS), StoredMember.getClassSchema());
        subjects.put(changelog(applicationId, StoreNames.ROOM_BATCHES), StoredRoomBatch.getClassSchema());
        subjects.put(changelog(applicationId, StoreNames.SEATS), StoredSeat.getClassSchema());
        return subjects;
    }

    public static void registerAll(SchemaRegistryClient registry, String applicationId) {
        of(applicationId).forEach(registry::register);
    }

    private static String value(String topic) {
        return ConfluentAvroSerde.subject(topic, false);
    }

    /** Kafka Streams names a store's changelog topic {@code <application.id>-<store>-changelog}. */
    private static String changelog(String applicationId, String store) {
        return value(applicationId + "-" + store + "-changelog");
    }
}
