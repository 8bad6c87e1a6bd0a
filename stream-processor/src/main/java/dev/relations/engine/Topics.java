package dev.relations.engine;

import java.util.List;

/**
 * Every topic one deployment reads or writes, named after its Streams application id like
 * Kafka Streams' own internal topics: two deployments on one cluster never share a topic.
 * Names are defined here only.
 *
 * <p>Clients' commands arrive on {@link #commands()}; the steps the engine sends itself
 * (chain follow-ups, compensations) go to {@link #steps()}. The topology reads both in one
 * sub-topology, so a key's records from either go to the same task and are processed under
 * the same exactly-once transaction.
 */
public record Topics(String applicationId) {

    public String commands() {
        return applicationId + ".commands";
    }

    public String steps() {
        return applicationId + ".steps";
    }

    public String outcomes() {
        return applicationId + ".outcomes";
    }

    public String events() {
        return applicationId + ".events";
    }

    public String notifications() {
        return applicationId + ".notifications";
    }

    /** Unreadable commands, with their origin in headers. */
    public String deadLetters() {
        return applicationId + "-dlq";
    }

    /**
     * Webhook callbacks that could not be delivered (JSON, keyed by app key, timestamped with the
     * failure), kept for the storage retry call.
     */
    public String callbackFailures() {
        return applicationId + ".callback-failures";
    }

    /** The topics that carry Avro values of the service's own schemas. */
    public List<String> all() {
        return List.of(commands(), steps(), outcomes(), events(), notifications());
    }
}
