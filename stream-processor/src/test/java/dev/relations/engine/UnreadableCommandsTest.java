package dev.relations.engine;

import dev.relations.domain.common.Tenant;
import dev.relations.domain.contact.RosterLimits;
import dev.relations.mapping.RecordKeys;
import dev.relations.schemas.CommandEnvelope;
import dev.relations.schemas.RegisterUser;
import dev.relations.schemas.serde.SchemaRegistryException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static dev.relations.engine.TopologyHarness.NOW;
import static dev.relations.engine.TopologyHarness.name;
import static dev.relations.engine.TopologyHarness.view;
import static org.assertj.core.api.Assertions.assertThat;

/** Records on the commands topic that cannot be read go to the dead-letter topic, and the partition moves on. */
class UnreadableCommandsTest extends TopologyTest {
    private static final Tenant CHAT = new Tenant("acme", "chat");

    @Override
    TopologyHarness harness(Path stateDir) {
        return new TopologyHarness(stateDir, tenant -> new RosterLimits(100));
    }

    @Test
    void unreadable_records_go_to_the_dead_letter_topic_with_their_origin_and_the_next_command_is_answered() {
        var key = bytes(RecordKeys.user(CHAT, name("alice")));
        var garbage = new byte[64];
        new Random(7).nextBytes(garbage);
        garbage[0] = 42;
        var valid = relations.serialized(command("bob"));
        byte[][] values = {
                garbage,
                new byte[0],
                null,
                {0, 0x7f, 0x7f, 0x7f, 0x7f, 2, 4, 6},
                Arrays.copyOf(valid, valid.length / 2),
        };
        for (var value : values) {
            relations.pipeRaw(key, value);
        }
        relations.pipeRaw(null, valid);

        var registered = relations.register(CHAT, "alice");

        assertThat(registered.getStatus()).isEqualTo(200);
        var dead = relations.deadLetters.readRecordsToList();
        assertThat(dead).hasSize(values.length + 1);
        for (int i = 0; i < values.length; i++) {
            assertThat(dead.get(i).key()).isEqualTo(key);
            assertThat(dead.get(i).value()).isEqualTo(values[i]);
        }
        assertThat(dead.getLast().key()).isNull();
        assertThat(dead.getLast().value()).isEqualTo(valid);
        for (int offset = 0; offset < dead.size(); offset++) {
            var headers = dead.get(offset).headers();
            assertThat(header(headers, "__streams.errors.topic")).isEqualTo(TopologyHarness.TOPICS.commands());
            assertThat(header(headers, "__streams.errors.partition")).isEqualTo("0");
            assertThat(header(headers, "__streams.errors.offset")).isEqualTo(Integer.toString(offset));
            assertThat(header(headers, "__streams.errors.exception")).isEqualTo(SerializationException.class.getName());
            assertThat(header(headers, "__streams.errors.message")).isNotBlank();
        }
    }

    @Test
    void an_unreadable_record_changes_no_state_and_answers_nothing() {
        relations.pipeRaw(bytes(RecordKeys.user(CHAT, name("alice"))), new byte[] {0, 0, 0, 0});

        assertThat(relations.outcomes.readRecordsToList()).isEmpty();
        assertThat(relations.events.readRecordsToList()).isEmpty();
        assertThat(TopologyHarness.allKeys(relations.users())).isEmpty();
        assertThat(relations.deadLetters.readRecordsToList()).extracting(TestRecord::value)
                .containsExactly(new byte[] {0, 0, 0, 0});
    }

    @Test
    void only_a_registry_that_cannot_be_reached_keeps_a_record_from_the_dead_letter_topic() {
        var unreachable = new SchemaRegistryException("no route", new ConnectException("refused"));
        var unknownId = new SchemaRegistryException("Schema id 9 not found", 404, 40403);
        var overloaded = new SchemaRegistryException("busy", 503, -1);

        assertThat(UnreadableCommands.registryUnreachable(new SerializationException("lookup", unreachable))).isTrue();
        assertThat(UnreadableCommands.registryUnreachable(new SerializationException("lookup", overloaded))).isTrue();
        assertThat(UnreadableCommands.registryUnreachable(new SerializationException("lookup", unknownId))).isFalse();
        assertThat(UnreadableCommands.registryUnreachable(new SerializationException("truncated", new IOException("eof"))))
                .isFalse();
    }

    private static CommandEnvelope command(String username) {
        return CommandEnvelope.newBuilder()
                .setRequestId("req-valid")
                .setOrg(CHAT.org())
                .setApp(CHAT.app())
                .setIssuedAt(NOW)
                .setExternal(true)
                .setApi("")
                .setBody(new RegisterUser(view(username), "pbkdf2$" + username))
                .build();
    }

    private static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
