package dev.relations.schemas.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * A schema registry held in memory, for unit tests and {@code TopologyTestDriver}. Same
 * semantics as a real registry: global ids starting at 1 shared by identical schemas across
 * subjects, idempotent registration, and compatibility checks against the subject's earlier
 * versions (default {@code BACKWARD}, as in Confluent Schema Registry) failing with status 409.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final Map<String, List<Schema>> versionsBySubject = new HashMap<>();
    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private String compatibility = "BACKWARD";

    @Override
    public synchronized int register(String subject, Schema schema) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        List<Schema> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (versions.contains(schema)) {
            return idsBySchema.get(schema);
        }
        checkCompatible(subject, schema, versions);
        versions.add(schema);
        Integer id = idsBySchema.get(schema);
        if (id == null) {
            id = idsBySchema.size() + 1;
            idsBySchema.put(schema, id);
            schemasById.put(id, schema);
        }
        return id;
    }

    @Override
    public Schema byId(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("Schema id " + id + " not found", 404, 40403);
        }
        return schema;
    }

    @Override
    public synchronized void setCompatibility(String level) {
        Objects.requireNonNull(level, "level");
        String normalized = level.strip().toUpperCase(Locale.ROOT);
        if (!COMPATIBILITY_LEVELS.contains(normalized)) {
            throw new IllegalArgumentException("Unknown compatibility level '" + level + "', expected one of "
                    + COMPATIBILITY_LEVELS);
        }
        compatibility = normalized;
    }

    public synchronized String compatibility() {
        return compatibility;
    }

    /** The schemas registered under {@code subject}, oldest first. */
    public synchronized List<Schema> versions(String subject) {
        return List.copyOf(versionsBySubject.getOrDefault(subject, List.of()));
    }

    private void checkCompatible(String subject, Schema candidate, List<Schema> versions) {
        if (versions.isEmpty() || compatibility.equals("NONE")) {
            return;
        }
        boolean backward = compatibility.startsWith("BACKWARD") || compatibility.startsWith("FULL");
        boolean forward = compatibility.startsWith("FORWARD") || compatibility.startsWith("FULL");
        List<Schema> against = compatibility.endsWith("_TRANSITIVE") ? versions : List.of(versions.getLast());
        for (Schema earlier : against) {
            if (backward) {
                requireCompatible(subject, candidate, earlier, "read data written with", earlier);
            }
            if (forward) {
                requireCompatible(subject, earlier, candidate, "be read by", earlier);
            }
        }
    }

    private void requireCompatible(String subject, Schema reader, Schema writer, String relation, Schema earlier) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            throw new SchemaRegistryException("Schema being registered under subject '" + subject
                    + "' is incompatible (" + compatibility + "): it cannot " + relation + " an earlier version ("
                    + earlier.getFullName() + "): " + result.getResult().getIncompatibilities(), 409, 409);
        }
    }
}
