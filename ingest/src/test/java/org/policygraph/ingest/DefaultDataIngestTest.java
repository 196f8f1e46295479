package org.policygraph.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.policygraph.data.EmbeddedNeo4j;
import org.policygraph.data.GraphFingerprint;
import org.policygraph.ingest.read.DataFiles;
import org.policygraph.ingest.write.WriteSummary;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole default data, as shipped, loaded into a fresh embedded Neo4j: every node and relationship has a source
 * with a locator, and loading it all again changes nothing.
 */
class DefaultDataIngestTest {

    /**
     * The condition a fact {@code f} fails when it lacks a source with a locator: no {@code sources}, an empty
     * list, a source id that is no Source node, no {@code locators}, a locator list of another length, or a blank
     * locator.
     */
    static final String UNSOURCED = """
            f.sources IS NULL OR size(f.sources) = 0
            OR f.locators IS NULL OR size(f.locators) <> size(f.sources)
            OR any(l IN f.locators WHERE l IS NULL OR trim(toString(l)) = '')
            OR any(s IN f.sources WHERE NOT EXISTS { MATCH (:Source {id: s}) })
            """;

    static EmbeddedNeo4j neo4j;
    static Driver driver;
    static Ingest.Result first;

    @BeforeAll
    static void load(@TempDir Path store) {
        neo4j = EmbeddedNeo4j.start(store.resolve("db"), 0);
        driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
        first = Ingest.defaults().run(DataFiles.defaults(), driver, false);
    }

    @AfterAll
    static void stop() {
        driver.close();
        neo4j.close();
    }

    @Test
    void theFirstRunCreatesEveryNodeAndRelationshipRead() {
        WriteSummary written = first.written();
        assertThat(written.updated()).isZero();
        long derived = written.relationships().get("FALLS_UNDER").created();
        assertThat(derived).as("FALLS_UNDER derived from thresholds").isPositive();
        assertThat(written.created()).isEqualTo(first.nodesRead() + first.relationshipsRead() + derived);
        assertThat(GraphFingerprint.count(driver, "MATCH (n:Entity) RETURN count(n)")).isEqualTo(first.nodesRead());
        assertThat(GraphFingerprint.count(driver, "MATCH ()-[r]->() WHERE NOT r:FALLS_UNDER RETURN count(r)"))
                .isEqualTo(first.relationshipsRead());
        assertThat(GraphFingerprint.count(driver, "MATCH ()-[r:FALLS_UNDER]->() RETURN count(r)")).isEqualTo(derived);
    }

    @Test
    void everyNodeAndRelationshipHasASourceWithALocator() {
        assertThat(facts("MATCH (f:Entity) WHERE " + UNSOURCED + " RETURN coalesce(f.id, elementId(f)) AS fact"))
                .as("nodes without a source with a locator").isEmpty();
        assertThat(facts("MATCH (a)-[f]->(b) WHERE " + UNSOURCED + " RETURN a.id + ' ' + type(f) + ' ' + b.id AS fact"))
                .as("relationships without a source with a locator").isEmpty();
        assertThat(GraphFingerprint.count(driver, "MATCH (f:Entity) WHERE NOT (" + UNSOURCED + ") RETURN count(f)"))
                .as("the condition is false, not null, for every sourced node").isEqualTo(first.nodesRead());
    }

    @Test
    void theCheckFindsABlankLocatorAMissingSourceAndARelationshipWithoutSources() {
        try (var session = driver.session(); var tx = session.beginTransaction()) {
            tx.run("""
                    MATCH (eu:Jurisdiction {id: 'eu'})
                    CREATE (:Concept:Entity {id: 'test-blank-locator', name: 'x', sources: ['eur-lex-ai-act'], locators: ['  ']})
                    CREATE (:Concept:Entity {id: 'test-missing-source', name: 'x', sources: ['no-such-source'], locators: ['p. 1']})
                    CREATE (eu)-[:ADDRESSES]->(:Concept:Entity {id: 'test-unsourced-link', name: 'x',
                                                               sources: ['eur-lex-ai-act'], locators: ['Article 1']})
                    """).consume();
            assertThat(tx.run("MATCH (f:Entity) WHERE " + UNSOURCED + " RETURN f.id AS id").list(r -> r.get("id").asString()))
                    .containsExactlyInAnyOrder("test-blank-locator", "test-missing-source");
            assertThat(tx.run("MATCH (a)-[f]->(b) WHERE " + UNSOURCED + " RETURN b.id AS id").list(r -> r.get("id").asString()))
                    .containsExactly("test-unsourced-link");
            tx.rollback();
        }
    }

    @Test
    void aSecondRunOfTheWholeIngestChangesNothing() {
        String before = GraphFingerprint.of(driver);

        Ingest.Result second = Ingest.defaults().run(DataFiles.defaults(), driver, false);

        assertThat(second.written().created()).as(second.written().describe()).isZero();
        assertThat(second.written().updated()).as(second.written().describe()).isZero();
        long unchanged = second.written().nodes().values().stream().mapToLong(WriteSummary.Counts::unchanged).sum()
                + second.written().relationships().values().stream().mapToLong(WriteSummary.Counts::unchanged).sum();
        assertThat(unchanged).isEqualTo(first.nodesRead() + first.relationshipsRead()
                + first.written().relationships().get("FALLS_UNDER").created());
        assertThat(GraphFingerprint.of(driver)).as("the content checksum").isEqualTo(before);
    }

    private static List<String> facts(String query) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(query).list(r -> r.get("fact").asString()));
        }
    }
}
