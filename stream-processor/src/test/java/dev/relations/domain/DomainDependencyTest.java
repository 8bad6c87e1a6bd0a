package dev.relations.domain;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The domain is plain Java: Avro, Kafka and Micronaut stay at the edges. */
@AnalyzeClasses(packages = "dev.relations.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainDependencyTest {

    // A method, not an ArchRule field: surefire drops field-sourced tests, so a failing field rule would pass silently.
    @ArchTest
    static void the_domain_depends_only_on_the_jdk_and_itself(JavaClasses domain) {
        classes().that().resideInAPackage("dev.relations.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.relations.domain..")
                .check(domain);
    }
}
