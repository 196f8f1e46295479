package org.policygraph.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * The EU AI Act was amended by Regulation (EU) 2026/1744, whose text PolicyGraph does not have but whose changed
 * dates it records from secondary sources: the pages of the Act and of its provisions, risk tiers and obligations say
 * so, and pages of law that is not amended do not.
 */
@QuarkusTest
class AmendmentNoticeTest {

    static final String TAIL = "the text here is that of the 2024 publication, but the dates of application include "
            + "the changes it made, recorded from secondary sources (its own text is not in PolicyGraph's data); the "
            + "dates it replaced are kept, marked superseded.</p>";
    static final String BY = "amended by <a href=\"/regulations/eu-ai-act-omnibus\">Digital Omnibus on AI</a> "
            + "(Regulation (EU) 2026/1744) on 8 July 2026; ";

    @Inject
    Driver driver;

    private List<String> ids(String cypher) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher).list(r -> r.get(0).asString()));
        }
    }

    private String page(String path) {
        return given().when().get(path).then().statusCode(200).extract().asString();
    }

    @Test
    void theAmendedRegulationSaysItWasAmendedByWhomAndWhen() {
        assertThat(page("/regulations/eu-ai-act"))
                .contains("<p class=\"notice amended\" role=\"note\" " + "data-amended-by=\"eu-ai-act-omnibus\">A"
                        + BY.substring(1) + TAIL);
    }

    @Test
    void itsProvisionsRiskTiersAndObligationsSayTheRegulationTheyBelongToWasAmended() {
        List<String> pages = new ArrayList<>();
        for (String provision :
                List.of("eu-ai-act-recital-1", "eu-ai-act-article-5", "eu-ai-act-article-113", "eu-ai-act-annex-iii")) {
            pages.add("/provisions/" + provision);
        }
        ids("MATCH (:Regulation {id: 'eu-ai-act'})-[:DEFINES]->(t:RiskTier) RETURN t.id")
                .forEach(t -> pages.add("/risk-tiers/" + t));
        ids("""
                MATCH (o:Obligation) WHERE (o)-[:APPLIES_TO]->(:RiskTier)<-[:DEFINES]-(:Regulation {id: 'eu-ai-act'})
                   OR (o)<-[:IMPOSES]-(:Provision)<-[:HAS_PROVISION]-(:Regulation {id: 'eu-ai-act'})
                   OR (o)<-[:IMPOSES]-(:Regulation {id: 'eu-ai-act'})
                RETURN o.id
                """).forEach(o -> pages.add("/obligations/" + o));
        assertThat(pages)
                .hasSizeGreaterThan(4 + 6 + 20)
                .contains(
                        "/risk-tiers/eu-ai-act-high-risk",
                        "/obligations/eu-ai-act-gpai-copyright-policy",
                        "/obligations/eu-ai-act-penalties");
        for (String path : pages) {
            String kind = switch (path.split("/")[1]) {
                case "provisions" -> "provision";
                case "risk-tiers" -> "risk tier";
                default -> "obligation";
            };
            assertThat(page(path))
                    .as(path)
                    .contains("This " + kind + " is part of <a href=\"/regulations/eu-ai-act\">"
                            + "EU Artificial Intelligence Act</a>, which was " + BY + TAIL);
        }
    }

    @Test
    void lawThatIsNotAmendedAndTheAmendingActItselfShowNoNotice() {
        for (String path : List.of(
                "/regulations/ca-sb-53",
                "/provisions/ca-sb-53-bpc-22757-12",
                "/obligations/ca-sb-53-frontier-ai-framework",
                "/risk-tiers/ca-sb-53-large-frontier-developer",
                "/regulations/cn-generative-ai-measures",
                "/regulations/eu-ai-act-omnibus",
                "/organisations/anthropic")) {
            assertThat(page(path)).as(path).doesNotContain("class=\"notice amended\"");
        }
    }
}
