package dev.relations.api.it;

import dev.relations.api.runtime.StreamsRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.relations.api.it.OperationsApiTest.get;
import static dev.relations.api.it.OperationsApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;

/** An instance whose Kafka Streams has stopped is neither ready nor alive. */
class HealthDownTest {
    private static final TestApp APP = TestApp.unique("down", 100);
    private static ServiceInstance service;

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(TestCluster.get(), "down-it-" + APP.name(), APP);
        service.context().getBean(StreamsRuntime.class).streams().close(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void readiness_is_down_with_503_naming_kafka_streams() {
        var response = get(service, "/health/readiness");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("status").asText()).isEqualTo("DOWN");
        var streams = json(response).get("details").get("kafka-streams");
        assertThat(streams.get("status").asText()).isEqualTo("DOWN");
        assertThat(streams.get("details").get("state").asText()).isEqualTo("NOT_RUNNING");
    }

    @Test
    void liveness_is_down_with_503() {
        var response = get(service, "/health/liveness");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("details").get("relations").get("status").asText()).isEqualTo("DOWN");
    }
}
