package org.policygraph.web.instrument;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * The site at the breadth of AGORA and LegiScan, on the default data: regulation facets counted in Cypher,
 * each source's dated status on an instrument's page, a jurisdiction's instruments by status, the timeline by
 * jurisdiction and instrument type, search by the names people type, and the licences.
 */
@QuarkusTest
class InstrumentsBrowseTest {

    @Inject
    Driver driver;

    private long count(String cypher) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher).single().get(0).asLong());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Integer>> facets(String query) {
        return (Map<String, Map<String, Integer>>) given().when()
                .get("/api/regulations" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$")
                .get("facets");
    }

    @Test
    void regulationFacetsCountWhatTheGraphHolds() {
        Map<String, Map<String, Integer>> facets = facets("");
        assertThat(facets).containsKeys("jurisdiction", "type", "binding", "status", "year", "authority", "theme");
        assertThat(facets.get("jurisdiction").get("us-ca")).isEqualTo((int)
                count("MATCH (r:Regulation)-[:APPLIES_IN]->()-[:PART_OF*0..3]->(:Jurisdiction {id: 'us-ca'}) "
                        + "RETURN count(DISTINCT r)"));
        assertThat(facets.get("jurisdiction").get("us"))
                .as("a country counts its states' instruments too")
                .isEqualTo((int) count("MATCH (r:Regulation)-[:APPLIES_IN]->()-[:PART_OF*0..3]->(:Jurisdiction "
                        + "{id: 'us'}) RETURN count(DISTINCT r)"))
                .isGreaterThan(facets.get("jurisdiction").get("us-ca"));
        assertThat(facets.get("type").get("corporate-framework"))
                .isEqualTo((int) count("MATCH (r:Regulation {instrument_type: 'corporate-framework'}) RETURN count(r)"))
                .isPositive();
        assertThat(facets.get("binding").get("true"))
                .isEqualTo((int) count("MATCH (r:Regulation {binding: true}) RETURN count(r)"));
        assertThat(facets.get("status").get("enacted"))
                .isEqualTo((int) count("MATCH (r:Regulation {status: 'enacted'}) RETURN count(r)"));
        assertThat(facets.get("authority").get("united-states-congress"))
                .isEqualTo(
                        (int)
                                count(
                                        "MATCH (r:Regulation)-[:ISSUED_BY]->(:Organisation {id: 'united-states-congress'}) RETURN count(r)"))
                .isGreaterThan(500);
        assertThat(facets.get("theme").get("strategies-tiering-tiering-based-on-inputs"))
                .isEqualTo((int) count(
                        "MATCH (r:Regulation)-[:ADDRESSES]->(:Concept {id: 'strategies-tiering-tiering-based-on-inputs'}) "
                                + "RETURN count(r)"))
                .isPositive();
        assertThat(facets.get("year").get("2024")).isPositive();
    }

    @Test
    void filtersNarrowTheListAndTheOtherFacetsInCypher() {
        long statutes = count("MATCH (r:Regulation {instrument_type: 'statute'})-[:APPLIES_IN]->()-[:PART_OF*0..3]->"
                + "(:Jurisdiction {id: 'us-ca'}) RETURN count(DISTINCT r)");
        given().queryParam("jurisdiction", "us-ca")
                .queryParam("type", "statute")
                .when()
                .get("/api/regulations")
                .then()
                .statusCode(200)
                .body("matching", equalTo((int) statutes));
        Map<String, Map<String, Integer>> facets = facets("?jurisdiction=us-ca&type=statute");
        assertThat(facets.get("status").values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .as("the status counts add up to what the other filters leave")
                .isEqualTo((int) statutes);
        assertThat(facets.get("type").get("bill"))
                .as("a facet's own filter does not narrow it")
                .isEqualTo(
                        (int) count("MATCH (r:Regulation {instrument_type: 'bill'})-[:APPLIES_IN]->()-[:PART_OF*0..3]->"
                                + "(:Jurisdiction {id: 'us-ca'}) RETURN count(DISTINCT r)"));
        String html = given().queryParam("jurisdiction", "us-ca")
                .queryParam("page", "2")
                .when()
                .get("/regulations")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html).contains("aria-pressed=\"true\"");
    }

    @Test
    void sb53sPageShowsTheEnactedStatusAsCurrentAndAgorasProposedAsSuperseded() {
        String html = given().when()
                .get("/regulations/ca-sb-53")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html).contains("Status, as each source states it");
        assertThat(html).containsPattern("data-status=\"enacted\" data-date=\"2025-09-29\" data-state=\"current\"");
        assertThat(html).containsPattern("data-status=\"proposed\" data-date=\"2025-01-07\" data-state=\"superseded\"");
        assertThat(html).contains("agora: documents.csv AGORA id 2041");
        assertThat(html).contains("legiscan-ca-ai-bills: aiBills.json $[&#39;2025-2026&#39;][&#39;SB53&#39;].status");
    }

    @Test
    void twoSourcesGivingDifferentStatusesOnOneDateAreFlagged() {
        List<Object[]> rows = List.of(
                new Object[] {"a", "enacted", "2024-09-29", null, List.of("agora: row 1")},
                new Object[] {"b", "vetoed", "2024-09-29", null, List.of("legiscan-ca-ai-bills: x")},
                new Object[] {"c", "proposed", "2024-02-07", null, List.of("agora: row 1")});
        List<StatusRepository.Claim> claims = StatusRepository.mark(rows);
        assertThat(claims)
                .extracting(c -> c.state() + " " + c.conflict())
                .containsExactly("current true", "current true", "superseded false");
    }

    @Test
    void aJurisdictionsPageListsItsInstrumentsByStatus() {
        String html = given().when()
                .get("/jurisdictions/us-ca")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains("Instruments by status")
                .contains("data-status=\"enacted\"")
                .contains("href=\"/regulations/ca-sb-1047\"");
        given().when()
                .get("/jurisdictions/us-ny-new-york-city")
                .then()
                .statusCode(200)
                .body(containsString("href=\"/regulations/nyc-local-law-144\""));
    }

    @Test
    void timelineFiltersByJurisdictionAndInstrumentType() {
        given().queryParam("jurisdiction", "us-ca")
                .queryParam("type", "bill")
                .when()
                .get("/api/timeline")
                .then()
                .statusCode(200)
                .body("type", everyItem(equalTo("bill")))
                .body("places.flatten()", hasItem("us-ca"))
                // a LegiScan bill (SB 1047 is no longer here: its curated record makes it a statute that was vetoed)
                .body("node.id", hasItem("ca-sb-1018-2021-2022"))
                .body("event", hasItem("vetoed"));
        given().queryParam("type", "corporate-framework")
                .when()
                .get("/timeline")
                .then()
                .statusCode(200)
                .body(containsString("data-facet=\"type\""))
                .body(containsString("/regulations/anthropic-responsible-scaling-policy"));
    }

    @Test
    void searchFindsInstrumentsByTheNamesPeopleType() {
        Map<String, String> expected = Map.of(
                "Colorado AI Act", "co-ai-act",
                "Bletchley Declaration", "bletchley-declaration",
                "Local Law 144", "nyc-local-law-144",
                "RAISE Act", "ny-raise-act");
        expected.forEach((q, id) -> {
            List<Map<String, Object>> hits = given().queryParam("q", q)
                    .when()
                    .get("/api/search")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("$");
            List<Map<String, Object>> regulations = hits.stream()
                    .filter(h -> "Regulation".equals(h.get("kind")))
                    .toList();
            assertThat(regulations).as("regulations found for %s", q).isNotEmpty();
            assertThat(regulations.get(0).get("id"))
                    .as("the first regulation for %s", q)
                    .isEqualTo(id);
        });
    }

    @Test
    void aboutAndExportsCarryTheAgoraAndLegiScanTerms() {
        given().when()
                .get("/about")
                .then()
                .statusCode(200)
                .body(containsString("Emerging Technology Observatory AGORA dataset"))
                .body(containsString("agora/LICENSE.md"))
                .body(containsString("ca-ai-bills-legiscan/LICENSE.md"))
                .body(containsString("CC BY 4.0; credit LegiScan"));
        given().when()
                .get("/api/export?format=json&root=ca-sb-53")
                .then()
                .statusCode(200)
                .body(containsString("Emerging Technology Observatory AGORA dataset"))
                .body(containsString("LegiScan"));
    }

    @Test
    void theQualityPageListsLikelyDuplicatesAndNoUnsourcedFacts() {
        given().when()
                .get("/api/quality")
                .then()
                .statusCode(200)
                .body("unsourcedFacts.count", equalTo(0))
                .body("likelyDuplicates.count", org.hamcrest.Matchers.greaterThan(0));
        given().when().get("/quality").then().statusCode(200).body(containsString("Likely duplicate instruments"));
    }
}
