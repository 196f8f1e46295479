package org.policygraph.data;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The embedded store and its data sit below ingest and the site: they know neither, nor the benchmarks. */
@AnalyzeClasses(packages = "org.policygraph.data", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theStoreKnowsNothingOfIngestTheSiteOrTheBenchmarks = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.policygraph.ingest..", "org.policygraph.web..", "org.policygraph.bench..")
            .because("dependencies point one way, towards graph-model and the store");

    @ArchTest
    static final ArchRule theStoreIsNotAWebApplication = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.quarkus..", "jakarta.ws.rs..", "jakarta.enterprise..")
            .because("the store is started by ingest, the site and the benchmarks alike, as plain Java");
}
