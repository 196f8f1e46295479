package org.policygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
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
import org.policygraph.ingest.read.DataFiles;

/**
 * The AIID snapshot through the whole pipeline into a real embedded Neo4j: a corrupted copy is refused with an
 * error naming file, line, row and column, and nothing is written; the shipped copy loads with every incident fact
 * sourced (a second run of the whole default data changing nothing is DefaultDataIngestTest's check).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AiidIngestTest {

    static final Path DATA = Path.of("../neo4j-data/src/main/resources/policygraph/data");

    static EmbeddedNeo4j neo4j;
    static Driver driver;

    @BeforeAll
    static void start(@TempDir Path store) {
        neo4j = EmbeddedNeo4j.start(store.resolve("db"), 0);
        driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
    }

    @AfterAll
    static void stop() {
        driver.close();
        neo4j.close();
    }

    @Test
    @Order(1)
    void aCorruptedCopyIsRefusedWithItsFileLineAndFieldAndNothingIsWritten(@TempDir Path temp) throws IOException {
        copy(DATA, temp);
        Path incidents = temp.resolve("aiid/incidents.csv");
        String csv = Files.readString(incidents);
        // incident 4's developer cell loses its closing bracket
        String good = "\"[\"\"uber\"\"]\",\"[\"\"uber\"\"]\",\"[\"\"elaine-herzberg\"\"";
        assertThat(csv).contains(good);
        Files.writeString(
                incidents, csv.replace(good, "\"[\"\"uber\"\"]\",\"[\"\"uber\"\"\",\"[\"\"elaine-herzberg\"\""));

        assertThatThrownBy(() -> Ingest.defaults().run(DataFiles.folder(temp), driver, false))
                .isInstanceOf(ValidationFailedException.class)
                .hasMessageContaining(
                        "aiid/incidents.csv:4 record row 3 field 'Alleged developer of AI system' (column 6): "
                                + "must be a JSON array of AIID entity slugs, like [\"openai\"], but is \"[\"uber\"\"");
        assertThat(GraphFingerprint.count(driver, "MATCH (n) RETURN count(n)")).isZero();
    }

    @Test
    @Order(2)
    void aCopyWithoutTheTitleColumnIsRefused(@TempDir Path temp) throws IOException {
        copy(DATA, temp);
        Path incidents = temp.resolve("aiid/incidents.csv");
        String csv = Files.readString(incidents);
        Files.writeString(incidents, csv.replaceFirst(",title\n", ",headline\n"));
        assertThatThrownBy(() -> Ingest.defaults().run(DataFiles.folder(temp), null, true))
                .isInstanceOf(ValidationFailedException.class)
                .hasMessageContaining("aiid/incidents.csv:1 record header field 'title': is missing");
    }

    @Test
    @Order(3)
    void theShippedSnapshotLoadsWithEveryIncidentFactSourced() {
        Ingest.Result first = Ingest.defaults().run(DataFiles.defaults(), driver, false);
        assertThat(first.written().created()).isPositive();
        assertThat(GraphFingerprint.count(driver, "MATCH (i:Incident) RETURN count(i)"))
                .isEqualTo(1365);
        assertThat(GraphFingerprint.count(driver, """
                MATCH (i:Incident)-[:ALLEGED_DEVELOPER|ALLEGED_DEPLOYER]->(:Organisation {id: 'openai'})
                RETURN count(DISTINCT i)""")).isGreaterThan(100);
        assertThat(GraphFingerprint.count(
                        driver, "MATCH (f:Incident) WHERE " + DefaultDataIngestTest.UNSOURCED + " RETURN count(f)"))
                .isZero();
        assertThat(GraphFingerprint.count(
                        driver,
                        "MATCH (:Incident)-[f]->() WHERE " + DefaultDataIngestTest.UNSOURCED + " RETURN count(f)"))
                .isZero();
        // a second run changing nothing is DefaultDataIngestTest's check, on the same default data
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
