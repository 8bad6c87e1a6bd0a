package dev.relations.schemas.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.generic.IndexedRecord;

import java.util.List;
import java.util.Map;

/** An Avro record as plain JSON: field names as in the schema, a union's value without its branch name. */
public final class AvroJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJson() {
    }

    public static ObjectNode record(IndexedRecord record) {
        var node = NODES.objectNode();
        for (var field : record.getSchema().getFields()) {
            node.set(field.name(), value(record.get(field.pos())));
        }
        return node;
    }

    private static JsonNode value(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case IndexedRecord r -> record(r);
            case CharSequence s -> NODES.textNode(s.toString());
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case Boolean b -> NODES.booleanNode(b);
            case Double d -> NODES.numberNode(d);
            case Float f -> NODES.numberNode(f);
            case List<?> list -> {
                var array = NODES.arrayNode();
                list.forEach(v -> array.add(value(v)));
                yield array;
            }
            case Map<?, ?> map -> {
                var object = NODES.objectNode();
                map.forEach((k, v) -> object.set(k.toString(), value(v)));
                yield object;
            }
            default -> NODES.textNode(value.toString());
        };
    }
}
