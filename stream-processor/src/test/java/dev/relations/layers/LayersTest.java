package dev.relations.layers;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The processor's concerns and who may use whom: the Avro mapping knows no state; the store
 * layout knows no engine; the engine drives both; the query API reads the store for the
 * HTTP module and never reaches into the engine.
 */
@AnalyzeClasses(packages = "dev.relations", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    // A method, not an ArchRule field: surefire drops field-sourced tests, so a failing field rule would pass silently.
    @ArchTest
    static void engine_store_mapping_and_query_depend_one_way(JavaClasses classes) {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("engine").definedBy("dev.relations.engine..")
                .layer("query").definedBy("dev.relations.query..")
                .layer("store").definedBy("dev.relations.store..")
                .layer("mapping").definedBy("dev.relations.mapping..")
                .whereLayer("engine").mayNotBeAccessedByAnyLayer()
                .whereLayer("query").mayNotBeAccessedByAnyLayer()
                .whereLayer("store").mayOnlyBeAccessedByLayers("engine", "query")
                .whereLayer("mapping").mayOnlyBeAccessedByLayers("engine", "query", "store")
                .check(classes);
    }
}
