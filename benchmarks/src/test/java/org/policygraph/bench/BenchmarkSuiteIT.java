package org.policygraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policygraph.bench.report.Figure;
import org.policygraph.bench.report.PageFigure;
import org.policygraph.bench.report.Report;
import picocli.CommandLine;

/**
 * The benchmark suite at the default data's size, short: every figure the issue asks for is in the report, each
 * with the baseline measured in the same run, and the report is written as JSON and Markdown.
 */
class BenchmarkSuiteIT {

    @Test
    void writesEveryFigureWithItsBaselineAtScale1() throws Exception {
        Path reportFolder = Path.of(System.getProperty("policygraph.report.dir", "target"));
        BenchmarkSuite suite = new BenchmarkSuite();
        new CommandLine(suite)
                .parseArgs(
                        "--scale=1",
                        "--duration=2",
                        "--warmup=1",
                        "--export-rounds=1",
                        "--work=target/bench-ci",
                        "--report=" + reportFolder,
                        "--app-jar="
                                + System.getProperty(
                                        "policygraph.app.jar", "../web/target/quarkus-app/quarkus-run.jar"),
                        "--apoc=" + System.getProperty("policygraph.apoc", "target/apoc"));

        Report report = suite.run();

        List<String> names = report.figures().stream().map(Figure::name).toList();
        assertThat(names)
                .anyMatch(n -> n.startsWith("Ingest, files to graph"))
                .anyMatch(n -> n.startsWith("Cypher-script export"))
                .anyMatch(n -> n.startsWith("Cold start"))
                .anyMatch(n -> n.startsWith("First start"))
                .anyMatch(n -> n.startsWith("Resident memory"));
        for (Figure f : report.figures()) {
            assertThat(f.value()).as(f.name()).isPositive();
            if (!f.name().startsWith("Resident memory")) {
                assertThat(f.ratio())
                        .as(f.name() + " has a baseline from the same run")
                        .isNotNull()
                        .isPositive();
            }
        }
        for (String page : List.of("entity", "search", "paths", "compare")) {
            for (int connections : List.of(1, 16, 64)) {
                PageFigure p = report.pages().stream()
                        .filter(x -> x.page().equals(page) && x.connections() == connections)
                        .findFirst()
                        .orElseThrow();
                assertThat(p.requests()).as(page + " at " + connections).isPositive();
                assertThat(p.errors())
                        .as(page + " at " + connections + ": " + p.note())
                        .isZero();
                assertThat(p.staticPerSecond())
                        .as("the static page measured beside " + page)
                        .isPositive();
            }
        }
        assertThat(Files.readString(reportFolder.resolve("report.md")))
                .contains("| entity | 64 |")
                .contains("LOAD CSV")
                .contains("apoc.export.cypher.all");
        assertThat(Files.readString(reportFolder.resolve("report.json")))
                .contains("\"figures\"")
                .contains("\"pages\"");
    }
}
