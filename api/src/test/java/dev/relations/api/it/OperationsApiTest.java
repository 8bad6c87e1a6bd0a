package dev.relations.api.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator scrapes and probes: health (liveness, readiness) and Prometheus metrics. */
class OperationsApiTest {
    private static final TestApp APP = TestApp.unique("ops", 100);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ServiceInstance service;
    private static Client client;

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(TestCluster.get(), "ops-it-" + APP.name(), APP);
        client = new Client(service, APP).authenticated();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static HttpResponse<String> get(ServiceInstance instance, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void readiness_is_up_with_streams_the_verdict_listener_the_broker_and_the_registry_up() {
        var response = get(service, "/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        var details = json(response).get("details");
        assertThat(json(response).get("status").asText()).isEqualTo("UP");
        assertThat(details.get("kafka-streams").get("status").asText()).isEqualTo("UP");
        assertThat(details.get("kafka-streams").get("details").get("state").asText()).isEqualTo("RUNNING");
        assertThat(details.get("verdict-listener").get("status").asText()).isEqualTo("UP");
        assertThat(details.get("verdict-listener").get("details").get("restarts").asLong()).isZero();
        assertThat(details.get("kafka").get("status").asText()).isEqualTo("UP");
        assertThat(details.get("schema-registry").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void readiness_says_how_far_kafka_streams_is_in_restoring_its_state() {
        var streams = json(get(service, "/health/readiness")).get("details").get("kafka-streams").get("details");

        assertThat(streams.get("restoring-partitions").asInt()).isZero();
        assertThat(streams.get("records-left-to-restore").asLong()).isZero();
    }

    @Test
    void liveness_is_up() {
        var response = get(service, "/health/liveness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("UP");
        assertThat(json(response).get("details").get("relations").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheus_shows_http_latency_per_route_and_status() {
        client.get("/users/nobody-here");
        client.registerUser("metered");
        client.get("/users/metered");

        var metrics = get(service, "/prometheus").body();

        assertThat(metrics).containsPattern(
                "http_server_requests_seconds_count\\{exception=\"none\",method=\"GET\",status=\"200\",uri=\"/\\{org}/\\{app}/users/\\{username}\"} \\d+");
        assertThat(metrics).containsPattern(
                "http_server_requests_seconds_bucket\\{[^}]*status=\"200\",uri=\"/\\{org}/\\{app}/users/\\{username}\",le=\"[0-9.]+\"}");
    }

    @Test
    void prometheus_shows_verdict_latency_per_command_type_and_outcome() {
        client.registerUser("verdicts");
        client.post("/users/verdicts/contacts/users/nobody-at-all", null);

        var metrics = get(service, "/prometheus").body();

        assertThat(metrics).containsPattern(
                "relations_command_verdict_seconds_count\\{command=\"RegisterUser\",error=\"\",outcome=\"accepted\"} \\d+");
        assertThat(metrics).containsPattern(
                "relations_command_verdict_seconds_count\\{command=\"AddContact\",error=\"service_resource_not_found\",outcome=\"rejected\"} \\d+");
    }

    @Test
    void prometheus_shows_kafka_streams_kafka_client_and_jvm_metrics() {
        var metrics = get(service, "/prometheus").body();

        assertThat(metrics).contains("kafka_stream_thread_commit_latency_avg{");
        assertThat(metrics).contains("kafka_stream_alive_stream_threads{");
        assertThat(metrics).containsPattern("kafka_producer_record_send_total\\{[^}]*client_id=\"relations-api-commands\"");
        assertThat(metrics).containsPattern("kafka_consumer_[a-z_]+\\{[^}]*client_id=\"relations-api-outcomes\"");
        assertThat(metrics).contains("jvm_memory_used_bytes{");
    }

    @Test
    void the_metrics_and_health_endpoints_answer_without_a_token() {
        assertThat(get(service, "/prometheus").statusCode()).isEqualTo(200);
        assertThat(get(service, "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void no_other_management_endpoint_is_exposed() {
        for (var path : new String[] {"/beans", "/routes", "/env", "/threaddump", "/loggers", "/info", "/metrics"}) {
            assertThat(get(service, path).statusCode()).as(path).isEqualTo(404);
        }
    }
}
