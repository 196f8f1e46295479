package org.policygraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.policygraph.bench.export.ApocCypherExport;
import org.policygraph.bench.export.CypherScriptExport;
import org.policygraph.bench.export.SiteCypherExport;
import org.policygraph.bench.generate.GeneratedGraph;
import org.policygraph.bench.generate.GraphGenerator;
import org.policygraph.bench.generate.Scale;
import org.policygraph.bench.ingest.IngestBenchmark;
import org.policygraph.bench.ingest.LoadCsvBaseline;
import org.policygraph.bench.neo4j.BenchNeo4j;
import org.policygraph.bench.web.AppProcess;
import org.policygraph.data.GraphFingerprint;
import org.policygraph.ingest.write.GraphWriter;

/**
 * The baselines measure what they claim to: LOAD CSV of the CSV files writes exactly the graph ingest writes, the
 * packaged site's Cypher script loads back into the same graph, and APOC exports every node and relationship.
 */
class BaselinesTest {

    static final Path APOC = Path.of(System.getProperty("policygraph.apoc", "target/apoc"));

    static BenchNeo4j.Process neo4j;
    static Driver driver;
    static IngestBenchmark.Outcome ingested;
    static String expected;

    @TempDir
    static Path temp;

    @BeforeAll
    static void ingest() {
        GeneratedGraph x1 = GraphGenerator.generateUnchecked(Scale.parse("1"), 7, temp.resolve("data"));
        // APOC in a process of its own: it installs a URL handler for the whole JVM it is loaded in
        neo4j = BenchNeo4j.startProcess(temp.resolve("db"), 256L << 20, APOC, "1g", temp.resolve("db.log"));
        driver = GraphDatabase.driver(neo4j.boltUri());
        ingested = IngestBenchmark.run(x1.folder(), driver, GraphWriter.Options.defaults());
        expected = GraphFingerprint.of(driver);
        assertThat(ingested.nodes()).isEqualTo(x1.totalNodes());
    }

    @AfterAll
    static void stop() {
        driver.close();
        neo4j.close();
    }

    @Test
    void loadCsvOfTheCsvFilesWritesExactlyTheGraphIngestWrites() {
        try (BenchNeo4j other = BenchNeo4j.start(temp.resolve("load-csv"), 256L << 20, null);
                Driver d = GraphDatabase.driver(other.boltUri())) {
            new GraphWriter(d).applySchema();
            List<LoadCsvBaseline.CsvFile> files = LoadCsvBaseline.write(ingested.batch(), other.importFolder());

            LoadCsvBaseline.Outcome loaded = LoadCsvBaseline.load(d, files);

            assertThat(loaded.nodes()).isEqualTo(ingested.nodes());
            assertThat(loaded.relationships()).isEqualTo(ingested.relationships());
            assertThat(GraphFingerprint.of(d)).isEqualTo(expected);
        }
    }

    @Test
    void theSitesScriptLoadsBackIntoTheSameGraph() throws IOException {
        StringWriter script = new StringWriter();
        CypherScriptExport.Exported exported;
        try (AppProcess app = AppProcess.start(
                SiteUnderLoadIT.APP,
                Map.of(
                        "neo4j.uri",
                        neo4j.boltUri(),
                        "policygraph.load-default-data",
                        "false",
                        "policygraph.warm-up",
                        "false"),
                List.of(),
                temp.resolve("app.log"))) {
            app.awaitPage("/", Duration.ofMinutes(3));
            exported = new SiteCypherExport(app.base()).export(driver, script);
        }
        assertThat(exported.nodes()).isEqualTo(ingested.nodes());
        assertThat(exported.relationships()).isEqualTo(ingested.relationships());
        assertThat(exported.characters()).isEqualTo(script.toString().length());
        assertThat(script.toString())
                .startsWith("// PolicyGraph export: the whole graph")
                .contains("CREATE CONSTRAINT entity_id");

        try (BenchNeo4j other = BenchNeo4j.start(temp.resolve("round-trip"), 256L << 20, null);
                Driver d = GraphDatabase.driver(other.boltUri());
                var session = d.session()) {
            for (ScriptStatements.Statement statement : ScriptStatements.of(script.toString())) {
                session.run(statement.text(), statement.parameters()).consume();
            }
            assertThat(GraphFingerprint.of(d)).isEqualTo(expected);
        }
    }

    @Test
    void apocExportsEveryNodeAndRelationship() throws IOException {
        StringWriter script = new StringWriter();
        CypherScriptExport.Exported exported = new ApocCypherExport().export(driver, script);

        // APOC exports the whole database: the entities, and the graph's version node ingest keeps beside them
        assertThat(exported.nodes()).isEqualTo(ingested.nodes() + 1);
        assertThat(exported.relationships()).isEqualTo(ingested.relationships());
        assertThat(script.toString()).contains(":begin").contains("UNWIND");
    }
}
