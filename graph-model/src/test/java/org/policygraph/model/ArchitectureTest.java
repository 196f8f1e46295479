package org.policygraph.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The graph model is the vocabulary both sides share: it depends on neither side, nor on a database. */
@AnalyzeClasses(packages = "org.policygraph.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theModelKnowsNothingOfIngestOrWeb = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.policygraph.ingest..", "org.policygraph.web..", "org.policygraph.data..")
            .because("dependencies point one way, towards graph-model");

    @ArchTest
    static final ArchRule theModelDoesNotTalkToADatabase = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.neo4j..", "io.quarkus..")
            .because("the vocabulary is plain Java, usable by any tool");
}
