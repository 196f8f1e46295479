package org.policygraph.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The site's behaviour on the default data, run against the embedded database ({@link PagesTest}) and against an
 * external one ({@link ExternalNeo4jPagesTest}).
 */
abstract class PagesContract {

    @Test
    void frontPageCountsWhatTheGraphHolds() {
        int regulations = given().when()
                .get("/api/stats")
                .then()
                .statusCode(200)
                .extract()
                .path("nodes.Regulation");
        assertThat(regulations).isGreaterThanOrEqualTo(4);
        given().when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("<h1>PolicyGraph</h1>"))
                .body(containsString("data-kind=\"Regulation\">" + regulations + "</span>"))
                .body(containsString("href=\"/regulations\""));
    }

    @Test
    void regulationPageShowsPropertiesGroupedRelationshipsAndSourceQuotes() {
        String html = given().when()
                .get("/regulations/eu-ai-act")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .extract()
                .asString();
        assertThat(html)
                .contains("<h1>")
                .contains("Artificial Intelligence")
                .contains("Regulation (EU) 2024/1689")
                .contains("data-property=\"celex\">32024R1689")
                // grouped relationships, the other end linked
                .contains("<h3>Applies in")
                .contains("href=\"/jurisdictions/eu\"")
                .contains("<h3>Defines")
                .contains("href=\"/risk-tiers/eu-ai-act-gpai-systemic-risk\"")
                // each fact with its source and locator
                .contains("href=\"/sources/eur-lex-ai-act\"")
                .contains("class=\"locator\">Article");
    }

    @Test
    void organisationPageShowsEndorsementWithItsQuote() {
        String html = given().when()
                .get("/organisations/anthropic")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains("<h1>Anthropic</h1>")
                .contains("<h3>Endorsed")
                .contains("href=\"/regulations/ca-sb-53\"")
                .contains("class=\"quote\">");
    }

    @Test
    void indexListsEveryNodeOfAKind() {
        long total =
                ((Number) given().when().get("/api/stats").then().extract().path("nodes.Jurisdiction")).longValue();
        given().when()
                .get("/jurisdictions")
                .then()
                .statusCode(200)
                .body(containsString(total + " jurisdictions"))
                .body(containsString("href=\"/jurisdictions/us-ca\""))
                .body(containsString("href=\"/jurisdictions/eu\""));
    }

    @Test
    void entityJsonHasPropertiesRelationshipsAndSources() {
        given().when()
                .get("/api/regulations/eu-ai-act")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("id", equalTo("eu-ai-act"))
                .body("kind", equalTo("Regulation"))
                .body("url", equalTo("/regulations/eu-ai-act"))
                .body("properties.celex", equalTo("32024R1689"))
                .body("sources.size()", greaterThan(0))
                .body("sources[0].locator", not(equalTo("")))
                .body("relationships.findAll { it.type == 'APPLIES_IN' }.other.id", hasItem("eu"))
                .body("relationships.findAll { it.type == 'APPLIES_IN' }[0].direction", equalTo("outgoing"))
                .body("relationships.findAll { it.type == 'APPLIES_IN' }[0].other.url", equalTo("/jurisdictions/eu"))
                .body(
                        "relationships.findAll { it.type == 'APPLIES_IN' }[0].sources[0].source",
                        equalTo("eur-lex-ai-act"));
    }

    @Test
    void incomingRelationshipsAreShownFromTheOtherSide() {
        given().when()
                .get("/api/regulations/ca-sb-53")
                .then()
                .statusCode(200)
                .body(
                        "relationships.findAll { it.type == 'ENDORSED' && it.direction == 'incoming' }.other.id",
                        hasItem("anthropic"))
                .body(
                        "relationships.findAll { it.type == 'ENDORSED' && it.other.id == 'anthropic' }[0].sentence",
                        containsString("was endorsed by Anthropic"));
    }

    @Test
    void searchFindsByNameAndAliasCaseInsensitively() {
        List<Map<String, Object>> byAlias = given().queryParam("q", "ai act")
                .when()
                .get("/api/search")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(byAlias).extracting(m -> m.get("id")).contains("eu-ai-act");
        assertThat(byAlias.get(0)).containsKeys("id", "kind", "name", "url");
        given().queryParam("q", "ANTHROPIC")
                .when()
                .get("/api/search")
                .then()
                .statusCode(200)
                .body("[0].id", equalTo("anthropic"))
                .body("[0].kind", equalTo("Organisation"))
                .body("[0].url", equalTo("/organisations/anthropic"));
    }

    @Test
    void searchTakesAnyInputWithoutError() {
        for (String q : List.of("\"", "(", "a:b", "[]", "*", "~", "AND", "\\", "title:(x OR", "")) {
            given().queryParam("q", q).when().get("/api/search").then().statusCode(200);
            given().queryParam("q", q).when().get("/search").then().statusCode(200);
        }
    }

    @Test
    void searchPageGroupsResultsByKind() {
        given().queryParam("q", "california")
                .when()
                .get("/search")
                .then()
                .statusCode(200)
                .body(containsString("data-kind=\"Jurisdiction\""))
                .body(containsString("href=\"/jurisdictions/us-ca\""));
    }

    @Test
    void statsCountNodesPerKindAndRelationshipsPerType() {
        Map<String, Object> stats = given().when()
                .get("/api/stats")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        @SuppressWarnings("unchecked")
        Map<String, Integer> nodes = (Map<String, Integer>) stats.get("nodes");
        @SuppressWarnings("unchecked")
        Map<String, Integer> rels = (Map<String, Integer>) stats.get("relationships");
        for (String kind : List.of(
                "Jurisdiction",
                "Regulation",
                "Provision",
                "RiskTier",
                "Obligation",
                "Organisation",
                "Person",
                "Model",
                "Stance",
                "Concept",
                "Source")) {
            assertThat(nodes.get(kind)).as(kind).isPositive();
        }
        for (String type : List.of(
                "APPLIES_IN",
                "PART_OF",
                "HAS_PROVISION",
                "DEFINES",
                "IMPOSES",
                "APPLIES_TO",
                "DEVELOPS",
                "SUBSIDIARY_OF",
                "HEADQUARTERED_IN",
                "LEADS",
                "ENDORSED",
                "HELD_BY",
                "ABOUT",
                "ADDRESSES")) {
            assertThat(rels.get(type)).as(type).isPositive();
        }
    }

    @Test
    void unknownIdGivesA404PageAndAJsonProblem() {
        given().when()
                .get("/regulations/no-such-law")
                .then()
                .statusCode(404)
                .contentType(ContentType.HTML)
                .body(containsString("There is no regulation with the id &#39;no-such-law&#39;."));
        given().when()
                .get("/api/regulations/no-such-law")
                .then()
                .statusCode(404)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("There is no regulation with the id 'no-such-law'."))
                .body("instance", equalTo("/api/regulations/no-such-law"));
    }

    @Test
    void aNodeIsOnlyFoundUnderItsOwnKind() {
        given().when().get("/organisations/eu-ai-act").then().statusCode(404);
    }

    @Test
    void badPageParameterIsA400ThatSaysWhy() {
        given().queryParam("page", "abc")
                .when()
                .get("/models")
                .then()
                .statusCode(400)
                .body(containsString("The page parameter must be a whole number"));
    }

    @Test
    void healthReportsTheDatabase() {
        given().when()
                .get("/q/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Neo4j' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Neo4j' }.data.nodes", greaterThan(0));
    }
}
