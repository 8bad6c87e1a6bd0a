package dev.relations.api.runtime;

/**
 * Ends the whole process when the service cannot go on (Kafka Streams failed for good): the
 * shutdown hook then closes the service and the embedded broker and registry with it.
 */
@FunctionalInterface
public interface ProcessExit {
    void exit(String reason);
}
