package org.policygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.policygraph.data.EmbeddedNeo4j;
import org.policygraph.data.GraphFingerprint;

/**
 * An input that would take away what the store holds, through the command line into a real embedded Neo4j, on a
 * small generated Epoch file (the whole default data with a header-only Epoch file is DefaultDataIngestTest's): an
 * empty dataset and a source losing more than its share are refused with exit 4 and change nothing; with
 * --allow-removals they are written and the summary lists what went; a loss below the floor goes through.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemovalsIngestTest {

    static final Path DATA = Path.of("../neo4j-data/src/main/resources/policygraph/data");
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/datasets");
    static final String HEADER = "Model,Organization,Publication date,Training compute (FLOP)\n";

    static EmbeddedNeo4j neo4j;
    static Driver driver;
    static Path folder;

    @BeforeAll
    static void start(@TempDir Path store, @TempDir Path data) throws IOException {
        neo4j = EmbeddedNeo4j.start(store.resolve("db"), 0);
        driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
        folder = data;
        for (String file : List.of("resolution/organisations.yaml", "resolution/countries.yaml")) {
            Files.createDirectories(folder.resolve(file).getParent());
            Files.copy(DATA.resolve(file), folder.resolve(file));
        }
        Files.createDirectories(folder.resolve("sources"));
        Files.copy(FIXTURE.resolve("sources/sources.yaml"), folder.resolve("sources/sources.yaml"));
        epoch(models(12, true));
        IngestCommandTest.Run first = ingest();
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(GraphFingerprint.count(driver, "MATCH (m:Model) WHERE m.training_compute_flop > 0 RETURN count(m)"))
                .isEqualTo(12);
    }

    @AfterAll
    static void stop() {
        driver.close();
        neo4j.close();
    }

    @Test
    @Order(1)
    void refusesAnEpochFileWithAHeaderAndNoRowsWithExit4AndChangesNothing() throws IOException {
        epoch(HEADER);
        String before = GraphFingerprint.of(driver);

        IngestCommandTest.Run run = ingest();

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(4);
        assertThat(run.err())
                .startsWith("the input would take away what the store holds; nothing was written:\n"
                        + "  epoch/notable_ai_models.csv:1 record header: has a header but no rows: it gives nothing, "
                        + "so loading it would take away what its source gave before\n")
                .contains("run again with --allow-removals");
        assertThat(GraphFingerprint.of(driver)).as("the store is unchanged").isEqualTo(before);
    }

    @Test
    @Order(2)
    void refusesAFileThatWouldStripMoreThanTheShareOfASourcesFactsSayingWhat() throws IOException {
        epoch(models(12, false));
        String before = GraphFingerprint.of(driver);

        IngestCommandTest.Run run = ingest();

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(4);
        assertThat(run.err())
                .containsPattern("epoch-ai-models would lose 12 of the \\d+ nodes and relationships "
                        + "citing it \\([0-9.]+%; at most 1% may go without --allow-removals\\)")
                .contains("    Model model-1 would lose training_compute_flop\n")
                .contains("and 7 more");
        assertThat(GraphFingerprint.of(driver)).as("the store is unchanged").isEqualTo(before);
    }

    @Test
    @Order(3)
    void writesItWithAllowRemovalsAndListsEveryRemoval() throws IOException {
        epoch(models(12, false));

        IngestCommandTest.Run run = ingest("--allow-removals");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("taken away from the store:\n")
                .contains("Model model-1 would lose training_compute_flop")
                .contains("Model model-12 would lose " + "training_compute_flop");
        assertThat(GraphFingerprint.count(
                        driver, "MATCH (m:Model) WHERE m.training_compute_flop IS NOT NULL " + "RETURN count(m)"))
                .isZero();
    }

    @Test
    @Order(4)
    void letsALossBelowTheFloorGoThroughAndSaysWhatWent() throws IOException {
        epoch(models(12, true));
        assertThat(ingest().exit()).isZero();
        String twelve = models(12, true);
        epoch(twelve.replace("Model 3,Google,2024-01-03,3.0e+24", "Model 3,Google,2024-01-03,"));

        IngestCommandTest.Run run = ingest();

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Model model-3 would lose training_compute_flop");
        assertThat(GraphFingerprint.count(
                        driver, "MATCH (m:Model) WHERE m.training_compute_flop IS NOT NULL " + "RETURN count(m)"))
                .isEqualTo(11);
    }

    static String models(int n, boolean compute) {
        StringBuilder sb = new StringBuilder(compute ? HEADER : "Model,Organization,Publication date\n");
        for (int i = 1; i <= n; i++) {
            sb.append(String.format("Model %d,Google,2024-01-%02d%s%n", i, i, compute ? "," + i + ".0e+24" : ""));
        }
        return sb.toString();
    }

    static void epoch(String csv) throws IOException {
        Path file = folder.resolve("epoch/notable_ai_models.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
    }

    static IngestCommandTest.Run ingest(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--uri",
                neo4j.boltUri(),
                "--password-file",
                neo4j.credentialsFile().toString(),
                "--progress=none")); // standard error holds the refusal alone
        args.addAll(List.of(extra));
        args.add(folder.toString());
        return IngestCommandTest.run(args.toArray(String[]::new));
    }
}
