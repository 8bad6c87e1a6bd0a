package dev.relations.api.layers;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The HTTP module reads state through the typed query API only: no store keys, slices or stored records. */
@AnalyzeClasses(packages = "dev.relations.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiDependencyTest {

    // A method, not an ArchRule field: surefire drops field-sourced tests, so a failing field rule would pass silently.
    @ArchTest
    static void the_api_never_touches_the_store_layout_or_stored_records(JavaClasses api) {
        noClasses().that().resideInAPackage("dev.relations.api..")
                .should().dependOnClassesThat().resideInAPackage("dev.relations.store..")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("Stored")
                .check(api);
    }
}
