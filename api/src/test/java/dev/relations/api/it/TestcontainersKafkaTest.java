package dev.relations.api.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service against a broker it does not start itself: Kafka in a container (the
 * official apache/kafka image, KRaft), the schema registry from {@link TestCluster}.
 * Skips itself where no Docker engine is reachable.
 */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersKafkaTest {
    private static final TestApp APP = TestApp.unique("tc", 100);

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    private static ServiceInstance service;
    private static Client client;

    @BeforeAll
    static void start() {
        var cluster = TestCluster.get();
        var applicationId = "tc-it-" + APP.name();
        service = ServiceInstance.start(cluster, applicationId, cluster.newDirectory(applicationId), TestCluster.freePort(),
                Map.of("relations.kafka.bootstrap-servers", KAFKA.getBootstrapServers()), APP);
        client = new Client(service, APP).authenticated();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void registers_two_users_and_makes_them_friends() {
        client.registerUser("tc-ann");
        client.registerUser("tc-bob");

        var added = client.post("/users/tc-ann/contacts/users/tc-bob", null);

        assertThat(added.status()).as("add contact: %s", added.body()).isEqualTo(200);
        assertThat(ContactsApiTest.names(client.get("/users/tc-ann/contacts/users"))).containsExactly("tc-bob");
        assertThat(ContactsApiTest.names(client.get("/users/tc-bob/contacts/users"))).containsExactly("tc-ann");
    }
}
