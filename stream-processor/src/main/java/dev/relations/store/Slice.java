package dev.relations.store;

import dev.relations.mapping.AvroSerdes;
import org.apache.kafka.common.serialization.Serde;

import java.util.function.Function;

/**
 * One logical table of the state store: its entries are the physical store's keys that start
 * with {@code tag + ':'}, so every slice keeps its own key order and prefix scans stay inside
 * it. Tags are letters only, so no slice's prefix is a prefix of another's.
 *
 * @param name  the slice's name; its values' schema subject is named after it
 * @param tag   the key prefix in the physical store
 * @param serde the value serde, chosen from the service's Avro serdes or Kafka's own
 */
public record Slice<V>(String name, String tag, Function<AvroSerdes, Serde<V>> serde) {
    public Slice {
        if (!tag.chars().allMatch(Character::isLetter)) {
            throw new IllegalArgumentException("a slice tag is letters only: " + tag);
        }
    }

    String prefix() {
        return tag + ":";
    }
}
