package dev.relations.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WelcomeTest {
    private static final Welcome.DefaultApp APP = new Welcome.DefaultApp("demo", "relations", "YXA6-id", "YXA6-the-secret");

    @Test
    void the_embedded_default_prints_its_generated_client_secret() {
        var text = Welcome.text(APP, "http://localhost:8080", "http://localhost:8080", true, 1234);

        assertThat(text).contains("\"client_id\":\"YXA6-id\",\"client_secret\":\"YXA6-the-secret\"");
        assertThat(text).contains("embedded Kafka and schema registry");
    }

    @Test
    void external_mode_never_prints_the_client_secret() {
        var text = Welcome.text(APP, "http://localhost:8080", "http://localhost:8080", false, 1234);

        assertThat(text).doesNotContain("YXA6-the-secret");
        assertThat(text).contains("\"client_secret\":\"$RELATIONS_CLIENT_SECRET\"");
        assertThat(text).contains("external Kafka");
    }
}
