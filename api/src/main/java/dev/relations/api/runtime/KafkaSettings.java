package dev.relations.api.runtime;

import dev.relations.engine.StreamsSettings;
import io.micronaut.context.annotation.ConfigurationProperties;

/** Where Kafka and the registry are, and how the topics and the Streams app are laid out. */
@ConfigurationProperties("relations.kafka")
public class KafkaSettings {
    private String bootstrapServers = "localhost:9092";
    private String registryUrl = "http://localhost:8081/apis/ccompat/v7";
    private String applicationId = "relations";
    private String stateDir = "data/streams";
    private String advertisedHost = "localhost";
    private int partitions = 6;
    private short replicationFactor = 1;
    private int standbyReplicas = 0;
    private int commitIntervalMs = StreamsSettings.COMMIT_INTERVAL_MS;

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String getRegistryUrl() {
        return registryUrl;
    }

    public void setRegistryUrl(String registryUrl) {
        this.registryUrl = registryUrl;
    }

    public String getApplicationId() {
        return applicationId;
    }

    public void setApplicationId(String applicationId) {
        this.applicationId = applicationId;
    }

    public String getStateDir() {
        return stateDir;
    }

    public void setStateDir(String stateDir) {
        this.stateDir = stateDir;
    }

    public String getAdvertisedHost() {
        return advertisedHost;
    }

    public void setAdvertisedHost(String advertisedHost) {
        this.advertisedHost = advertisedHost;
    }

    public int getPartitions() {
        return partitions;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public short getReplicationFactor() {
        return replicationFactor;
    }

    public void setReplicationFactor(short replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    public int getCommitIntervalMs() {
        return commitIntervalMs;
    }

    public void setCommitIntervalMs(int commitIntervalMs) {
        this.commitIntervalMs = commitIntervalMs;
    }

    public int getStandbyReplicas() {
        return standbyReplicas;
    }

    public void setStandbyReplicas(int standbyReplicas) {
        this.standbyReplicas = standbyReplicas;
    }
}
