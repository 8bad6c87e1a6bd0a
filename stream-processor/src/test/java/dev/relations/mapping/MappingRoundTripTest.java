package dev.relations.mapping;

import dev.relations.domain.app.AppCommand;
import dev.relations.domain.app.AppEvent;
import dev.relations.domain.block.BlockCommand;
import dev.relations.domain.block.BlockEvent;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;
import dev.relations.domain.contact.ContactCommand;
import dev.relations.domain.contact.ContactEvent;
import dev.relations.domain.idempotency.KeyCommand;
import dev.relations.domain.room.Room;
import dev.relations.domain.room.RoomCommand;
import dev.relations.domain.room.RoomEvent;
import dev.relations.domain.seat.SeatCommand;
import dev.relations.domain.user.UserCommand;
import dev.relations.domain.user.UserEvent;
import dev.relations.schemas.CommandEnvelope;
import dev.relations.schemas.EventEnvelope;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command and event type of the domain, built with a value in every field, survives the
 * trip through Avro: a command maps to its Avro body, through the wire encoding, and back to an
 * equal command; an event maps to a payload of the events union that encodes and decodes
 * unchanged. A field dropped or mixed up in either direction fails here.
 */
class MappingRoundTripTest {
    /** Commands that never leave their aggregate, so they have no Avro form. */
    private static final Set<Class<?>> LOCAL_ONLY = Set.of(
            ContactCommand.DropRoster.class, BlockCommand.DropBlocks.class, SeatCommand.DropSeats.class);

    @Test
    void every_command_survives_avro_and_back() throws IOException {
        var checked = new ArrayList<String>();
        checked.addAll(roundTrip(UserCommand.class, CommandMapping::toAvro));
        checked.addAll(roundTrip(ContactCommand.class, CommandMapping::toAvro));
        checked.addAll(roundTrip(BlockCommand.class, CommandMapping::toAvro));
        checked.addAll(roundTrip(RoomCommand.class, CommandMapping::toAvro));
        checked.addAll(roundTrip(SeatCommand.class, CommandMapping::toAvro));
        checked.addAll(roundTrip(AppCommand.class, CommandMapping::toAvro));
        checked.addAll(roundTrip(KeyCommand.class, CommandMapping::toAvro));
        var union = CommandEnvelope.getClassSchema().getField("body").schema().getTypes();
        assertThat(checked).as("every command body of the contract has a domain command that maps to it")
                .hasSize(union.size());
    }

    @Test
    void every_published_event_is_a_branch_of_the_events_union_and_encodes_unchanged() throws IOException {
        var union = EventEnvelope.getClassSchema().getField("payload").schema().getTypes().stream()
                .map(s -> s.getFullName()).toList();
        var room = quietRoom();
        int published = 0;
        published += publish(UserEvent.class, EventMapping::of, union);
        published += publish(AppEvent.class, EventMapping::of, union);
        published += publish(ContactEvent.class, EventMapping::of, union);
        published += publish(BlockEvent.class, EventMapping::of, union);
        published += publish(RoomEvent.class, e -> RoomEventMapping.of(e, room), union);
        assertThat(published).isGreaterThan(20);
    }

    private static <C> List<String> roundTrip(Class<C> family, Function<C, Object> toAvro) throws IOException {
        var names = new ArrayList<String>();
        for (var type : family.getPermittedSubclasses()) {
            if (LOCAL_ONLY.contains(type)) {
                continue;
            }
            var command = family.cast(sample(type));
            var body = (SpecificRecord) toAvro.apply(command);
            var decoded = CommandMapping.toDomain(reencode(body));
            assertThat(commandOf(decoded)).as(type.getSimpleName()).isEqualTo(command);
            names.add(body.getSchema().getFullName());
        }
        return names;
    }

    private static <E> int publish(Class<E> family, Function<E, EventMapping.Published> mapping, List<String> union)
            throws IOException {
        int published = 0;
        for (var type : family.getPermittedSubclasses()) {
            var published1 = mapping.apply(family.cast(sample(type)));
            if (published1 == null) {
                continue; // internal to the engine, never published
            }
            var payload = (SpecificRecord) published1.payload();
            assertThat(union).as(type.getSimpleName()).contains(payload.getSchema().getFullName());
            assertThat(published1.type()).as(type.getSimpleName()).matches("[a-z_]+(\\.[a-z_]+)+");
            assertThat(reencode(payload)).as(type.getSimpleName()).isEqualTo(payload);
            published++;
        }
        return published;
    }

    private static Object commandOf(CommandMapping.Routed routed) {
        return switch (routed) {
            case CommandMapping.Routed.ToUser u -> u.command();
            case CommandMapping.Routed.ToContacts c -> c.command();
            case CommandMapping.Routed.ToBlocks b -> b.command();
            case CommandMapping.Routed.ToRoom r -> r.command();
            case CommandMapping.Routed.ToSeats s -> s.command();
            case CommandMapping.Routed.ToApp a -> a.command();
            case CommandMapping.Routed.ToIdempotencyKey k -> k.command();
        };
    }

    /** Writes and reads the record with its own schema, as the wire does. */
    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> T reencode(T record) throws IOException {
        var out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<T>(record.getSchema()).write(record, encoder);
        encoder.flush();
        var reader = new SpecificDatumReader<T>(record.getSchema());
        return reader.read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    /** A room whose reads answer plain defaults, for the payloads that quote the room's state. */
    private static Room quietRoom() {
        return (Room) Proxy.newProxyInstance(Room.class.getClassLoader(), new Class<?>[]{Room.class}, (proxy, method, args) -> {
            var type = method.getReturnType();
            if (type == int.class) {
                return 3;
            }
            if (type == boolean.class) {
                return false;
            }
            if (type == Optional.class) {
                return Optional.empty();
            }
            if (type == List.class) {
                return List.of();
            }
            return null;
        });
    }

    /** An instance of a record type with a distinct plain value in every component. */
    private static Object sample(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type + " is not a record");
        }
        var components = type.getRecordComponents();
        var values = new Object[components.length];
        var types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i].getGenericType(), components[i]);
            types[i] = components[i].getType();
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type, e);
        }
    }

    private static Object value(Type generic, RecordComponent component) {
        var raw = generic instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) generic;
        var name = component.getName();
        if (raw == String.class) {
            return name.equals("now") ? "1" : "v-" + name;
        }
        if (raw == Username.class) {
            return Username.of("u" + Math.abs(name.hashCode() % 1000));
        }
        if (raw == RoomId.class) {
            return new RoomId("123456789");
        }
        if (raw == long.class || raw == Long.class) {
            return 42L;
        }
        if (raw == int.class || raw == Integer.class) {
            return 7;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == User.class) {
            return new User("uuid-1", Username.of("u-entity"), 1L, 2L, true, Optional.of("nick"));
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[raw.getEnumConstants().length - 1];
        }
        if (raw == Optional.class) {
            return Optional.of(value(argument(generic, 0), component));
        }
        if (raw == List.class) {
            return List.of(value(argument(generic, 0), component));
        }
        if (raw == Set.class) {
            return new LinkedHashSet<>(List.of(value(argument(generic, 0), component)));
        }
        if (raw == Map.class) {
            var map = new LinkedHashMap<Object, Object>();
            map.put(value(argument(generic, 0), component), value(argument(generic, 1), component));
            return map;
        }
        if (raw.isRecord()) {
            return sample(raw);
        }
        throw new IllegalStateException("no sample for " + generic + " in " + component);
    }

    private static Type argument(Type generic, int index) {
        return ((ParameterizedType) generic).getActualTypeArguments()[index];
    }
}
