package dev.relations.api.it;

import dev.relations.api.runtime.EmbeddedKafka;
import dev.relations.api.runtime.RegistryProcess;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps broker, registry and state under one directory: a restart finds everything. */
class RestartTest {
    private static final TestApp APP = TestApp.unique("restart", 100);

    @Test
    void users_and_contacts_survive_a_restart_of_broker_registry_and_service() throws Exception {
        var dataDir = Files.createTempDirectory("relations-restart");
        int kafkaPort = TestCluster.freePort();
        int registryPort = TestCluster.freePort();
        int httpPort = TestCluster.freePort();

        try (var running = Stack.start(dataDir, kafkaPort, registryPort, httpPort)) {
            var client = new Client(running.instance(), APP).authenticated();
            client.registerUser("keeper");
            client.registerUser("kept");
            assertThat(client.post("/users/keeper/contacts/users/kept", null).status()).isEqualTo(200);
        }

        try (var running = Stack.start(dataDir, kafkaPort, registryPort, httpPort)) {
            var client = new Client(running.instance(), APP).authenticated();
            assertThat(client.get("/users/keeper").status()).isEqualTo(200);
            assertThat(ContactsApiTest.names(client.get("/users/keeper/contacts/users"))).containsExactly("kept");
            assertThat(ContactsApiTest.names(client.get("/users/kept/contacts/users"))).containsExactly("keeper");
            client.registerUser("later");
            assertThat(client.post("/users/later/contacts/users/keeper", null).status()).isEqualTo(200);
        }
    }

    private record Stack(EmbeddedKafka kafka, RegistryProcess registry, EmbeddedServer server, int port) implements AutoCloseable {
        static Stack start(Path dataDir, int kafkaPort, int registryPort, int httpPort) {
            var kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), kafkaPort);
            var registry = RegistryProcess.start(RegistryProcess.defaultJar(), dataDir.resolve("registry"), registryPort);
            var props = new HashMap<String, Object>(Map.of(
                    "micronaut.server.port", httpPort,
                    "relations.kafka.bootstrap-servers", kafka.bootstrapServers(),
                    "relations.kafka.registry-url", registry.ccompatUrl(),
                    "relations.kafka.state-dir", dataDir.resolve("streams").toString(),
                    "relations.token.secret", ServiceInstance.TOKEN_SECRET,
                    "relations.apps.default.client-secret", "unused"));
            var prefix = "relations.apps." + APP.name() + ".";
            props.put(prefix + "org", APP.org());
            props.put(prefix + "app", APP.app());
            props.put(prefix + "client-id", APP.clientId());
            props.put(prefix + "client-secret", APP.clientSecret());
            var server = ApplicationContext.builder().properties(props).start().getBean(EmbeddedServer.class).start();
            ServiceInstance.awaitStreamsRunning(server.getApplicationContext());
            return new Stack(kafka, registry, server, httpPort);
        }

        ServiceInstance instance() {
            return ServiceInstance.wrap(server, port);
        }

        @Override
        public void close() {
            server.getApplicationContext().close();
            registry.close();
            kafka.close();
        }
    }
}
