package dev.relations.mapping;

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
import org.apache.avro.specific.SpecificRecord;

/** One Confluent-format serde per record type, all sharing one registry client and its caches. */
public record AvroSerdes(
        ConfluentAvroSerde<CommandEnvelope> commands,
        ConfluentAvroSerde<Outcome> outcomes,
        ConfluentAvroSerde<EventEnvelope> events,
        ConfluentAvroSerde<Notification> notifications,
        ConfluentAvroSerde<StoredUser> storedUsers,
        ConfluentAvroSerde<StoredContact> storedContacts,
        ConfluentAvroSerde<StoredRequest> storedRequests,
        ConfluentAvroSerde<StoredBlock> storedBlocks,
        ConfluentAvroSerde<StoredBatch> storedBatches,
        ConfluentAvroSerde<StoredRoom> storedRooms,
        ConfluentAvroSerde<StoredMember> storedMembers,
        ConfluentAvroSerde<StoredRoomBatch> storedRoomBatches,
        ConfluentAvroSerde<StoredSeat> storedSeats) {

    public static AvroSerdes using(SchemaRegistryClient registry) {
        return new AvroSerdes(
                value(registry, CommandEnvelope.class),
                value(registry, Outcome.class),
                value(registry, EventEnvelope.class),
                value(registry, Notification.class),
                value(registry, StoredUser.class),
                value(registry, StoredContact.class),
                value(registry, StoredRequest.class),
                value(registry, StoredBlock.class),
                value(registry, StoredBatch.class),
                value(registry, StoredRoom.class),
                value(registry, StoredMember.class),
                value(registry, StoredRoomBatch.class),
                value(registry, StoredSeat.class));
    }

    private static <T extends SpecificRecord> ConfluentAvroSerde<T> value(SchemaRegistryClient registry, Class<T> type) {
        return new ConfluentAvroSerde<>(registry, type);
    }
}
