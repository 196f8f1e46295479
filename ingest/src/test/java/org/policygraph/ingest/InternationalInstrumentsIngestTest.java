package org.policygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.policygraph.data.EmbeddedNeo4j;

/**
 * The non-US instruments, codes and commitments of the default data, loaded into a fresh embedded Neo4j: who signed
 * or declined the EU's General-Purpose AI Code of Practice and which chapters, when Korea's AI Basic Act took effect,
 * and the names search finds them by.
 */
class InternationalInstrumentsIngestTest {

    static EmbeddedNeo4j neo4j;
    static Driver driver;

    @BeforeAll
    static void load() {
        driver = SharedDefaultGraph.driver();
    }

    @AfterAll
    static void stop() {
        // the shared graph closes with the JVM
    }

    @Test
    void metaDeclinedTheGpaiCodeOfPracticeWithItsDateSourceAndQuote() {
        List<Record> declined = rows("""
                MATCH (:Organisation {id: 'meta'})-[r:DECLINED]->(:Regulation {id: 'eu-gpai-code-of-practice'})
                RETURN toString(r.date) AS date, r.sources AS sources, r.quotes AS quotes""", Map.of());
        assertThat(declined).hasSize(1);
        assertThat(declined.get(0).get("date").asString()).isEqualTo("2025-07-18");
        assertThat(declined.get(0).get("sources").asList(v -> v.asString()))
                .contains("meta-kaplan-gpai-code-statement");
        assertThat(declined.get(0).get("quotes").asList(v -> v.asString()))
                .anyMatch(q -> q.contains("Meta won’t be signing it"));
        assertThat(count("MATCH (:Organisation {id: 'meta'})-[:SIGNED]->(:Regulation {id: 'eu-gpai-code-of-practice'}) "
                        + "RETURN count(*)"))
                .as("Meta did not sign")
                .isZero();
    }

    @Test
    void xaiSignedOnlyTheSafetyAndSecurityChapterWhileOthersSignedAllThree() {
        List<Record> xai = rows("""
                MATCH (:Organisation {id: 'xai'})-[r:SIGNED]->(:Regulation {id: 'eu-gpai-code-of-practice'})
                RETURN r.scope AS scope, toString(r.date) AS date""", Map.of());
        assertThat(xai).hasSize(1);
        assertThat(xai.get(0).get("scope").asString()).isEqualTo("Safety and Security");
        assertThat(xai.get(0).get("date").asString()).isEqualTo("2025-08-01");

        String openAiScope = rows("""
                MATCH (:Organisation {id: 'openai'})-[r:SIGNED]->(:Regulation {id: 'eu-gpai-code-of-practice'})
                RETURN r.scope AS scope""", Map.of()).get(0).get("scope").asString();
        assertThat(openAiScope).contains("Transparency", "Copyright", "Safety and Security");

        // the Code is soft law with its three chapters, and rests on Article 56 of the AI Act
        List<Record> code = rows("""
                MATCH (c:Regulation {id: 'eu-gpai-code-of-practice'})
                OPTIONAL MATCH (c)-[h:HAS_PROVISION]->(p:Provision)
                WITH c, p ORDER BY h.position
                RETURN c.binding AS binding, toString(c.adopted) AS adopted, collect(p.title) AS chapters,
                       EXISTS { (c)-[:IMPLEMENTS]->(:Provision {id: 'eu-ai-act-article-56'}) } AS article56""", Map.of());
        assertThat(code.get(0).get("binding").asBoolean()).isFalse();
        assertThat(code.get(0).get("adopted").asString()).isEqualTo("2025-07-10");
        assertThat(code.get(0).get("chapters").asList(v -> v.asString()))
                .containsExactly("Transparency", "Copyright", "Safety and Security");
        assertThat(code.get(0).get("article56").asBoolean()).isTrue();
    }

    @Test
    void theAiBasicActIsInForceFromTheTwentySecondOfJanuary2026WithItsComputeThreshold() {
        List<Record> act = rows("""
                MATCH (r:Regulation {id: 'kr-ai-basic-act'})-[:APPLIES_IN]->(:Jurisdiction {id: 'kr'})
                MATCH (r)-[:ENFORCED_BY]->(:Organisation {id: 'ministry-of-science-and-ict'})
                MATCH (:Provision {id: 'kr-ai-basic-act-article-32'})-[:DEFINES]->(t:RiskTier)
                RETURN toString(r.in_force) AS inForce, r.binding AS binding, t.compute_threshold_flop AS flop""", Map.of());
        assertThat(act).hasSize(1);
        assertThat(act.get(0).get("inForce").asString()).isEqualTo("2026-01-22");
        assertThat(act.get(0).get("binding").asBoolean()).isTrue();
        assertThat(act.get(0).get("flop").asDouble()).isEqualTo(1.0e26);
    }

    @Test
    void searchFindsTheInstrumentsByTheNamesPeopleUse() {
        Map<String, String> names = Map.of(
                "AI Basic Act", "kr-ai-basic-act",
                "AI Promotion Act", "jp-ai-promotion-act",
                "Code of Practice for General-Purpose AI", "eu-gpai-code-of-practice",
                "GPAI Code of Practice", "eu-gpai-code-of-practice",
                "Bletchley Declaration", "bletchley-declaration",
                "Frontier AI Safety Commitments", "seoul-frontier-ai-safety-commitments");
        names.forEach((name, id) -> {
            assertThat(rows("MATCH (r:Regulation {id: $id}) RETURN r.aliases AS aliases", Map.of("id", id))
                            .get(0)
                            .get("aliases")
                            .asList(v -> v.asString()))
                    .as(id)
                    .contains(name);
            List<String> found = rows("""
                    CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node
                    WHERE node:Regulation RETURN node.id AS id LIMIT 3""", Map.of("query", '"' + name + '"')).stream()
                    .map(r -> r.get("id").asString())
                    .toList();
            assertThat(found).as("search for " + name).contains(id);
        });
    }

    private static List<Record> rows(String query, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            return session.run(query, parameters).list();
        }
    }

    private static long count(String query) {
        return rows(query, Map.of()).get(0).get(0).asLong();
    }
}
