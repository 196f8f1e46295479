package org.policygraph.web.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * Words the index leaves out are not required of a match: "adhere to core socialist values" found nothing while
 * "to" was a required word, because no node is indexed under "to".
 */
@QuarkusTest
class SearchStopWordsTest {

    @Inject
    Driver driver;

    @Test
    void theStopWordsAreThoseOfTheIndexAnalyzer() {
        List<String> analyzer;
        try (var session = driver.session()) {
            analyzer = session.executeRead(tx -> tx.run("""
                    CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, stopwords
                    WHERE analyzer = 'standard-folding' RETURN stopwords
                    """).single().get(0).asList(v -> v.asString()));
        }
        assertThat(SearchRepository.STOP_WORDS).containsExactlyInAnyOrderElementsOf(analyzer);
    }

    @Test
    void leavesOutStopWordsUnlessTheQueryHasNothingElse() {
        assertThat(SearchRepository.luceneQuery("adhere to the core"))
                .contains("(adhere^3 OR adhere* OR adhere~1) AND (core^3 OR core* OR core~1)");
        assertThat(SearchRepository.luceneQuery("the")).contains("(the^3 OR the*)");
        assertThat(SearchRepository.luceneQuery("!?")).isEmpty();
    }

    @Test
    void findsAPhraseWithStopWordsAndAnExactOtherNameAmongManyMentions() {
        given().queryParam("q", "Interim Measures for the Management of Generative AI Services")
                .when()
                .get("/api/search")
                .then()
                .statusCode(200)
                .body("[0].id", org.hamcrest.Matchers.equalTo("cn-generative-ai-measures"));
        // dozens of provisions, claims and sources mention SB 53; the bill itself, whose other name it is, comes first
        given().queryParam("q", "SB 53")
                .queryParam("limit", 5)
                .when()
                .get("/api/search")
                .then()
                .statusCode(200)
                .body("[0].id", org.hamcrest.Matchers.equalTo("ca-sb-53"))
                .body("size()", org.hamcrest.Matchers.equalTo(5));
    }
}
