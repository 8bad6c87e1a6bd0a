package dev.relations.api.it;

import dev.relations.api.runtime.StreamsRuntime;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One instance of the service (HTTP server + Streams topology) on the shared test cluster. */
public final class ServiceInstance implements AutoCloseable {
    public static final String TOKEN_SECRET = "test-signing-secret-0123456789abcdef-0123456789";

    private final EmbeddedServer server;
    private final int port;

    private ServiceInstance(EmbeddedServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts an instance serving the given apps ({@code TestApp}) under a Streams application id. */
    public static ServiceInstance start(TestCluster cluster, String applicationId, Path stateDir, int port,
                                        Map<String, Object> extra, TestApp... apps) {
        var props = new HashMap<String, Object>();
        props.put("micronaut.server.port", port);
        props.put("relations.kafka.bootstrap-servers", cluster.bootstrapServers());
        props.put("relations.kafka.registry-url", cluster.registryUrl());
        props.put("relations.kafka.application-id", applicationId);
        props.put("relations.kafka.state-dir", stateDir.toString());
        props.put("relations.token.secret", TOKEN_SECRET);
        props.put("relations.apps.default.org", "unused-org");
        props.put("relations.apps.default.client-secret", "unused");
        // Integration tests fire bursts far above Easemob's rates; RateLimitsApiTest turns limits back on.
        props.put("relations.rate-limits.enabled", false);
        for (var app : apps) {
            var prefix = "relations.apps." + app.name() + ".";
            props.put(prefix + "org", app.org());
            props.put(prefix + "app", app.app());
            props.put(prefix + "client-id", app.clientId());
            props.put(prefix + "client-secret", app.clientSecret());
            props.put(prefix + "max-contacts", app.maxContacts());
        }
        props.putAll(extra);
        var context = ApplicationContext.builder().properties(props).start();
        var server = context.getBean(EmbeddedServer.class).start();
        awaitStreamsRunning(context);
        return new ServiceInstance(server, port);
    }

    /** The service answers HTTP at once; its stores answer reads once Kafka Streams runs. */
    static void awaitStreamsRunning(ApplicationContext context) {
        try {
            context.getBean(StreamsRuntime.class).running().get(3, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka Streams did not start", e);
        }
    }

    public static ServiceInstance start(TestCluster cluster, String applicationId, TestApp... apps) {
        return start(cluster, applicationId, cluster.newDirectory(applicationId), TestCluster.freePort(), Map.of(), apps);
    }

    /** A view of a server started elsewhere; closing it is the caller's business. */
    static ServiceInstance wrap(EmbeddedServer server, int port) {
        return new ServiceInstance(server, port);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
