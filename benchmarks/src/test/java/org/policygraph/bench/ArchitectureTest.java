package org.policygraph.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The benchmarks' structure: the harness is generic, the site is measured from outside, no cycles. */
@AnalyzeClasses(packages = "org.policygraph.bench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noCycleBetweenTheBenchmarksPackages = slices().matching("org.policygraph.bench.(*)..")
            .should()
            .beFreeOfCycles()
            .because("each benchmark and the harness it uses can be read on its own");

    @ArchTest
    static final ArchRule theSiteIsMeasuredAsARunningProcess = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.policygraph.web..")
            .because("the page benchmarks run the built site as a process and measure it over HTTP, as users see it");

    @ArchTest
    static final ArchRule theHarnessKnowsNothingOfWhatItMeasures = noClasses()
            .that()
            .resideInAnyPackage("org.policygraph.bench.process..", "org.policygraph.bench.report..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.policygraph.model..", "org.policygraph.data..", "org.policygraph.ingest..")
            .because("starting processes and writing reports serve every benchmark alike");
}
