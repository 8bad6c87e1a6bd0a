package dev.relations.eventlog;

import dev.relations.engine.Topics;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the deployment's events are and which app to read: the embedded default's unless told otherwise. */
final class Connection {
    @Option(names = "--bootstrap-servers", defaultValue = "${env:RELATIONS_KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE})")
    private String bootstrapServers;

    @Option(names = "--registry-url", defaultValue = "${env:RELATIONS_KAFKA_REGISTRY_URL:-http://localhost:8081/apis/ccompat/v7}",
            description = "Confluent-compatible schema registry API (default: ${DEFAULT-VALUE})")
    private String registryUrl;

    @Option(names = "--application-id", defaultValue = "${env:RELATIONS_KAFKA_APPLICATION_ID:-relations}",
            description = "the deployment's Streams application id, which names its topics (default: ${DEFAULT-VALUE})")
    private String applicationId;

    @Option(names = "--topic", description = "events topic (default: <application id>.events)")
    private String topic;

    @Option(names = "--org", defaultValue = "${env:RELATIONS_ORG:-demo}", description = "org of the app (default: ${DEFAULT-VALUE})")
    private String org;

    @Option(names = "--app", defaultValue = "${env:RELATIONS_APP:-relations}", description = "app name (default: ${DEFAULT-VALUE})")
    private String app;

    @Option(names = "--work-dir", description = "where the fold's scratch RocksDB goes (default: the system's temporary directory)")
    private Path workDir;

    @Option(names = "--stats", description = "print to stderr how many events were folded and how fast")
    private boolean stats;

    String bootstrapServers() {
        return bootstrapServers;
    }

    String registryUrl() {
        return registryUrl;
    }

    String topic() {
        return topic != null ? topic : new Topics(applicationId).events();
    }

    String org() {
        return org;
    }

    String app() {
        return app;
    }

    String appKey() {
        return org + "#" + app;
    }

    Path workDir() {
        return workDir;
    }

    boolean stats() {
        return stats;
    }
}
