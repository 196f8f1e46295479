package org.policygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Values;

/**
 * Dated, sourced positions of organisations and people on the instruments, as the default data loads them into the
 * shared embedded Neo4j: ENDORSED, OPPOSED, SIGNED and DECLINED each carry the date of the statement and at least one
 * source with a locator; at least 100 of them, from at least 10 organisations; and specific positions by their date,
 * source and quote (Meta declined the GPAI Code of Practice, Anthropic endorsed SB 53, the experts' and CEOs' letters,
 * Apple's later signature of the White House commitments).
 */
class PositionsIngestTest {

    static Driver driver;

    @BeforeAll
    static void load() {
        driver = SharedDefaultGraph.driver();
    }

    @Test
    void atLeastOneHundredDatedSourcedPositionsFromAtLeastTenOrganisations() {
        Record totals = rows("""
                MATCH (holder)-[r:ENDORSED|OPPOSED|SIGNED|DECLINED]->(:Regulation)
                WHERE (holder:Organisation OR holder:Person)
                  AND r.date IS NOT NULL AND size(r.sources) > 0 AND size(r.locators) = size(r.sources)
                  AND all(s IN r.sources WHERE EXISTS { MATCH (:Source {id: s}) })
                RETURN count(r) AS positions,
                       count(DISTINCT CASE WHEN holder:Organisation THEN holder.id END) AS organisations,
                       count(DISTINCT CASE WHEN holder:Person THEN holder.id END) AS people,
                       collect(DISTINCT type(r)) AS types
                """, Map.of()).get(0);
        assertThat(totals.get("positions").asLong()).isGreaterThanOrEqualTo(100);
        assertThat(totals.get("organisations").asLong()).isGreaterThanOrEqualTo(10);
        assertThat(totals.get("people").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(totals.get("types").asList()).contains("ENDORSED", "OPPOSED", "SIGNED", "DECLINED");
        assertThat(count("""
                MATCH (holder)-[r:ENDORSED|OPPOSED|SIGNED|DECLINED]->(:Regulation)
                WHERE (holder:Organisation OR holder:Person) AND (r.sources IS NULL OR size(r.sources) = 0)
                RETURN count(r)""")).as("positions without a source").isZero();
    }

    @Test
    void metaDeclinedTheGpaiCodeOfPractice() {
        Map<String, Object> declined = position("meta", "DECLINED", "eu-gpai-code-of-practice");
        assertThat(declined).containsEntry("date", "2025-07-18");
        assertThat(declined.get("sources").toString()).contains("meta-kaplan-gpai-code-statement");
        assertThat(declined.get("quotes").toString()).contains("Meta won’t be signing it");
    }

    @Test
    void anthropicEndorsedSb53OnTheEighthOfSeptember2025() {
        Map<String, Object> endorsed = position("anthropic", "ENDORSED", "ca-sb-53");
        assertThat(endorsed).containsEntry("date", "2025-09-08");
        assertThat(endorsed.get("sources").toString()).contains("anthropic-sb-53-endorsement");
    }

    @Test
    void theExpertsLetterOnSb1047IsDatedAndQuoted() {
        for (String expert : List.of("yoshua-bengio", "geoffrey-hinton", "lawrence-lessig", "stuart-russell")) {
            Map<String, Object> endorsed = position(expert, "ENDORSED", "ca-sb-1047");
            assertThat(endorsed).as(expert).containsEntry("date", "2024-08-07");
            assertThat(endorsed.get("sources").toString()).as(expert).contains("time-experts-letter-sb-1047-copy");
        }
        assertThat(position("yoshua-bengio", "ENDORSED", "ca-sb-1047")
                        .get("quotes")
                        .toString())
                .contains("co-authored a letter urging key lawmakers to support a California AI bill");
        Map<String, Object> opposed = position("fei-fei-li", "OPPOSED", "ca-sb-1047");
        assertThat(opposed).containsEntry("date", "2024-08-06");
        assertThat(opposed.get("sources").toString()).contains("fortune-fei-fei-li-sb-1047-copy");
    }

    @Test
    void theCeosClockStopLetterOpposedTheAiActsTimetable() {
        Map<String, Object> airbus = position("airbus", "OPPOSED", "eu-ai-act");
        assertThat(airbus).containsEntry("date", "2025-07-03").containsEntry("role", "asked-for-pause");
        assertThat(airbus.get("sources").toString()).contains("politico-ceos-pause-ai-act-copy");
        assertThat(airbus.get("quotes").toString()).contains("two-year ‘clock-stop’ on the AI Act");
        assertThat(airbus.get("note").toString())
                .as("the other date a source gives is kept")
                .contains("4 July 2025");
        assertThat(strings("""
                MATCH (o:Organisation)-[r:OPPOSED {role: 'asked-for-pause'}]->(:Regulation {id: 'eu-ai-act'})
                RETURN o.id AS v ORDER BY v""", Map.of()))
                .contains("airbus", "asml", "mistral-ai", "siemens", "totalenergies")
                .hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void appleSignedTheWhiteHouseCommitmentsAYearLater() {
        Map<String, Object> signed = position("apple", "SIGNED", "us-white-house-voluntary-ai-commitments");
        assertThat(signed).containsEntry("date", "2024-07-26");
        assertThat(signed.get("sources").toString()).contains("upi-apple-voluntary-commitments");
        assertThat(signed.get("quotes").toString()).contains("Apple has signed onto the voluntary commitments");
        assertThat(count("""
                MATCH (o:Organisation)-[r:SIGNED]->(:Regulation {id: 'us-white-house-voluntary-ai-commitments'})
                WHERE r.date IS NOT NULL RETURN count(DISTINCT o)""")).isEqualTo(16);
    }

    @Test
    void theUsChamberAskedColoradosGovernorToVetoTheAiAct() {
        Map<String, Object> opposed = position("us-chamber-of-commerce", "OPPOSED", "co-ai-act");
        assertThat(opposed).containsEntry("date", "2024-05-07");
        assertThat(opposed.get("quotes").toString()).contains("urges you to veto Senate Bill 205");
        assertThat(rows(
                                "MATCH (s:Source {id: 'uschamber-letter-polis-sb-205'}) RETURN s.source_type AS t, s.url AS u",
                                Map.of())
                        .get(0)
                        .get("t")
                        .asString())
                .isEqualTo("primary");
    }

    private static Map<String, Object> position(String holder, String type, String instrument) {
        List<Record> found = rows(
                "MATCH (:Entity {id: $h})-[r:" + type + "]->(:Regulation {id: $i}) "
                        + "RETURN r {.role, .note, .sources, .locators, .quotes, date: toString(r.date)} AS r",
                Map.of("h", holder, "i", instrument));
        assertThat(found).as(holder + " " + type + " " + instrument).hasSize(1);
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
