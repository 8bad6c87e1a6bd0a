package dev.relations.api.it;

import dev.relations.engine.Topics;
import dev.relations.schemas.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two deployments (two Streams application ids) on one cluster serving the same app: each has
 * its own topics, so neither processes the other's commands nor publishes the other's events.
 */
class TwoDeploymentsTest {
    private static final TestApp APP = TestApp.unique("apart", 100);
    private static final Topics BLUE = new Topics("blue-it-" + APP.name());
    private static final Topics GREEN = new Topics("green-it-" + APP.name());
    private static ServiceInstance blue;
    private static ServiceInstance green;

    @BeforeAll
    static void start() {
        var cluster = TestCluster.get();
        blue = ServiceInstance.start(cluster, BLUE.applicationId(), cluster.newDirectory("blue"), TestCluster.freePort(), Map.of(), APP);
        green = ServiceInstance.start(cluster, GREEN.applicationId(), cluster.newDirectory("green"), TestCluster.freePort(), Map.of(), APP);
    }

    @AfterAll
    static void stop() {
        green.close();
        blue.close();
    }

    @Test
    void a_write_on_one_deployment_is_not_seen_by_the_other_and_each_events_topic_holds_only_its_own() {
        var viaBlue = new Client(blue, APP).authenticated();
        var viaGreen = new Client(green, APP).authenticated();
        try (var blueEvents = new TopicReader<>(TestCluster.get(), BLUE.events(), EventEnvelope.class);
             var greenEvents = new TopicReader<>(TestCluster.get(), GREEN.events(), EventEnvelope.class)) {
            assertThat(viaBlue.registerUser("apart-blue").status()).isEqualTo(200);
            assertThat(viaBlue.registerUser("apart-both").status()).isEqualTo(200);
            // The same username is free on the other deployment: it never saw the first registration.
            assertThat(viaGreen.registerUser("apart-both").status()).isEqualTo(200);
            assertThat(viaGreen.registerUser("apart-green").status()).isEqualTo(200);
            assertThat(viaBlue.post("/users/apart-blue/contacts/users/apart-both", null).status()).isEqualTo(200);

            ContactsApiTest.assertNotFound(viaGreen.get("/users/apart-blue"));
            ContactsApiTest.assertNotFound(viaBlue.get("/users/apart-green"));
            assertThat(ContactsApiTest.names(viaBlue.get("/users/apart-both/contacts/users"))).containsExactly("apart-blue");
            assertThat(ContactsApiTest.names(viaGreen.get("/users/apart-both/contacts/users"))).isEmpty();

            Predicate<ConsumerRecord<String, EventEnvelope>> ours = r -> r.value().getOrg().equals(APP.org());
            var onBlue = blueEvents.collect(ours, Duration.ofSeconds(2)).stream().map(r -> r.key()).toList();
            var onGreen = greenEvents.collect(ours, Duration.ofSeconds(1)).stream().map(r -> r.key()).toList();
            assertThat(onBlue).contains(aggregate("apart-blue"), aggregate("apart-both")).doesNotContain(aggregate("apart-green"));
            assertThat(onGreen).contains(aggregate("apart-green"), aggregate("apart-both")).doesNotContain(aggregate("apart-blue"));
            // One registration of apart-both on green, none of its contact events.
            assertThat(onGreen).filteredOn(aggregate("apart-both")::equals).hasSize(1);
        }
    }

    private static String aggregate(String username) {
        return APP.org() + "#" + APP.app() + "/user/" + username;
    }
}
