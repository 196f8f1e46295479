package org.policygraph.web;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The site's structure, stated as sentences. */
@AnalyzeClasses(packages = "org.policygraph.web", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule resourcesDoNotUseTheDriverDirectly = noClasses()
            .that()
            .haveSimpleNameEndingWith("Resource")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.neo4j.driver..")
            .because("page and API resources read through repositories that own their Cypher");

    @ArchTest
    static final ArchRule searchDoesNotReachIntoTheEntityRepository = noClasses()
            .that()
            .resideInAPackage("..web.search..")
            .should()
            .dependOnClassesThat()
            .haveSimpleName("EntityRepository")
            .because("each feature owns its queries");

    @ArchTest
    static final ArchRule theQualityReportAndTheAboutPageOwnTheirQueries = noClasses()
            .that()
            .resideInAnyPackage("..web.quality..", "..web.about..")
            .should()
            .dependOnClassesThat(resideInAPackage("..web.entity..").and(simpleNameEndingWith("Repository")))
            .because("each feature owns its queries");

    @ArchTest
    static final ArchRule exportWritersReadPagesNotTheDatabase = noClasses()
            .that()
            .resideInAPackage("..web.export..")
            .and()
            .haveSimpleNameEndingWith("Writer")
            .should()
            .dependOnClassesThat()
            .haveSimpleName("Driver")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleName("ExportRepository")
            .because("exports stream page by page through a GraphSource, so that no writer can load the whole graph");

    @ArchTest
    static final ArchRule onlyTheConsoleRepositoryRunsConsoleQueries = noClasses()
            .that()
            .resideInAPackage("..web.cypher..")
            .and()
            .doNotHaveSimpleName("ConsoleRepository")
            .and()
            .doNotHaveFullyQualifiedName("org.policygraph.web.cypher.ConsoleDatabase")
            .and(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "not nested in ConsoleDatabase",
                    (com.tngtech.archunit.core.domain.JavaClass c) ->
                            !c.getName().startsWith("org.policygraph.web.cypher.ConsoleDatabase$")))
            .should()
            .dependOnClassesThat()
            .haveSimpleName("Driver")
            .because("every console query goes through the READ session and the timeout the repository sets "
                    + "(ConsoleDatabase holds the drivers of the console's own Neo4j and copies the graph into it; "
                    + "it hands a driver out only in a lease, to the console, which runs through the repository)");

    @ArchTest
    static final ArchRule theWebDoesNotOpenTheEmbeddedStoreOutsideTheSystemPackage = noClasses()
            .that()
            .resideOutsideOfPackage("..web.system..")
            .should()
            .dependOnClassesThat()
            .haveSimpleName("EmbeddedNeo4j")
            .because("only the database producer decides between the embedded server and NEO4J_URI");

    @ArchTest
    static final ArchRule noCycleBetweenTheSitesPackages = slices().matching("org.policygraph.web.(*)..")
            .should()
            .beFreeOfCycles()
            .because("each feature can be read, changed and tested on its own; what several share (a link to a node, "
                    + "a citation) lives in web.ref, which depends on no feature");

    @ArchTest
    static final ArchRule theSiteDoesNotReachIntoIngest = noClasses()
            .that()
            .resideOutsideOfPackages("org.policygraph.web.system..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.policygraph.ingest..")
            .because("what ingest and the site both need (the vocabulary, the applicability rules, the graph's "
                    + "version node, the resolution tables) lives in graph-model; only the bootstrap runs the ingest");
}
