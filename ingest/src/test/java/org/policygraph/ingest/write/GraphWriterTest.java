package org.policygraph.ingest.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.policygraph.data.EmbeddedNeo4j;
import org.policygraph.data.GraphFingerprint;
import org.policygraph.ingest.Ingest;
import org.policygraph.ingest.IngestException;
import org.policygraph.ingest.read.DataFiles;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.RelationshipRecord;
import org.policygraph.model.schema.SchemaScripts;

/** The writer on the default data, in one transaction and in batches, against a real embedded Neo4j. */
class GraphWriterTest {

    static EmbeddedNeo4j neo4j;
    static Driver driver;
    static List<NodeRecord> nodes;
    static List<RelationshipRecord> relationships;

    @BeforeAll
    static void start(@TempDir Path store) {
        neo4j = EmbeddedNeo4j.start(store.resolve("db"), 0);
        driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
        GraphBatch batch = Ingest.defaults().read(DataFiles.defaults());
        nodes = batch.nodes();
        relationships = batch.relationships();
        new GraphWriter(driver).applySchema();
    }

    @AfterAll
    static void stop() {
        driver.close();
        neo4j.close();
    }

    @BeforeEach
    void empty() {
        try (var session = driver.session()) {
            session.run("MATCH (n) DETACH DELETE n").consume();
        }
    }

    @Test
    void writesTheSameGraphInBatchesAsInOneTransaction() {
        WriteSummary atOnce = new GraphWriter(driver).write(nodes, relationships);
        String expected = GraphFingerprint.of(driver);
        empty();

        WriteSummary batched = new GraphWriter(driver, new GraphWriter.Options(300, 0, 3)).write(nodes, relationships);

        assertThat(GraphFingerprint.of(driver)).isEqualTo(expected);
        long derived = count("MATCH ()-[r:FALLS_UNDER]->() RETURN count(r)");
        assertThat(batched.created())
                .isEqualTo(atOnce.created())
                .isEqualTo(nodes.size() + relationships.size() + derived);
        assertThat(batched.nodes()).isEqualTo(atOnce.nodes());
        assertThat(batched.relationships()).isEqualTo(atOnce.relationships());
    }

    @Test
    void aBatchedWriteStoppedHalfWayIsCompletedByWritingAgainWithoutDuplicates() {
        GraphWriter.Options batches = new GraphWriter.Options(250, 0, 2);
        // what a crash half way leaves: some batches of nodes and relationships committed
        java.util.Set<String> written = nodes.subList(0, nodes.size() / 2).stream()
                .map(NodeRecord::id)
                .collect(java.util.stream.Collectors.toSet());
        new GraphWriter(driver, batches)
                .write(
                        nodes.subList(0, nodes.size() / 2),
                        relationships.subList(0, relationships.size() / 3).stream()
                                .filter(r -> written.contains(r.from()) && written.contains(r.to()))
                                .toList());
        long half = count("MATCH (n:Entity) RETURN count(n)");
        assertThat(half).isEqualTo(nodes.size() / 2);

        WriteSummary rest = new GraphWriter(driver, batches).write(nodes, relationships);

        assertThat(count("MATCH (n:Entity) RETURN count(n)")).isEqualTo(nodes.size());
        assertThat(count("MATCH (n:Entity) RETURN count(DISTINCT n.id)")).isEqualTo(nodes.size());
        assertThat(count("MATCH ()-[r]->() WHERE NOT r:FALLS_UNDER RETURN count(r)"))
                .isEqualTo(relationships.size());
        assertThat(count("MATCH (a)-[r]->(b) WITH a, type(r) AS t, b, count(*) AS n WHERE n > 1 RETURN count(*)"))
                .isZero();
        assertThat(rest.nodes().values().stream()
                        .mapToLong(WriteSummary.Counts::unchanged)
                        .sum())
                .isEqualTo(half);
    }

    @Test
    void everyWriteThatChangesTheGraphBumpsItsVersionInTheSameTransaction() {
        assertThat(GraphVersion.read(driver))
                .as("an empty store has no version yet")
                .isZero();

        WriteSummary first = new GraphWriter(driver).write(nodes.subList(0, 10), List.of());
        assertThat(first.version()).isEqualTo(1);
        assertThat(GraphVersion.read(driver)).isEqualTo(1);

        WriteSummary second = new GraphWriter(driver).write(nodes.subList(0, 20), List.of());
        assertThat(second.version()).isEqualTo(2);
        assertThat(GraphVersion.read(driver)).isEqualTo(2);
        assertThat(second.describe()).endsWith("graph version 2");

        // one node, outside Entity, with the time of the last write
        try (var session = driver.session()) {
            var v = session.run("MATCH (v:GraphVersion) RETURN v.id AS id, v.version AS version, labels(v) AS labels, "
                            + "v.written_at AS at")
                    .single();
            assertThat(v.get("id").asString()).isEqualTo(GraphVersion.ID);
            assertThat(v.get("version").asLong()).isEqualTo(2);
            assertThat(v.get("labels").asList(org.neo4j.driver.Value::asString)).containsExactly("GraphVersion");
            assertThat(v.get("at").asZonedDateTime())
                    .isAfter(java.time.ZonedDateTime.now().minusMinutes(5));
        }
        assertThat(count("MATCH (n:Entity) RETURN count(n)")).isEqualTo(20);
    }

    @Test
    void aWriteThatChangesNothingLeavesTheVersionAsItWas() {
        new GraphWriter(driver).write(nodes.subList(0, 10), List.of());
        assertThat(GraphVersion.read(driver)).isEqualTo(1);

        WriteSummary again = new GraphWriter(driver).write(nodes.subList(0, 10), List.of());

        assertThat(again.changed()).isFalse();
        assertThat(again.version()).as("not bumped").isZero();
        assertThat(GraphVersion.read(driver)).isEqualTo(1);
    }

    @Test
    void aBatchedWriteBumpsTheVersionBeforeItsFirstBatchAndAfterItsLast() {
        new GraphWriter(driver).write(nodes.subList(0, 10), List.of());

        WriteSummary batched =
                new GraphWriter(driver, new GraphWriter.Options(5, 0, 2)).write(nodes.subList(0, 30), List.of());

        assertThat(batched.version()).isEqualTo(3);
        assertThat(GraphVersion.read(driver)).isEqualTo(3);
        assertThat(count("MATCH (v:GraphVersion) RETURN count(v)")).isEqualTo(1);
    }

    @Test
    void refusesANodeWhoseIdIsStoredForAnotherKindAndWritesNothing() {
        new GraphWriter(driver).write(nodes.subList(0, 10), List.of());
        NodeRecord first = nodes.get(0);
        Kind other = first.kind() == Kind.CONCEPT ? Kind.SOURCE : Kind.CONCEPT;
        NodeRecord clash =
                new NodeRecord(other, first.id(), "Clash", List.of(), null, Map.of(), first.sources(), first.origin());
        String before = GraphFingerprint.of(driver);

        assertThatThrownBy(() -> new GraphWriter(driver).write(List.of(nodes.get(20), clash), List.of()))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining(first.id())
                .hasMessageContaining("nodes of another kind")
                .hasMessageContaining("nothing was written");
        assertThat(GraphFingerprint.of(driver)).isEqualTo(before);
        assertThat(GraphVersion.read(driver))
                .as("a refused write leaves the version")
                .isEqualTo(1);
    }

    @Test
    void applyingTheSchemaAgainCreatesWhatIsMissingAndKeepsTheRest() {
        try (var session = driver.session()) {
            session.run("DROP INDEX model_released").consume();
        }
        long before = count("SHOW INDEXES YIELD name RETURN count(*)");

        new GraphWriter(driver).applySchema();

        assertThat(count("SHOW INDEXES YIELD name RETURN count(*)")).isEqualTo(before + 1);
        assertThat(count("SHOW INDEXES YIELD name WHERE name = 'model_released' RETURN count(*)"))
                .isEqualTo(1);
        long constraints = SchemaScripts.allStatements().stream()
                .filter(statement ->
                        statement.strip().toUpperCase(java.util.Locale.ROOT).startsWith("CREATE CONSTRAINT"))
                .count();
        assertThat(constraints).as("the schema scripts declare constraints").isGreaterThanOrEqualTo(16);
        assertThat(count("SHOW CONSTRAINTS YIELD name RETURN count(*)")).isEqualTo(constraints);
    }

    static long count(String query) {
        try (var session = driver.session()) {
            return session.run(query).single().get(0).asLong();
        }
    }
}
