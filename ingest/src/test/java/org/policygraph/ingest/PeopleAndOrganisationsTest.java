package org.policygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Values;
import org.policygraph.data.EmbeddedNeo4j;

/**
 * The curated people, organisation facts and general positions on AI regulation, as the default data loads them
 * into a fresh embedded Neo4j: who leads or works for the labs and regulators (with role and start date), the
 * parent chain Google DeepMind - Google - Alphabet, city headquarters inside their state, the dataset organisations
 * the curated files complete (Microsoft, xAI), dated positions, and the essay's wrong name for Safe
 * Superintelligence Inc. kept as the essay's claim, not as an alias.
 */
class PeopleAndOrganisationsTest {

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
    void atLeastThirtyPeopleLeadOrWorkForAnOrganisationWithARoleAndASource() {
        List<Record> people = rows("""
                MATCH (p:Person)-[r:LEADS|WORKS_FOR]->(o:Organisation)
                WHERE p.role IS NOT NULL AND r.role IS NOT NULL AND size(r.sources) > 0
                RETURN p.id AS person, count(o) AS organisations, collect(r.date) AS dates
                """, Map.of());
        assertThat(people).hasSizeGreaterThanOrEqualTo(30);
        assertThat(people.stream().filter(r -> r.get("dates").asList().stream().anyMatch(d -> d != null)))
                .as("people with a dated role")
                .hasSizeGreaterThanOrEqualTo(30);
        assertThat(people)
                .extracting(r -> r.get("person").asString())
                .contains(
                        "sam-altman",
                        "dario-amodei",
                        "demis-hassabis",
                        "satya-nadella",
                        "arthur-mensch",
                        "liang-wenfeng",
                        "elon-musk",
                        "ilya-sutskever",
                        "henna-virkkunen",
                        "lucilla-sioli",
                        "zhuang-rongwen",
                        "gavin-newsom",
                        "kathy-hochul",
                        "ian-hogarth");
    }

    @Test
    void specificRolesHaveTheirStartDates() {
        assertThat(role("sundar-pichai", "LEADS", "alphabet"))
                .containsEntry("role", "Chief Executive Officer")
                .containsEntry("date", "2019-12-03");
        assertThat(role("demis-hassabis", "LEADS", "google-deepmind"))
                .containsEntry("role", "Chief Executive Officer")
                .containsEntry("date", "2023-04-20");
        assertThat(role("lucilla-sioli", "LEADS", "eu-ai-office"))
                .containsEntry("role", "Head of the AI Office")
                .containsEntry("date", "2024-06-16");
        assertThat(role("mustafa-suleyman", "WORKS_FOR", "microsoft"))
                .containsEntry("role", "EVP and CEO, Microsoft AI")
                .containsEntry("date", "2024-03-19");
        assertThat(role("rob-bonta", "LEADS", "california-attorney-general")).containsEntry("date", "2021-04-23");
        assertThat(role("sam-altman", "LEADS", "openai").get("note"))
                .as("the sources that disagree on when Altman became CEO are both kept")
                .asString()
                .contains("2015")
                .contains("2019");
    }

    @Test
    void googleIsUnderAlphabetAndGoogleDeepMindUnderGoogle() {
        assertThat(count("MATCH (:Organisation {id: 'google'})-[:SUBSIDIARY_OF]->(:Organisation {id: 'alphabet'}) "
                        + "RETURN count(*)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Organisation {id: 'google-deepmind'})-[:SUBSIDIARY_OF*2]->"
                        + "(:Organisation {id: 'alphabet'}) RETURN count(*)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Organisation {id: 'deepseek'})-[:SUBSIDIARY_OF]->(:Organisation {id: 'high-flyer'}) "
                        + "RETURN count(*)"))
                .isEqualTo(1);
    }

    @Test
    void microsoftHasACityHeadquartersInsideItsStateAndStateLevelLinksStay() {
        assertThat(count("""
                MATCH (:Organisation {id: 'microsoft'})-[:HEADQUARTERED_IN]->(:Jurisdiction {id: 'us-wa-redmond'})
                      -[:PART_OF]->(:Jurisdiction {id: 'us-wa'})-[:PART_OF]->(:Jurisdiction {id: 'us'})
                RETURN count(*)""")).isEqualTo(1);
        for (String lab : List.of("openai", "anthropic", "meta", "google", "safe-superintelligence")) {
            assertThat(strings("""
                    MATCH (:Organisation {id: $id})-[:HEADQUARTERED_IN]->(j:Jurisdiction)
                    RETURN j.id AS v""", Map.of("id", lab)))
                    .as(lab + ": a city in California, and California itself for the applicability rules")
                    .contains("us-ca")
                    .anyMatch(j -> j.startsWith("us-ca-"));
        }
        assertThat(count("MATCH (c:Jurisdiction {jurisdiction_type: 'city'}) WHERE NOT (c)-[:PART_OF]->() "
                        + "RETURN count(c)"))
                .as("every city is part of its state or country")
                .isZero();
    }

    @Test
    void foundingDatesOfTheMainLabs() {
        Map<String, String> expected = Map.of(
                "openai",
                "2015-12",
                "anthropic",
                "2021",
                "google-deepmind",
                "2023-04-20",
                "mistral-ai",
                "2023-04",
                "deepseek",
                "2023-05",
                "xai",
                "2023-03",
                "microsoft",
                "1975",
                "alphabet",
                "2015-10-02",
                "safe-superintelligence",
                "2024-06");
        expected.forEach((id, founded) -> assertThat(
                        strings("MATCH (o:Organisation {id: $id}) RETURN toString(o.founded) AS v", Map.of("id", id)))
                .as(id)
                .containsExactly(founded));
    }

    @Test
    void theCuratedMicrosoftAndXaiRecordsMergeWithEpochs() {
        Record microsoft = rows("""
                MATCH (o:Organisation {id: 'microsoft'})
                RETURN o.name AS name, o.sources AS sources, count { (o)-[:DEVELOPS]->(:Model) } AS models
                """, Map.of()).get(0);
        assertThat(microsoft.get("name").asString()).isEqualTo("Microsoft");
        assertThat(microsoft.get("sources").asList()).contains("epoch-ai-models", "sec-microsoft-8-k-2024-01-30");
        assertThat(microsoft.get("models").asLong())
                .as("models from Epoch AI's dataset")
                .isPositive();
        assertThat(count("MATCH (:Person {id: 'elon-musk'})-[:LEADS]->(o:Organisation {id: 'xai'})"
                        + "-[:DEVELOPS]->(:Model) RETURN count(*)"))
                .isPositive();
    }

    @Test
    void theEssaysWrongNameForSafeSuperintelligenceIsTheEssaysClaimNotAnAlias() {
        assertThat(strings("""
                MATCH (n:Entity) WHERE n.aliases IS NOT NULL AND NOT n:Claim
                UNWIND n.aliases AS alias
                WITH n, alias WHERE toLower(alias) CONTAINS 'super safe'
                RETURN n.id + ': ' + alias AS v""", Map.of()))
                .as("no node but a claim calls Safe Superintelligence Inc. 'Super Safe Intelligence'")
                .isEmpty();
        assertThat(strings("MATCH (o:Organisation {id: 'safe-superintelligence'}) RETURN o.name AS v", Map.of()))
                .containsExactly("Safe Superintelligence Inc.");
        assertThat(strings("""
                MATCH (c:Claim)-[:ABOUT]->(:Organisation {id: 'safe-superintelligence'})
                WHERE c.claim CONTAINS 'Super Safe Intelligence'
                MATCH (c)-[:ASSERTED_BY]->(s:Source {id: 'essay-ai-alignment-and-regulation'})
                RETURN c.verdict AS v""", Map.of())).containsExactly("inaccurate");
    }

    @Test
    void altmansTwoDatedPositionsOnRegulationAreBothKept() {
        List<Record> stances = rows("""
                MATCH (s:Stance)-[h:HELD_BY]->(:Person {id: 'sam-altman'}), (s)-[:ABOUT]->(:Concept {id: 'ai-regulation'})
                MATCH (s)-[:ASSERTED_BY]->(:Source)
                RETURN toString(h.date) AS date, s.position AS position ORDER BY date
                """, Map.of());
        assertThat(stances)
                .extracting(
                        r -> r.get("date").asString() + " " + r.get("position").asString())
                .containsExactly("2023-05-16 support", "2025-05-08 oppose");
        assertThat(count("MATCH (s:Stance)-[h:HELD_BY]->() WHERE (s)-[:ABOUT]->(:Concept {id: 'ai-regulation'}) "
                        + "AND h.date IS NOT NULL RETURN count(DISTINCT s)"))
                .isGreaterThanOrEqualTo(10);
    }

    private static Map<String, Object> role(String person, String type, String organisation) {
        List<Record> found = rows(
                "MATCH (:Person {id: $p})-[r:" + type + "]->(:Organisation {id: $o}) "
                        + "RETURN r {.role, .note, date: toString(r.date)} AS r",
                Map.of("p", person, "o", organisation));
        assertThat(found).as(person + " " + type + " " + organisation).hasSize(1);
        return found.get(0).get("r").asMap();
    }

    private static List<Record> rows(String query, Map<String, Object> params) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(query, Values.value(params)).list());
        }
    }

    private static List<String> strings(String query, Map<String, Object> params) {
        return rows(query, params).stream().map(r -> r.get("v").asString()).toList();
    }

    private static long count(String query) {
        return rows(query, Map.of()).get(0).get(0).asLong();
    }
}
