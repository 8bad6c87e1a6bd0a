package dev.relations.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryClientTest {

    private static final Schema V1 = parse("""
            {"type":"record","name":"R","namespace":"t","fields":[{"name":"a","type":"string"}]}""");
    private static final Schema V2_WITH_DEFAULT = parse("""
            {"type":"record","name":"R","namespace":"t","fields":[{"name":"a","type":"string"},
              {"name":"b","type":"int","default":0}]}""");
    private static final Schema V2_WITHOUT_DEFAULT = parse("""
            {"type":"record","name":"R","namespace":"t","fields":[{"name":"a","type":"string"},
              {"name":"b","type":"int"}]}""");

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }

    @Test
    void registrationIsIdempotentAndIdsAreGlobal() {
        int first = registry.register("a-value", V1);

        assertThat(first).isEqualTo(1);
        assertThat(registry.register("a-value", parse(V1.toString()))).isEqualTo(first);
        assertThat(registry.register("b-value", V1)).isEqualTo(first);
        assertThat(registry.register("a-value", V2_WITH_DEFAULT)).isEqualTo(2);
        assertThat(registry.byId(1)).isEqualTo(V1);
        assertThat(registry.byId(2)).isEqualTo(V2_WITH_DEFAULT);
        assertThat(registry.versions("a-value")).containsExactly(V1, V2_WITH_DEFAULT);
    }

    @Test
    void backwardIsTheDefaultAndRejectsANewFieldWithoutDefault() {
        registry.register("a-value", V1);

        assertThat(registry.compatibility()).isEqualTo("BACKWARD");
        assertThatThrownBy(() -> registry.register("a-value", V2_WITHOUT_DEFAULT))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("'a-value'")
                .hasMessageContaining("incompatible");
        assertThat(registry.versions("a-value")).containsExactly(V1);
    }

    @Test
    void forwardRejectsRemovingAFieldWithoutDefault() {
        registry.setCompatibility("forward");
        registry.register("a-value", V2_WITHOUT_DEFAULT);

        assertThatThrownBy(() -> registry.register("a-value", V1)).isInstanceOf(SchemaRegistryException.class);
        assertThat(registry.register("a-value", V2_WITH_DEFAULT)).isPositive();
    }

    @Test
    void noneAcceptsAnything() {
        registry.setCompatibility("NONE");
        registry.register("a-value", V1);

        assertThat(registry.register("a-value", V2_WITHOUT_DEFAULT)).isEqualTo(2);
    }

    @Test
    void transitiveChecksEveryEarlierVersion() {
        registry.setCompatibility("FULL_TRANSITIVE");
        Schema v3 = parse("""
                {"type":"record","name":"R","namespace":"t","fields":[{"name":"a","type":"string"},
                  {"name":"b","type":"int","default":0},{"name":"c","type":"string","default":""}]}""");
        registry.register("a-value", V1);
        registry.register("a-value", V2_WITH_DEFAULT);

        assertThat(registry.register("a-value", v3)).isEqualTo(3);
    }

    @Test
    void unknownIdAndUnknownLevelFailClearly() {
        assertThatThrownBy(() -> registry.byId(5))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403))
                .hasMessageContaining("5");
        assertThatThrownBy(() -> registry.setCompatibility("SOMETIMES"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SOMETIMES");
    }
}
