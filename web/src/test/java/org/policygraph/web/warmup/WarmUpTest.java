package org.policygraph.web.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.policygraph.model.Kind;

@QuarkusTest
class WarmUpTest {

    @Inject
    WarmUp warmUp;

    @Inject
    org.neo4j.driver.Driver driver;

    @Test
    void runsTheQueriesOfEveryKindsIndexAndEntityPageASearchAndAPath() {
        WarmUp.Report report = warmUp.run();

        assertThat(report.failures()).as("pages whose queries failed").isEmpty();
        for (Kind kind : Kind.values()) {
            assertThat(report.pages()).as("the index of %s", kind.plural()).contains("/" + kind.plural());
            if (hasNodes(kind)) {
                assertThat(report.pages())
                        .as("an entity page of %s", kind.plural())
                        .anyMatch(p -> p.matches("/" + kind.plural() + "/[a-z0-9][a-z0-9-]*"));
            }
        }
        assertThat(report.pages())
                .contains("/")
                .anyMatch(p -> p.startsWith("/search?q="))
                .anyMatch(p -> p.matches("/paths\\?from=.+&to=.+"))
                .anyMatch(p -> p.matches("/regulations/.+ \\(reach\\)"));
    }

    private boolean hasNodes(Kind kind) {
        try (var session = driver.session()) {
            return session.run("MATCH (n:" + kind.label() + ") RETURN count(n) > 0 AS any")
                    .single()
                    .get("any")
                    .asBoolean();
        }
    }

    @Test
    void readinessReportsTheWarmUp() {
        // off in the test profile, so done from the start
        io.restassured.RestAssured.given()
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("\"warm-up\""))
                .body(org.hamcrest.Matchers.containsString("the main pages' queries are planned"));
    }
}
