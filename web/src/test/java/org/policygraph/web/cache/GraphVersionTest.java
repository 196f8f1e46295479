package org.policygraph.web.cache;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.policygraph.ingest.Ingest;
import org.policygraph.ingest.read.DataFiles;
import org.policygraph.ingest.write.GraphVersion;
import org.policygraph.web.cypher.ConsoleDatabase;

/**
 * What the page cache does with the graph's version, on either database: an ingest makes the next requests render
 * again within the poll interval, and the console's answers carry the version of its copy. {@link PageCacheTest}
 * runs these on the embedded database (with the cache's other tests, which do not depend on the database), and
 * {@link ExternalNeo4jPageCacheTest} on a Neo4j in another process, written to by a connection of its own.
 */
abstract class GraphVersionTest {

    @Inject
    Driver driver;

    @Inject
    GraphVersionWatch versions;

    @Inject
    ConsoleDatabase console;

    /** The driver the ingest test writes through: the app's own, or another connection to an external server. */
    abstract Driver writer();

    @Test
    void consoleAnswersAreNotCachedCarryTheVersionOfTheirCopyAndTheCopyHoldsNoVersionNode() {
        // the console's own Neo4j copies the graph at start: on a busy machine that takes minutes
        assertThat(console.awaitReady(java.time.Duration.ofMinutes(5))).isTrue();
        Response answer = given().contentType("application/json")
                .body(Map.of("query", "MATCH (v:GraphVersion) RETURN count(v) AS versions"))
                .when()
                .post("/api/cypher");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getInt("rows[0][0]")).isZero();
        assertThat(answer.header("X-PolicyGraph-Cache")).isNull();
        assertThat(Long.parseLong(answer.header("X-PolicyGraph-Version")))
                .isPositive()
                .isLessThanOrEqualTo(versions.current());
    }

    @Test
    void anIngestThroughTheDriverShowsItsDataOnTheNextRequestsWithinThePollInterval(@TempDir Path data)
            throws IOException, InterruptedException {
        long before = versions.current();
        assertThat(before).isEqualTo(GraphVersion.read(driver)).isPositive();
        Response stats = given().when().get("/api/stats");
        long organisations = stats.jsonPath().getLong("nodes.Organisation");
        Response search = given().queryParam("q", "Quokkafield").when().get("/api/search");
        assertThat(search.jsonPath().getList("id")).doesNotContain("quokkafield-cache-probe");
        assertThat(given().queryParam("q", "Quokkafield")
                        .when()
                        .get("/api/search")
                        .header("X-PolicyGraph-Cache"))
                .isEqualTo("hit");
        String etag = given().when().get("/api/stats").then().extract().header("ETag");

        Files.createDirectories(data.resolve("organisations"));
        Files.createDirectories(data.resolve("sources"));
        Files.writeString(data.resolve("sources/probe.yaml"), """
                - id: quokkafield-cache-probe-source
                  name: A probe of the page cache
                  title: A probe of the page cache
                  publisher: PolicyGraph tests
                  url: https://example.org/quokkafield
                  published: 2026-12-01
                  source_type: primary
                  sources:
                    - source: quokkafield-cache-probe-source
                      locator: whole document
                """);
        Files.writeString(data.resolve("organisations/probe.yaml"), """
                - id: quokkafield-cache-probe
                  name: Quokkafield Cache Probe
                  org_type: lab
                  sources:
                    - source: quokkafield-cache-probe-source
                      locator: whole document
                """);
        try {
            Ingest.Result written = Ingest.defaults().run(DataFiles.folder(data), writer(), false);
            assertThat(written.written().version()).isEqualTo(before + 1);

            // the app polls the version (every 2 s): within a few seconds the next requests render again
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (versions.current() == before && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(versions.current()).isEqualTo(before + 1);
            Response after = given().when().get("/api/stats");
            assertThat(after.header("X-PolicyGraph-Cache")).isEqualTo("miss");
            assertThat(after.header("ETag")).isNotEqualTo(etag).startsWith("\"v" + (before + 1) + "-");
            assertThat(after.jsonPath().getLong("nodes.Organisation")).isEqualTo(organisations + 1);
            assertThat(given().queryParam("q", "Quokkafield")
                            .when()
                            .get("/api/search")
                            .jsonPath()
                            .getList("id"))
                    .contains("quokkafield-cache-probe");
            assertThat(given().when()
                            .get("/organisations/quokkafield-cache-probe")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .contains("Quokkafield Cache Probe");
            // the old ETag no longer matches: the page is sent again
            given().header("If-None-Match", etag)
                    .when()
                    .get("/api/stats")
                    .then()
                    .statusCode(200);
        } finally {
            try (var session = writer().session()) {
                session.executeWriteWithoutResult(tx -> {
                    tx.run(
                                    "MATCH (n:Entity) WHERE n.id STARTS WITH 'quokkafield-cache-probe' DETACH DELETE n",
                                    Map.of())
                            .consume();
                    GraphVersion.bump(tx);
                });
            }
            versions.poll();
        }
    }
}
