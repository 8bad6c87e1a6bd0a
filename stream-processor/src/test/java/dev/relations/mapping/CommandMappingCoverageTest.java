package dev.relations.mapping;

import dev.relations.schemas.CommandEnvelope;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Avro command union is not a sealed type, so the compiler cannot hold the Avro -> domain
 * mapping to every branch: this test does. A command added to the contract without a mapping
 * case fails here instead of answering 500 at run time.
 */
class CommandMappingCoverageTest {

    @Test
    void every_command_of_the_contract_is_mapped_to_a_domain_command() {
        var union = CommandEnvelope.getClassSchema().getField("body").schema();
        var unmapped = new ArrayList<String>();
        for (var branch : union.getTypes()) {
            if (branch.getType() != Schema.Type.RECORD) {
                continue;
            }
            try {
                assertThat(CommandMapping.toDomain(fill(branch))).isNotNull();
            } catch (IllegalArgumentException e) {
                // Filler values may be refused as content (an unknown reason name); only "unknown command" means unmapped.
                if (String.valueOf(e.getMessage()).startsWith("unknown command")) {
                    unmapped.add(branch.getName());
                }
            }
        }
        assertThat(unmapped).as("command bodies without a mapping case").isEmpty();
        assertThat(union.getTypes()).hasSizeGreaterThan(20);
    }

    /** A specific record of the schema with every field set to a plain value of its type. */
    private static SpecificRecord fill(Schema schema) {
        var record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
        for (var field : schema.getFields()) {
            record.put(field.pos(), value(field.schema()));
        }
        return record;
    }

    private static Object value(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> fill(schema);
            case STRING -> "user1";
            case LONG -> 1L;
            case INT -> 1;
            case BOOLEAN -> true;
            case DOUBLE -> 1.0;
            case FLOAT -> 1.0f;
            case ARRAY -> List.of(value(schema.getElementType()));
            case MAP -> Map.of("user1", value(schema.getValueType()));
            case ENUM -> SpecificData.get().createEnum(schema.getEnumSymbols().get(0), schema);
            case UNION -> value(schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow());
            case NULL -> null;
            default -> throw new IllegalStateException("no filler for " + schema.getType());
        };
    }
}
