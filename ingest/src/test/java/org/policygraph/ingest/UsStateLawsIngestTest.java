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
 * The US state AI laws in the shipped default data, loaded into a fresh embedded Neo4j: the RAISE Act's thresholds
 * reach the models and developers they should (and not the others) through the derived {@code FALLS_UNDER}, its
 * incident clock is 72 hours to the DFS office, the amendments and repeals are relationships with dates, and the labs'
 * positions are dated and sourced.
 */
class UsStateLawsIngestTest {

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

    private static List<Record> rows(String query, Object... params) {
        try (var session = driver.session()) {
            return session.run(query, Values.parameters(params)).list();
        }
    }

    @Test
    void grok3AboveTenToTheTwentySixFallsUnderTheRaiseFrontierModelTier() {
        List<Record> in = rows("""
                MATCH (m:Model {id: 'grok-3'})-[f:FALLS_UNDER]->(t:RiskTier {id: 'ny-raise-act-frontier-model'})
                RETURN f.status AS status, f.threshold AS threshold, f.value AS value, f.reason AS reason, f.sources AS sources
                """);
        assertThat(in).hasSize(1);
        Record f = in.get(0);
        assertThat(f.get("status").asString()).isEqualTo("in");
        assertThat(f.get("threshold").asDouble()).isEqualTo(1.0e26);
        assertThat(f.get("value").asDouble()).isGreaterThan(1.0e26);
        assertThat(f.get("reason").asString()).contains("Grok 3").contains("more than the 1e26 FLOP threshold");
        assertThat(f.get("sources").asList(v -> v.asString())).contains("epoch-ai-models", "filingsgpt-gbl-1420");
        // the tier is defined by the RAISE Act, which applies in New York, part of the United States
        assertThat(rows("""
                MATCH (:Regulation {id: 'ny-raise-act'})-[:DEFINES]->(:RiskTier {id: 'ny-raise-act-frontier-model'})
                MATCH (:Regulation {id: 'ny-raise-act'})-[:APPLIES_IN]->(:Jurisdiction {id: 'us-ny', iso_code: 'US-NY'})
                      -[:PART_OF]->(:Jurisdiction {id: 'us'})
                RETURN 1""")).hasSize(1);
    }

    @Test
    void aModelBelowTheThresholdDoesNotFallUnderTheRaiseAct() {
        assertThat(rows("MATCH (m:Model {id: 'grok-2'}) RETURN m.training_compute_flop AS c")
                        .get(0)
                        .get("c")
                        .asDouble())
                .isLessThan(1.0e26);
        assertThat(rows("""
                MATCH (:Model {id: 'grok-2'})-[f:FALLS_UNDER]->(:RiskTier {id: 'ny-raise-act-frontier-model'})
                RETURN f""")).isEmpty();
    }

    @Test
    void xaiIsALargeFrontierDeveloperCandidateWhoseRevenueIsUnknown() {
        List<Record> f = rows("""
                MATCH (:Organisation {id: 'xai'})-[f:FALLS_UNDER]->(:RiskTier {id: 'ny-raise-act-large-frontier-developer'})
                RETURN f.status AS status, f.basis AS basis, f.threshold AS threshold""");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).get("status").asString()).isEqualTo("unknown");
        assertThat(f.get(0).get("basis").asString()).isEqualTo("annual_revenue_usd");
        assertThat(f.get(0).get("threshold").asDouble()).isEqualTo(5.0e8);
    }

    @Test
    void raiseIncidentReportingIsSeventyTwoHoursToTheDfsOffice() {
        List<Record> o = rows("""
                MATCH (p:Provision {id: 'ny-raise-act-gbl-1422'})-[:IMPOSES]->(o:Obligation)
                      -[:APPLIES_TO]->(:RiskTier {id: 'ny-raise-act-frontier-model'})
                WHERE o.category = 'incident-reporting'
                MATCH (:Regulation {id: 'ny-raise-act'})-[:HAS_PROVISION]->(p)
                RETURN o.id AS id, o.deadline AS deadline, o.recipient AS recipient, o.applies_from AS from ORDER BY o.deadline""");
        assertThat(o).extracting(r -> r.get("deadline").asString()).containsExactly("24 hours", "72 hours");
        Record report = o.get(1);
        assertThat(report.get("id").asString()).isEqualTo("ny-raise-act-critical-safety-incident-reporting");
        assertThat(report.get("recipient").asString()).contains("Department of Financial Services");
        assertThat(report.get("from").asString()).isEqualTo("2027-01-01");
        // SB 53's clock for the same kind of incident stays 15 days
        assertThat(
                        rows("MATCH (o:Obligation {id: 'ca-sb-53-critical-safety-incident-reporting'}) RETURN o.deadline AS d")
                                .get(0)
                                .get("d")
                                .asString())
                .contains("15 days");
        assertThat(rows("""
                MATCH (:Regulation {id: 'ny-raise-act'})-[e:ENFORCED_BY]->(:Organisation {id: 'new-york-attorney-general'})
                RETURN e.quotes AS quotes""").get(0).get("quotes").asList(v -> v.asString()))
                .anySatisfy(q -> assertThat(q).contains("one million dollars for a first violation"));
    }

    @Test
    void ab853sHostingPlatformAndCaptureDeviceDutiesAreStagedObligationsFromTheCodeText() {
        Map<String, Object> hosting = rows("""
                MATCH (p:Provision {id: 'ca-sb-942-bpc-22757-3-2'})-[:IMPOSES]->(o:Obligation)
                      -[:APPLIES_TO]->(t:RiskTier {id: 'ca-sb-942-genai-hosting-platform'})
                MATCH (o)-[:ENFORCED_BY]->(:Organisation {id: 'california-attorney-general'})
                RETURN o.id AS id, o.applies_from AS applies, p.applies_from AS provision, t.applies_from AS tier""").get(0).asMap();
        assertThat(hosting)
                .containsEntry("id", "ca-ab-853-hosting-platform-disclosing-systems-only")
                .containsEntry("applies", "2027-01-01")
                .containsEntry("provision", "2027-01-01")
                .containsEntry("tier", "2027-01-01");
        assertThat(rows("""
                MATCH (:Regulation {id: 'ca-sb-942'})-[:HAS_PROVISION]->(:Provision)-[:DEFINES]->
                      (t:RiskTier {id: 'ca-sb-942-capture-device-manufacturer'})
                      <-[:APPLIES_TO]-(o:Obligation {id: 'ca-ab-853-capture-device-latent-disclosure'})
                RETURN o.applies_from AS applies, o.summary AS summary""").get(0).asMap())
                .containsEntry("applies", "2028-01-01")
                .hasEntrySatisfying(
                        "summary", s -> assertThat((String) s).contains("embed latent disclosures by default"));
        assertThat(rows("""
                MATCH (:Provision {id: 'ca-sb-942-bpc-22757-3-1'})-[:IMPOSES]->(o:Obligation)
                      -[:APPLIES_TO]->(:RiskTier {id: 'ca-sb-942-large-online-platform', user_threshold: 2000000.0})
                RETURN o.id AS id""").stream().map(r -> r.get("id").asString()).toList())
                .contains(
                        "ca-ab-853-platform-provenance-detection",
                        "ca-ab-853-platform-provenance-interface",
                        "ca-ab-853-platform-no-stripping-provenance");
    }

    @Test
    void amendmentsDelaysAndRepealsAreDatedRelationships() {
        assertThat(rows("""
                MATCH (a:Regulation {id: 'ny-raise-act-chapter-amendment'})-[:AMENDS]->(:Regulation {id: 'ny-raise-act'})
                RETURN a.adopted AS adopted""").get(0).get("adopted").asString()).isEqualTo("2026-03-27");
        assertThat(rows("""
                MATCH (:Regulation {id: 'ca-ab-853'})-[:AMENDS]->(r:Regulation {id: 'ca-sb-942'})
                MATCH (new:Event)-[:SUPERSEDES]->(old:Event), (new)-[:EVENT_OF]->(r)
                RETURN r.applies_from AS applies, new.date AS newDate, old.date AS oldDate, old.status AS oldStatus""").get(0).asMap())
                .containsEntry("applies", "2026-08-02")
                .containsEntry("newDate", "2026-08-02")
                .containsEntry("oldDate", "2026-01-01")
                .containsEntry("oldStatus", "superseded");
        Map<String, Object> colorado = rows("""
                MATCH (n:Regulation {id: 'co-sb-26-189'})-[:SUPERSEDES]->(o:Regulation {id: 'co-ai-act'})
                MATCH (:Regulation {id: 'co-sb-25b-004'})-[:AMENDS]->(o)
                RETURN o.status AS status, n.adopted AS adopted, n.applies_from AS applies""").get(0).asMap();
        assertThat(colorado)
                .containsEntry("status", "superseded")
                .containsEntry("adopted", "2026-05-14")
                .containsEntry("applies", "2027-01-01");
        assertThat(rows("""
                MATCH (e:Event {event_type: 'veto-message'})-[:EVENT_OF]->(:Regulation {id: 'ca-sb-1047', status: 'vetoed'})
                RETURN e.date AS date, e.description AS text""").get(0).asMap())
                .containsEntry("date", "2024-09-29")
                .hasEntrySatisfying(
                        "text",
                        t -> assertThat((String) t).contains("I am returning Senate Bill 1047 without my signature."));
    }

    @Test
    void labsPositionsOnTheStateLawsAreDatedAndSourced() {
        assertThat(rows("""
                MATCH (:Organisation {id: 'anthropic'})-[e:ENDORSED]->(:Regulation {id: 'ca-sb-53'}) RETURN e.date AS d""").get(0).get("d").asString()).isEqualTo("2025-09-08");
        assertThat(rows("""
                MATCH (:Organisation {id: 'openai'})-[e:OPPOSED]->(:Regulation {id: 'ca-sb-1047'})
                RETURN e.date AS d, e.quotes AS q""").get(0).asMap())
                .containsEntry("d", "2024-08-21")
                .hasEntrySatisfying("q", q -> assertThat(q.toString()).contains("respectfully opposing SB 1047"));
        assertThat(rows("""
                MATCH (:Organisation {id: 'xai'})-[e:OPPOSED]->(:Regulation {id: 'co-ai-act'}) RETURN e.date AS d""").get(0).get("d").asString()).isEqualTo("2026-04-09");
        List<Record> positions = rows("""
                MATCH (o)-[e:ENDORSED|OPPOSED]->(r:Regulation)
                WHERE r.id IN ['ny-raise-act', 'ca-sb-1047', 'ca-sb-53', 'co-ai-act']
                RETURN o.id AS who, e.date AS date, size(e.sources) AS sources, size(e.locators) AS locators""");
        assertThat(positions).hasSizeGreaterThanOrEqualTo(11);
        assertThat(positions).allSatisfy(p -> {
            assertThat(p.get("date").isNull())
                    .as(p.get("who").asString() + " position date")
                    .isFalse();
            assertThat(p.get("sources").asLong())
                    .isPositive()
                    .isEqualTo(p.get("locators").asLong());
        });
    }
}
