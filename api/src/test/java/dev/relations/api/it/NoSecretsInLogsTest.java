package dev.relations.api.it;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Client secrets and tokens, right or wrong, never reach a log line. */
class NoSecretsInLogsTest {
    private static final TestApp APP = TestApp.unique("logs", 100);
    private static final ListAppender<ILoggingEvent> LOGGED = new ListAppender<>();
    private static ServiceInstance service;

    @BeforeAll
    static void start() {
        LOGGED.start();
        root().addAppender(LOGGED);
        service = ServiceInstance.start(TestCluster.get(), "logs-it-" + APP.name(), APP);
    }

    @AfterAll
    static void stop() {
        service.close();
        root().detachAppender(LOGGED);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void no_log_line_carries_a_client_secret_or_a_token() {
        var client = new Client(service, APP).authenticated();
        var wrongSecret = "YXA6-wrong-secret-" + APP.name();
        var forgedToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmb3JnZWQifQ.forged-signature-" + APP.name();
        new Client(service, APP).post("/token", Map.of("grant_type", "client_credentials", "client_id", APP.clientId(),
                "client_secret", wrongSecret));
        client.registerUser("alice");
        client.get("/users/alice");
        client.call("GET", "/users/alice", null, Map.of("Authorization", "Bearer " + forgedToken));
        client.call("POST", "/users/alice/contacts/users/nobody", "{", Map.of("Authorization", "Bearer " + client.token()));

        var lines = LOGGED.list.stream()
                .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines).noneMatch(line -> line.contains(APP.clientSecret()));
        assertThat(lines).noneMatch(line -> line.contains(wrongSecret));
        assertThat(lines).noneMatch(line -> line.contains(client.token()));
        assertThat(lines).noneMatch(line -> line.contains(forgedToken));
    }
}
