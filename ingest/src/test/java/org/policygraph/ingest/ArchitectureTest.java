package org.policygraph.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Ingest reads files, validates records and writes them; each step stays in its package. */
@AnalyzeClasses(packages = "org.policygraph.ingest", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule readersDoNotTalkToTheDatabase = noClasses()
            .that()
            .resideInAPackage("..ingest.read..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.neo4j.driver..")
            .because("readers turn files into records; only the writer talks to Neo4j");

    @ArchTest
    static final ArchRule validationDoesNotTalkToTheDatabase = noClasses()
            .that()
            .resideInAPackage("..ingest.validate..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.neo4j.driver..")
            .because("the validator is given a lookup for stored ids, so it can be tested without a database");

    @ArchTest
    static final ArchRule ingestKnowsNothingOfTheWeb = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.policygraph.web..")
            .because("dependencies point one way, towards graph-model");
}
