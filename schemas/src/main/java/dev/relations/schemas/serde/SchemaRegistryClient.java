package dev.relations.schemas.serde;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API the serde needs. Implementations are
 * thread-safe and cache what they learn: a registered schema keeps its id, an id always
 * denotes the same schema.
 */
public interface SchemaRegistryClient {

    /** Compatibility levels understood by Confluent Schema Registry and its compatible peers. */
    java.util.List<String> COMPATIBILITY_LEVELS = java.util.List.of(
            "NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE");

    /**
     * Registers {@code schema} under {@code subject} and returns its global id. Registering an
     * identical schema again returns the same id.
     *
     * @throws SchemaRegistryException if the registry refuses it (e.g. incompatible with the
     *     subject's earlier versions) or cannot be reached
     */
    int register(String subject, Schema schema);

    /**
     * The schema with global id {@code id}.
     *
     * @throws SchemaRegistryException if no such schema exists or the registry cannot be reached
     */
    Schema byId(int id);

    /**
     * Sets the registry-wide compatibility level, one of {@link #COMPATIBILITY_LEVELS}.
     *
     * @throws SchemaRegistryException if the registry refuses it or cannot be reached
     */
    void setCompatibility(String level);
}
