package org.policygraph.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/** The analyst's site on the default data: facets, entity pages, the graph, paths, search and the timeline. */
@QuarkusTest
class BrowseTest {

    @Inject
    Driver driver;

    private long count(String cypher) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher).single().get(0).asLong());
        }
    }

    @Test
    void facetCountsMatchTheData() {
        Map<String, Object> json = given().when()
                .get("/api/models")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Integer>> facets = (Map<String, Map<String, Integer>>) json.get("facets");
        assertThat(facets.get("developer").get("openai")).isEqualTo((int)
                count("MATCH (:Organisation {id: 'openai'})-[:DEVELOPS]->(m:Model) RETURN count(DISTINCT m)"));
        assertThat(facets.get("compute").get("0-unknown"))
                .isEqualTo((int) count("MATCH (m:Model) WHERE m.training_compute_flop IS NULL RETURN count(m)"));
        assertThat(((Number) json.get("total")).longValue()).isEqualTo(count("MATCH (m:Model) RETURN count(m)"));
    }

    @Test
    void filteringNarrowsTheListAndTheOtherFacets() {
        long openai = count("MATCH (:Organisation {id: 'openai'})-[:DEVELOPS]->(m:Model) RETURN count(DISTINCT m)");
        given().queryParam("developer", "openai")
                .when()
                .get("/api/models")
                .then()
                .statusCode(200)
                .body("matching", equalTo((int) openai))
                // each facet's counts reflect the other facets' filters: the years add up to the filtered total
                .body(
                        "facets.year.values().sum()",
                        equalTo(
                                (int)
                                        count(
                                                "MATCH (:Organisation {id: 'openai'})-[:DEVELOPS]->(m:Model) WHERE m.released IS NOT NULL RETURN count(DISTINCT m)")));
        String html = given().queryParam("developer", "openai")
                .when()
                .get("/models")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains(openai + " of ")
                .contains("aria-pressed=\"true\"")
                .contains("Clear filters");
    }

    @Test
    void unknownFiltersAndSortsAreRefusedWithTheReason() {
        given().queryParam("colour", "red")
                .when()
                .get("/models")
                .then()
                .statusCode(400)
                .body(containsString("&#39;colour&#39; is not a filter of models; the filters are developer, year"));
        given().queryParam("sort", "height")
                .when()
                .get("/api/models")
                .then()
                .statusCode(400)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                .body(
                        "detail",
                        containsString("The sort parameter must be one of name, released, compute, parameters"));
    }

    @Test
    void sortingByComputePutsTheLargestFirst() {
        List<String> ids = given().queryParam("sort", "compute")
                .when()
                .get("/api/models")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
        String largest = ids.get(0);
        assertThat(count("MATCH (x:Model {id: '" + largest + "'}) MATCH (m:Model) "
                        + "WHERE m.training_compute_flop > x.training_compute_flop RETURN count(m)"))
                .isZero();
        assertThat(count("MATCH (x:Model {id: '" + largest
                        + "'}) WHERE x.training_compute_flop IS NOT NULL RETURN count(x)"))
                .isOne();
    }

    @Test
    void regulationPageShowsItsStructureAndProvisionPagesShowTheirText() {
        given().when()
                .get("/regulations/eu-ai-act")
                .then()
                .statusCode(200)
                .body(containsString("<h2 id=\"structure-heading\">Structure"))
                .body(containsString("href=\"/provisions/eu-ai-act-article-5\""))
                .body(containsString("Annexes"));
        given().when()
                .get("/provisions/eu-ai-act-article-5")
                .then()
                .statusCode(200)
                .body(containsString("data-property=\"text\""))
                .body(containsString("Prohibited AI practices"));
    }

    @Test
    void commentaryClaimsAreShownBesideTheFactsAndFlaggedWhenWrong() {
        String html = given().when()
                .get("/organisations/safe-superintelligence")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains("class=\"claim disagrees\"")
                .contains("data-verdict=\"inaccurate\"")
                .contains("Super Safe Intelligence")
                .contains("Palo Alto")
                .contains("class=\"flag\"");
        given().when()
                .get("/api/organisations/safe-superintelligence")
                .then()
                .statusCode(200)
                .body("claims.findAll { it.disagrees }.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("claims.find { it.verdict == 'inaccurate' }.correction", containsString("Palo Alto"));
    }

    @Test
    void neighbourhoodIsCappedAndGroupedWithALinkToTheFullList() {
        long provisions = count("MATCH (:Regulation {id: 'eu-ai-act'})-[:HAS_PROVISION]->(p) RETURN count(p)");
        given().queryParam("cap", "5")
                .when()
                .get("/api/graph/eu-ai-act")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("centre", equalTo("eu-ai-act"))
                .body(
                        "nodes.find { it.id == 'group:eu-ai-act:HAS_PROVISION:out' }.name",
                        equalTo("+" + (provisions - 5) + " more"))
                .body(
                        "nodes.find { it.id == 'group:eu-ai-act:HAS_PROVISION:out' }.url",
                        equalTo("/provisions?regulation=eu-ai-act"))
                .body(
                        "edges.findAll { it.type == 'HAS_PROVISION' && !it.target.startsWith('group') }.size()",
                        equalTo(5));
        given().when()
                .get("/api/graph/no-such-node")
                .then()
                .statusCode(404)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
    }

    @Test
    void aPathBetweenTwoKnownEntitiesHasTheExpectedHopAndSource() {
        given().queryParam("from", "anthropic")
                .queryParam("to", "ca-sb-53")
                .when()
                .get("/api/paths")
                .then()
                .statusCode(200)
                .body("paths[0].hops.size()", equalTo(1))
                .body("paths[0].hops[0].type", equalTo("ENDORSED"))
                .body("paths[0].hops[0].subject.id", equalTo("anthropic"))
                .body("paths[0].hops[0].sources[0].quote", containsString("Anthropic is endorsing SB 53"));
        String html = given().queryParam("from", "anthropic")
                .queryParam("to", "ca-sb-53")
                .when()
                .get("/paths")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains("How is <a href=\"/organisations/anthropic\">Anthropic</a> related to")
                .contains("endorsed")
                .contains("class=\"quote\"");
    }

    @Test
    void aBusyNodesPageListsTheFirstOfAGroupAndCountsAll() {
        // the busiest node of the default data, by one relationship type and direction
        var busiest = driver.session().executeRead(tx -> tx.run("""
                MATCH (n:Entity)-[r]-() WHERE type(r) <> 'HAS_PROVISION'
                WITH n, type(r) AS type, startNode(r) = n AS outgoing, count(*) AS total
                ORDER BY total DESC, n.id LIMIT 1
                RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, type, outgoing, total
                """).single());
        long total = busiest.get("total").asLong();
        assertThat(total).as("a group bigger than the cap in the default data").isGreaterThan(200);
        String kind = org.policygraph.model.Kind.byLabel(busiest.get("label").asString())
                .orElseThrow()
                .plural();
        String id = busiest.get("id").asString();

        String html = given().when()
                .get("/" + kind + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html).contains("<p class=\"capped\">The first 200 of " + total);
        Map<String, Object> count = given().when()
                .get("/api/" + kind + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("relationshipCounts.find { it.type == '"
                        + busiest.get("type").asString() + "' && it.direction == '"
                        + (busiest.get("outgoing").asBoolean() ? "outgoing" : "incoming") + "' }");
        assertThat(((Number) count.get("total")).longValue()).isEqualTo(total);
        assertThat(count.get("listed")).isEqualTo(200);
    }

    @Test
    void pathsAreOfTheShortestLengthOrOneHopLonger() {
        List<Integer> lengths = given().queryParam("from", "anthropic")
                .queryParam("to", "ca-sb-53")
                .queryParam("max", "4")
                .when()
                .get("/api/paths")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("paths.collect { it.hops.size() }");
        assertThat(lengths)
                .as("hops per path")
                .isNotEmpty()
                .contains(1)
                .allMatch(n -> n <= 2)
                .isSorted();
        given().queryParam("from", "anthropic")
                .queryParam("to", "ca-sb-53")
                .when()
                .get("/paths")
                .then()
                .statusCode(200)
                .body(
                        containsString(
                                "The shortest paths, and those one hop longer, up to 4 hops, through nodes with at most 10,000"));
        given().queryParam("from", "anthropic")
                .queryParam("to", "ca-sb-53")
                .when()
                .get("/api/paths")
                .then()
                .statusCode(200)
                .body("paths[0].busy", org.hamcrest.Matchers.empty());
    }

    @Test
    void aPathThroughABusyNodeIsShownOnlyWhenNoOtherExistsAndSaysSo() {
        // a concept more than 10,000 nodes address, and two nodes joined only through it
        try (var session = driver.session()) {
            session.executeWrite(tx -> tx.run("""
                    CREATE (hub:Entity:Concept {id: 'test-busy-hub', name: 'Test busy hub'})
                    CREATE (:Entity:Concept {id: 'test-busy-a', name: 'Test A'})-[:ADDRESSES]->(hub)
                    CREATE (:Entity:Concept {id: 'test-busy-b', name: 'Test B'})-[:ADDRESSES]->(hub)
                    WITH hub UNWIND range(1, 10000) AS i
                    CREATE (:Entity:Concept {id: 'test-busy-' + i, name: 'Test ' + i})-[:ADDRESSES]->(hub)
                    """).consume());
        }
        try {
            given().queryParam("from", "test-busy-a")
                    .queryParam("to", "test-busy-b")
                    .when()
                    .get("/api/paths")
                    .then()
                    .statusCode(200)
                    .body("paths.size()", equalTo(1))
                    .body(
                            "paths[0].nodes.id",
                            org.hamcrest.Matchers.contains("test-busy-a", "test-busy-hub", "test-busy-b"))
                    .body("paths[0].busy", org.hamcrest.Matchers.contains("Test busy hub"));
            given().queryParam("from", "test-busy-a")
                    .queryParam("to", "test-busy-b")
                    .when()
                    .get("/paths")
                    .then()
                    .statusCode(200)
                    .body(containsString("No path avoids the busy nodes: this one runs through Test busy hub"));
        } finally {
            try (var session = driver.session()) {
                session.executeWrite(
                        tx -> tx.run("MATCH (n:Concept) WHERE n.id STARTS WITH 'test-busy-' DETACH DELETE n")
                                .consume());
            }
        }
    }

    @Test
    void excludingARelationshipTypeFindsAnotherWay() {
        given().queryParam("from", "anthropic")
                .queryParam("to", "ca-sb-53")
                .queryParam("exclude-type", "ENDORSED")
                .when()
                .get("/api/paths")
                .then()
                .statusCode(200)
                .body("paths.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("paths.hops.flatten().type", not(hasItem("ENDORSED")))
                .body("paths.hops.flatten().sources.flatten().size()", org.hamcrest.Matchers.greaterThan(0));
        given().queryParam("from", "anthropic")
                .queryParam("to", "nowhere")
                .when()
                .get("/api/paths")
                .then()
                .statusCode(404)
                .body("detail", equalTo("There is no node with the id 'nowhere' (to)."));
        given().queryParam("from", "anthropic")
                .queryParam("to", "ca-sb-53")
                .queryParam("max", "99")
                .when()
                .get("/api/paths")
                .then()
                .statusCode(400)
                .body("detail", containsString("from 1 to 8"));
    }

    @Test
    void searchFindsByAliasAndWithATypo() {
        given().queryParam("q", "Anthropic PBC")
                .when()
                .get("/api/search")
                .then()
                .statusCode(200)
                .body("[0].id", equalTo("anthropic"));
        // the essay's wrong name for Safe Superintelligence Inc. is no alias: it finds the essay's claim first
        given().queryParam("q", "Super Safe Intelligence")
                .when()
                .get("/api/search")
                .then()
                .statusCode(200)
                .body("[0].kind", equalTo("Claim"));
        given().queryParam("q", "Antropic")
                .when()
                .get("/api/search")
                .then()
                .statusCode(200)
                .body("id", hasItem("anthropic"));
        given().queryParam("q", "anthro")
                .when()
                .get("/api/suggest")
                .then()
                .statusCode(200)
                .body("id", hasItem("anthropic"));
    }

    @Test
    void searchHighlightsTheMatchingTextInProvisions() {
        given().queryParam("q", "subliminal techniques")
                .when()
                .get("/search")
                .then()
                .statusCode(200)
                .body(containsString("data-kind=\"Provision\""))
                .body(containsString("<mark>subliminal</mark>"));
    }

    @Test
    void timelineIsInDateOrderAndFilters() {
        List<String> dates = given().when()
                .get("/api/timeline")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("date");
        assertThat(dates).isNotEmpty().isSorted();
        given().queryParam("jurisdiction", "eu")
                .queryParam("kind", "regulations")
                .when()
                .get("/api/timeline")
                .then()
                .statusCode(200)
                .body("node.kind", everyItem(equalTo("Regulation")))
                .body("node.id", hasItem("eu-ai-act"))
                .body("event", hasItem("entered into force"));
        given().when().get("/timeline").then().statusCode(200).body(containsString("<time datetime=\"2024-08-01\">"));
        given().queryParam("kind", "unicorns").when().get("/timeline").then().statusCode(400);
    }
}
