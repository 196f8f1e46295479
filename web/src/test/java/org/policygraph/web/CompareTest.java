package org.policygraph.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/** Comparisons and computed applicability on the real default data: specific cells, downloads, what-if. */
@QuarkusTest
class CompareTest {

    static final String EU_SYSTEMIC = "eu-ai-act-gpai-systemic-risk";

    @Inject
    Driver driver;

    private JsonPath json(String path) {
        return given().when().get(path).then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cell(JsonPath c, String row, String column) {
        List<Map<String, Object>> rows = c.getList("rows");
        Map<String, Object> r =
                rows.stream().filter(x -> row.equals(x.get("key"))).findFirst().orElseThrow();
        return (List<Map<String, Object>>) ((Map<String, Object>) r.get("cells")).getOrDefault(column, List.of());
    }

    @Test
    void sb53IncidentReportingHasItsDeadlineRecipientAndSection() {
        JsonPath c = json("/api/compare/regulations?ids=eu-ai-act,ca-sb-53,cn-generative-ai-measures");
        List<Map<String, Object>> sb53 = cell(c, "incident-reporting", "ca-sb-53");
        assertThat(sb53).anySatisfy(e -> {
            assertThat((String) e.get("detail")).contains("within 15 days").contains("Office of Emergency Services");
            assertThat(((Map<?, ?>) e.get("provision")).get("id")).isEqualTo("ca-sb-53-bpc-22757-13");
        });
        assertThat(sb53).anySatisfy(e -> assertThat((String) e.get("detail")).contains("24 hours"));
        // China's measures have no incident-reporting provision in the data: the page says so rather than nothing
        assertThat(cell(c, "incident-reporting", "cn-generative-ai-measures")).isEmpty();
        given().when()
                .get("/compare/regulations?ids=eu-ai-act,ca-sb-53,cn-generative-ai-measures")
                .then()
                .statusCode(200)
                .body(containsString("No provision found"))
                .body(containsString("href=\"/provisions/ca-sb-53-bpc-22757-13\""));
    }

    @Test
    void labellingIsRequiredInChinaAndTheEuButNotBySb53() {
        JsonPath c = json("/api/compare/regulations?ids=eu-ai-act,ca-sb-53,cn-ai-labelling-measures");
        assertThat(cell(c, "labelling", "cn-ai-labelling-measures")).isNotEmpty();
        assertThat(cell(c, "labelling", "eu-ai-act"))
                .anySatisfy(e ->
                        assertThat(((Map<?, ?>) e.get("provision")).get("id")).isEqualTo("eu-ai-act-article-50"));
        assertThat(cell(c, "labelling", "ca-sb-53")).isEmpty();
    }

    @Test
    void whichLabsEndorsedWhichLaw() {
        JsonPath c = json("/api/compare/organisations?ids=anthropic,openai,meta");
        assertThat(cell(c, "positions", "anthropic")).anySatisfy(e -> {
            assertThat((String) e.get("text")).startsWith("Endorsed ");
            assertThat(((Map<?, ?>) e.get("ref")).get("id")).isEqualTo("ca-sb-53");
            assertThat(e.get("sources").toString()).contains("Anthropic is endorsing SB 53");
        });
        // OpenAI's positions are dated and sourced: it opposed SB 1047 (its letter of 2024-08-21)
        assertThat(cell(c, "positions", "openai")).anySatisfy(e -> {
            assertThat((String) e.get("text")).startsWith("Opposed ");
            assertThat(((Map<?, ?>) e.get("ref")).get("id")).isEqualTo("ca-sb-1047");
            assertThat((String) e.get("detail")).isEqualTo("on 2024-08-21");
        });
        assertThat(cell(c, "fmti", "openai"))
                .singleElement()
                .satisfies(e -> assertThat(e.get("text")).isEqualTo("35 / 100"));
    }

    @Test
    void saysSignsDoesAndMustSideBySide() {
        JsonPath c = json("/api/compare/organisations?ids=openai,meta");
        // signs: Meta declined the GPAI Code of Practice, dated and sourced
        assertThat(cell(c, "signatures", "meta")).anySatisfy(e -> {
            assertThat((String) e.get("text")).isEqualTo("Declined to sign " + ((Map<?, ?>) e.get("ref")).get("name"));
            assertThat(((Map<?, ?>) e.get("ref")).get("id")).isEqualTo("eu-gpai-code-of-practice");
            assertThat((String) e.get("detail")).startsWith("on 2025-07-18");
            assertThat((List<?>) e.get("sources")).isNotEmpty();
        });
        // does: OpenAI in the AI Incident Database, with its latest incident
        assertThat(cell(c, "incidents", "openai")).anySatisfy(e -> {
            assertThat((String) e.get("text"))
                    .matches("Alleged developer in \\d{3,} incidents \\(AI Incident Database\\)");
            assertThat((String) e.get("detail")).startsWith("latest: ");
            assertThat(((Map<?, ?>) e.get("ref")).get("kind")).isEqualTo("Incident");
            assertThat(e.get("sources").toString()).contains("ai-incident-database");
        });
        // must: what reaches it, beside what it says
        assertThat(cell(c, "reach", "openai")).isNotEmpty();
        assertThat(c.getList("rows.key")).containsSubsequence("positions", "signatures", "fmti", "incidents", "reach");
    }

    @Test
    void modelsAboveAndBelowTheEuPresumptionAndUnknownWithoutAnEstimate() {
        String unknown = unknownComputeLanguageModel();
        JsonPath c = json("/api/compare/models?ids=gpt-4,llama-2-70b," + unknown);
        assertThat(cell(c, "tier:" + EU_SYSTEMIC, "gpt-4")).singleElement().satisfies(e -> {
            assertThat(e.get("text")).isEqualTo("Falls under");
            assertThat((String) e.get("detail"))
                    .contains("2.1e25 FLOP")
                    .contains("more than the 1e25 FLOP threshold")
                    .contains("Article 51");
        });
        assertThat(cell(c, "tier:" + EU_SYSTEMIC, "llama-2-70b"))
                .singleElement()
                .satisfies(e -> assertThat(e.get("text")).isEqualTo("Does not fall under"));
        assertThat(cell(c, "tier:" + EU_SYSTEMIC, unknown)).singleElement().satisfies(e -> {
            assertThat(e.get("text")).isEqualTo("Unknown");
            assertThat((String) e.get("detail")).contains("No training-compute estimate is recorded");
        });
        // the same facts are stored by ingest as FALLS_UNDER with reasons and sources
        try (var session = driver.session()) {
            var r = session.executeRead(
                    tx -> tx.run("""
                    MATCH (:Model {id: 'gpt-4'})-[f:FALLS_UNDER]->(:RiskTier {id: $tier})
                    RETURN f.status AS status, f.value AS value, f.threshold AS threshold, f.sources AS sources, f.reason AS reason
                    """, Map.of("tier", EU_SYSTEMIC)).single());
            assertThat(r.get("status").asString()).isEqualTo("in");
            assertThat(r.get("value").asDouble()).isEqualTo(2.1e25);
            assertThat(r.get("threshold").asDouble()).isEqualTo(1e25);
            assertThat(r.get("sources").asList()).contains("epoch-ai-models", "eur-lex-ai-act");
            long below = session.executeRead(tx -> tx.run(
                            "MATCH (:Model {id: 'llama-2-70b'})-[f:FALLS_UNDER]->(:RiskTier {id: $tier}) "
                                    + "RETURN count(f) AS n",
                            Map.of("tier", EU_SYSTEMIC))
                    .single()
                    .get("n")
                    .asLong());
            assertThat(below).isZero();
            String status = session.executeRead(tx -> tx.run(
                            "MATCH (:Model {id: $id})-[f:FALLS_UNDER]->(:RiskTier {id: $tier}) "
                                    + "RETURN f.status AS s",
                            Map.of("id", unknown, "tier", EU_SYSTEMIC))
                    .single()
                    .get("s")
                    .asString());
            assertThat(status).isEqualTo("unknown");
        }
    }

    @Test
    void regulationPagesSayWhoTheyReach() {
        given().when()
                .get("/regulations/eu-ai-act")
                .then()
                .statusCode(200)
                .body(containsString("Who this reaches"))
                .body(containsString("data-tier=\"" + EU_SYSTEMIC + "\""))
                .body(containsString("href=\"/models/gpt-4\""));
        given().when()
                .get("/regulations/ca-sb-53")
                .then()
                .statusCode(200)
                .body(containsString("data-tier=\"ca-sb-53-large-frontier-developer\""))
                .body(containsString("its annual revenue is not in the data"));
    }

    @Test
    void whatIfAThresholdMovedShowsWhoMovesInOrOut() {
        JsonPath c = json("/api/compare/models?ids=gpt-4,llama-2-70b&threshold=" + EU_SYSTEMIC + ":3e25");
        assertThat(cell(c, "tier:" + EU_SYSTEMIC, "gpt-4"))
                .singleElement()
                .satisfies(e -> assertThat(e.get("text")).isEqualTo("Does not fall under (would move out)"));
        given().queryParam("tier", EU_SYSTEMIC)
                .queryParam("threshold", "5e23")
                .when()
                .get("/api/compare/threshold")
                .then()
                .statusCode(200)
                .body("movingIn.model.id", hasItem("llama-2-70b"))
                .body("movingOut.size()", equalTo(0))
                .body("stated", equalTo(1.0e25f));
        given().queryParam("threshold", EU_SYSTEMIC + ":lots")
                .when()
                .get("/api/compare/models")
                .then()
                .statusCode(400)
                .body("detail", containsString("must be a positive number of FLOP"));
        given().queryParam("ids", "gpt-4,no-such-model")
                .when()
                .get("/api/compare/models")
                .then()
                .statusCode(404)
                .body("detail", containsString("'no-such-model'"));
    }

    @Test
    void csvAndJsonDownloadsParseAndMatchThePage() throws IOException {
        String query = "ids=openai,anthropic,meta";
        String csv = given().when()
                .get("/api/compare/organisations?" + query + "&format=csv")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .header("Content-Disposition", containsString("attachment"))
                .extract()
                .asString();
        JsonPath json = json("/api/compare/organisations?" + query);
        String html = given().when()
                .get("/compare/organisations?" + query)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Map<String, List<String>> fromCsv = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(
                new StringReader(csv), CSVFormat.RFC4180.builder().setHeader().get())) {
            for (CSVRecord r : parser) {
                fromCsv.computeIfAbsent(r.get("row") + "|" + r.get("column_id"), k -> new ArrayList<>())
                        .add(r.get("entry"));
            }
        }
        List<Map<String, Object>> rows = json.getList("rows");
        int cells = 0;
        for (Map<String, Object> row : rows) {
            for (String column : List.of("openai", "anthropic", "meta")) {
                List<Map<String, Object>> entries = cell(json, (String) row.get("key"), column);
                List<String> expected = entries.isEmpty()
                        ? List.of("Not recorded")
                        : entries.stream().map(e -> (String) e.get("text")).toList();
                assertThat(fromCsv.get(row.get("key") + "|" + column))
                        .as(row.get("key") + " " + column)
                        .isEqualTo(expected);
                for (String text : expected) {
                    assertThat(html)
                            .contains(text.replace("&", "&amp;")
                                    .replace("'", "&#39;")
                                    .replace("\"", "&quot;"));
                }
                cells++;
            }
        }
        assertThat(cells).isEqualTo(rows.size() * 3);
        assertThat(html).contains("href=\"/api/compare/organisations?" + query + "&amp;format=csv\"");
    }

    @Test
    void defaultsAreTheEssaysJurisdictionsAndLabs() {
        assertThat(json("/api/compare/regulations").getList("columns.id"))
                .containsExactly("eu-ai-act", "ca-sb-53", "cn-generative-ai-measures");
        assertThat(json("/api/compare/organisations").getList("columns.id")).contains("openai", "anthropic", "meta");
    }

    private String unknownComputeLanguageModel() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (m:Model) WHERE m.training_compute_flop IS NULL AND m.domain CONTAINS 'Language'
                    RETURN m.id AS id ORDER BY m.id LIMIT 1
                    """).single().get("id").asString());
        }
    }
}
