package org.policygraph.web.cypher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The console on the embedded database with the default data: the API, CSV, the page, saved queries, errors. */
@QuarkusTest
class CypherConsoleTest {

    @jakarta.inject.Inject
    ConsoleDatabase console;

    @org.junit.jupiter.api.BeforeEach
    void theConsolesDatabaseIsUp() {
        org.assertj.core.api.Assertions.assertThat(console.awaitReady(java.time.Duration.ofMinutes(4)))
                .isTrue();
    }

    private static Map<String, Object> body(String query, Map<String, Object> parameters) {
        return Map.of("query", query, "parameters", parameters);
    }

    @Test
    void runsAReadQueryAndAnswersColumnsRowsTruncatedAndElapsedTime() {
        given().contentType(ContentType.JSON)
                .body(body(
                        "MATCH (r:Regulation)-[:APPLIES_IN]->(j:Jurisdiction {id: $j}) RETURN r.id AS id, j.name AS where ORDER BY id",
                        Map.of("j", "eu")))
                .when()
                .post("/api/cypher")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("columns", contains("id", "where"))
                .body("rows.collect { it[0] }", hasItem("eu-ai-act"))
                .body("rows[0][1]", equalTo("European Union"))
                .body("truncated", equalTo(false))
                .body("elapsedMs", not(equalTo(null)));
    }

    @Test
    void namesNodesAndRelationshipsByBusinessIdsNeverElementIds() {
        String json = given().contentType(ContentType.JSON)
                .body(body(
                        "MATCH (o:Organisation {id: 'anthropic'})-[e:ENDORSED]->(r:Regulation {id: 'ca-sb-53'}) RETURN o, e, r",
                        Map.of()))
                .when()
                .post("/api/cypher")
                .then()
                .statusCode(200)
                .body("rows[0][0].$type", equalTo("node"))
                .body("rows[0][0].id", equalTo("anthropic"))
                .body("rows[0][0].labels", hasItem("Organisation"))
                .body("rows[0][0].properties.name", equalTo("Anthropic"))
                .body("rows[0][1].$type", equalTo("relationship"))
                .body("rows[0][1].type", equalTo("ENDORSED"))
                .body("rows[0][1].start", equalTo("anthropic"))
                .body("rows[0][1].end", equalTo("ca-sb-53"))
                .extract()
                .asString();
        assertThat(json)
                .doesNotContain("elementId")
                .doesNotContain(":ca-sb-53\"")
                .doesNotContainPattern("\\d+:[0-9a-f-]{36}:\\d+");
    }

    @Test
    void relationshipsReturnedWithoutTheirNodesStillNameTheirEnds() {
        given().contentType(ContentType.JSON)
                .body(body(
                        "MATCH (:Organisation {id: 'anthropic'})-[e:ENDORSED]->(:Regulation {id: 'ca-sb-53'}) RETURN e",
                        Map.of()))
                .when()
                .post("/api/cypher")
                .then()
                .statusCode(200)
                .body("rows[0][0].start", equalTo("anthropic"))
                .body("rows[0][0].end", equalTo("ca-sb-53"));
    }

    @Test
    void answersCsvWhenAskedFor() throws IOException {
        String csv = given().contentType(ContentType.JSON)
                .accept("text/csv")
                .body(body(
                        "MATCH (m:Model) WHERE m.training_compute_flop >= 1e25 RETURN m.id AS id, "
                                + "m.training_compute_flop AS flop, ['a', 'b'] AS list ORDER BY flop DESC",
                        Map.of()))
                .when()
                .post("/api/cypher")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        assertThat(records).isNotEmpty();
        assertThat(records.get(0).toMap()).containsOnlyKeys("id", "flop", "list");
        assertThat(Double.parseDouble(records.get(0).get("flop"))).isGreaterThanOrEqualTo(1e25);
        assertThat(records.get(0).get("list")).isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void everySavedQueryIsListedAndReturnsRows() {
        List<Map<String, Object>> saved = given().when()
                .get("/api/cypher/saved")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(saved)
                .extracting(q -> q.get("id"))
                .contains(
                        "endorsements",
                        "obligations-by-category",
                        "incident-reporting-deadlines",
                        "models-above-compute-threshold",
                        "essay-claims-against-primary-sources");
        for (Map<String, Object> q : saved) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> params = (List<Map<String, Object>>) q.get("parameters");
            Map<String, Object> values = new java.util.LinkedHashMap<>();
            params.forEach(p -> values.put((String) p.get("name"), p.get("defaultValue")));
            int rows = given().contentType(ContentType.JSON)
                    .body(body((String) q.get("query"), values))
                    .when()
                    .post("/api/cypher")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("rows")
                    .size();
            assertThat(rows).as("rows of saved query " + q.get("id")).isPositive();
            String page = given().when()
                    .get((String) q.get("url"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(page)
                    .as(q.get("id") + " page")
                    .contains("data-rows=\"" + rows + "\"")
                    .contains("<li class=\"current\"><a href=\"/cypher?saved=" + q.get("id"));
        }
    }

    @Test
    void savedQueryPermalinksTakeTheirParametersFromTheUrl() {
        String all = given().when()
                .get("/cypher?saved=models-above-compute-threshold")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String fewer = given().when()
                .get("/cypher?saved=models-above-compute-threshold&param.threshold=5e25")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(rows(fewer)).isPositive().isLessThan(rows(all));
        assertThat(fewer)
                .contains("value=\"5.0E25\"")
                .contains("href=\"/organisations/openai\"")
                .contains(
                        "/api/export?format=graphml&amp;query=models-above-compute-threshold&amp;param.threshold=5.0E25");
        given().when()
                .get("/cypher?saved=models-above-compute-threshold&param.threshold=lots")
                .then()
                .statusCode(400)
                .body(containsString("The parameter threshold must be a number, not &#39;lots&#39;."));
        given().when().get("/cypher?saved=no-such-query").then().statusCode(404);
    }

    private static int rows(String page) {
        var m = java.util.regex.Pattern.compile("data-rows=\"(\\d+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void thePageRunsAQueryWithoutJavaScriptAndDrawsNodesWithIt() {
        String html = given().contentType(ContentType.URLENC)
                .formParam(
                        "query",
                        "MATCH (o:Organisation {id: 'anthropic'})-[e:ENDORSED]->(r) RETURN o.name AS who, e, r")
                .formParam("parameters", "{}")
                .when()
                .post("/cypher")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .extract()
                .asString();
        assertThat(html)
                .contains("<th scope=\"col\">who</th>")
                .contains("<td class=\"cell-text\">Anthropic</td>")
                .contains("<td class=\"cell-node\"><a href=\"/regulations/ca-sb-53\">")
                .contains("<td class=\"cell-relationship\">:ENDORSED</td>")
                .contains("id=\"cypher-graph\"")
                .contains("data-graph=\"{&quot;nodes&quot;:[{&quot;id&quot;:&quot;anthropic&quot;")
                .contains("class=\"permalink\" href=\"/cypher?query=MATCH");
        String permalink = html.replaceAll("(?s).*class=\"permalink\" href=\"([^\"]+)\".*", "$1")
                .replace("&amp;", "&");
        given().urlEncodingEnabled(false)
                .when()
                .get(permalink)
                .then()
                .statusCode(200)
                .body(containsString("<td class=\"cell-text\">Anthropic</td>"));
    }

    @Test
    void syntaxErrorsGiveTheLineAndColumnInTheQuery() {
        given().contentType(ContentType.JSON)
                .body(body("MATCH (n)\nWHERE n.name = \nRETURN n", Map.of()))
                .when()
                .post("/api/cypher")
                .then()
                .statusCode(400)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                .body("title", equalTo("Query error"))
                .body("line", equalTo(3))
                .body("column", equalTo(8))
                .body("detail", containsString("(line 3, column 8)"));
        given().contentType(ContentType.JSON)
                .body(body("MATCH (n RETURN n", Map.of()))
                .when()
                .post("/api/cypher")
                .then()
                .statusCode(400)
                .body("line", equalTo(1))
                .body("column", equalTo(10));
        String html = given().contentType(ContentType.URLENC)
                .formParam("query", "MATCH (n)\nRETURN n.name AS\nLIMIT 1")
                .formParam("parameters", "{}")
                .when()
                .post("/cypher")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(html)
                .contains("class=\"console-error\"")
                .containsPattern("\\(line \\d, column \\d+\\)")
                .contains("<pre class=\"error-at\">");
    }

    @Test
    void badParametersAreExplained() {
        given().contentType(ContentType.URLENC)
                .formParam("query", "RETURN $x")
                .formParam("parameters", "{\"x\": ")
                .when()
                .post("/cypher")
                .then()
                .statusCode(400)
                .body(containsString("The parameters must be a JSON object"));
        given().contentType(ContentType.JSON)
                .body(body("RETURN $x AS x", Map.of()))
                .when()
                .post("/api/cypher")
                .then()
                .statusCode(400)
                .body("detail", containsString("Expected parameter(s): x"));
    }

    @Test
    void theConsolePageListsTheSavedQueriesWithDescriptions() {
        given().when()
                .get("/cypher")
                .then()
                .statusCode(200)
                .body(containsString("<textarea id=\"query\" name=\"query\""))
                .body(containsString("href=\"/cypher?saved=incident-reporting-deadlines\""))
                .body(containsString("Incident reporting across jurisdictions"))
                .body(containsString("href=\"/api/export?format=graphml\""));
    }

    @Test
    void entityPagesLinkToExportsOfTheirNeighbourhood() {
        given().when()
                .get("/organisations/anthropic")
                .then()
                .statusCode(200)
                .body(containsString("href=\"/api/export?format=cypher&amp;root=anthropic\""))
                .body(containsString("href=\"/api/export?format=graphml&amp;root=anthropic\""));
    }

    @Test
    void aQueryWithManyRowsIsTruncatedAtTheCap() {
        given().contentType(ContentType.JSON)
                .body(body("UNWIND range(1, 5000) AS i RETURN i", Map.of()))
                .when()
                .post("/api/cypher")
                .then()
                .statusCode(200)
                .body("rows.size()", equalTo(1000))
                .body("truncated", equalTo(true));
        given().contentType(ContentType.JSON)
                .body(body("RETURN range(1, toInteger(10^8)) AS huge", Map.of()))
                .when()
                .post("/api/cypher")
                .then()
                .statusCode(200)
                .body("rows[0][0].size()", equalTo(10000))
                .body("truncated", equalTo(true));
        given().contentType(ContentType.JSON)
                .body(body("RETURN [range(1, toInteger(10^7)), [1, 2]] AS nested, 'x' AS x", Map.of()))
                .when()
                .post("/api/cypher")
                .then()
                .statusCode(200)
                .body("rows[0][0][0].size()", equalTo(10000))
                .body("rows[0][0][1].size()", equalTo(2))
                .body("truncated", equalTo(true));
        given().contentType(ContentType.JSON)
                .body(body("UNWIND range(1, 10) AS i RETURN i", Map.of()))
                .when()
                .post("/api/cypher")
                .then()
                .statusCode(200)
                .body("rows.size()", greaterThan(9))
                .body("truncated", equalTo(false));
    }
}
