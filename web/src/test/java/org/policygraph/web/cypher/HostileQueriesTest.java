package org.policygraph.web.cypher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.web.GraphDump;

/**
 * Queries that try to write, read files, call procedures, administer the server, reach other databases, return
 * millions of rows or never end: each is refused or cut off with a clear message, the database is unchanged after
 * them all (counts and a checksum of every node, relationship, index, constraint and token), and the site keeps
 * answering while a slow query runs.
 */
@QuarkusTest
@org.junit.jupiter.api.Tag("slow")
public class HostileQueriesTest {

    @Inject
    Driver driver;

    @Inject
    ConsoleDatabase console;

    @org.junit.jupiter.api.BeforeEach
    void theConsolesDatabaseIsUp() {
        assertThat(console.awaitReady(java.time.Duration.ofMinutes(4)))
                .as("the console's Neo4j is up")
                .isTrue();
    }

    /** A hostile query and the words its refusal must contain. */
    public record Hostile(String query, String expected) {}

    public static final List<Hostile> REFUSED = List.of(
            new Hostile("CREATE (n:Entity {id: 'intruder'}) RETURN n", "read-only: CREATE writes"),
            new Hostile("MERGE (n:Entity {id: 'intruder'}) RETURN n", "read-only: MERGE writes"),
            new Hostile(
                    "MATCH (n:Regulation {id: 'eu-ai-act'}) SET n.name = 'hacked' RETURN n", "read-only: SET writes"),
            new Hostile("MATCH (n:Regulation) REMOVE n.name RETURN count(n)", "read-only: REMOVE writes"),
            new Hostile("MATCH (n) DETACH DELETE n", "read-only: DETACH writes"),
            new Hostile("MATCH (n) DELETE n", "read-only: DELETE writes"),
            new Hostile("MATCH (n) FOREACH (x IN [1] | SET n.x = x)", "read-only: FOREACH writes"),
            new Hostile("match (n) with n limit 1 create (m)-[:R]->(n) return m", "read-only: CREATE writes"),
            new Hostile("CREATE INDEX hostile FOR (n:Regulation) ON (n.status)", "read-only: CREATE writes"),
            new Hostile("CREATE CONSTRAINT hostile FOR (n:Model) REQUIRE n.name IS UNIQUE", "read-only: CREATE writes"),
            new Hostile("DROP INDEX entity_name", "Administration commands (DROP"),
            new Hostile("DROP CONSTRAINT entity_id", "Administration commands (DROP"),
            new Hostile("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "LOAD CSV is not allowed"),
            new Hostile(
                    "load csv with headers from 'https://example.org/x.csv' AS row RETURN row",
                    "LOAD CSV is not allowed"),
            new Hostile("CALL db.createLabel('Hostile')", "The procedure db.createLabel is not allowed"),
            new Hostile("CALL db.createProperty('hostile')", "The procedure db.createProperty is not allowed"),
            new Hostile(
                    "CALL dbms.listConfig() YIELD name RETURN name", "The procedure dbms.listConfig is not allowed"),
            new Hostile("CALL dbms.killConnections(['bolt-1'])", "The procedure dbms.killConnections is not allowed"),
            new Hostile("CALL dbms.components()", "The procedure dbms.components is not allowed"),
            new Hostile("CALL db.clearQueryCaches()", "The procedure db.clearQueryCaches is not allowed"),
            new Hostile("CALL tx.setMetaData({a: 1})", "The procedure tx.setMetaData is not allowed"),
            new Hostile(
                    "CALL apoc.export.csv.all('/tmp/x.csv', {})", "The procedure apoc.export.csv.all is not allowed"),
            new Hostile(
                    "CALL apoc.cypher.runWrite('CREATE (n)', {})", "The procedure apoc.cypher.runWrite is not allowed"),
            new Hostile("RETURN apoc.text.join(['a'], ',') AS x", "The function apoc.text.join is not allowed"),
            new Hostile("CALL `db`.`createLabel`('Hostile')", "The procedure db.createLabel is not allowed"),
            new Hostile("SHOW USERS", "Administration commands (SHOW"),
            new Hostile("SHOW DATABASES", "Administration commands (SHOW"),
            new Hostile("SHOW TRANSACTIONS", "Administration commands (SHOW"),
            new Hostile("CREATE USER hostile SET PASSWORD 'secret1234'", "read-only: CREATE writes"),
            new Hostile("ALTER USER neo4j SET PASSWORD 'changed1234'", "Administration commands (ALTER"),
            new Hostile("GRANT ROLE admin TO hostile", "Administration commands (GRANT"),
            new Hostile("STOP DATABASE neo4j", "Administration commands (STOP"),
            new Hostile("START DATABASE neo4j", "Administration commands (START"),
            new Hostile("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "Administration commands (TERMINATE"),
            new Hostile("USE system SHOW USERS", "USE is not allowed"),
            new Hostile("USE system CALL dbms.components()", "USE is not allowed"),
            new Hostile("USE other MATCH (n) RETURN n", "USE is not allowed"),
            new Hostile("CALL { USE system RETURN 1 AS x } RETURN x", "USE is not allowed"),
            new Hostile("RETURN graph.byName('system') AS g", "The function graph.byName is not allowed"),
            new Hostile("CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN n", "IN TRANSACTIONS is not allowed"),
            new Hostile("MATCH (n) CALL (n) { SET n.x = 1 } IN TRANSACTIONS OF 10 ROWS", "read-only: SET writes"),
            new Hostile("EXPLAIN CREATE (n)", "EXPLAIN is not needed"),
            new Hostile("PROFILE MATCH (n) RETURN n", "PROFILE is not needed"),
            new Hostile("CYPHER runtime=interpreted MATCH (n) RETURN n", "Query options"),
            new Hostile("MATCH (n) RETURN n; CREATE (m)", "one statement at a time"),
            new Hostile(
                    "RETURN 1 AS x UNION CALL db.createLabel('Hostile') YIELD x RETURN x",
                    "db.createLabel is not allowed"),
            new Hostile(
                    "MATCH (n) RETURN n /* " + "x".repeat(10_100) + " */",
                    "characters long; the console takes at most 10000"));

    private static Response post(String query) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("query", query, "parameters", Map.of()))
                .when()
                .post("/api/cypher");
    }

    @Test
    void refusesEveryHostileQueryWithAClearMessageAndChangesNothing() {
        long nodes = GraphDump.count(driver, "MATCH (n) RETURN count(n)");
        long relationships = GraphDump.count(driver, "MATCH ()-[r]->() RETURN count(r)");
        String before = GraphDump.checksum(driver);
        List<String> failures = new ArrayList<>();
        for (Hostile h : REFUSED) {
            Response r = post(h.query());
            String detail = r.getContentType().startsWith("application/problem+json")
                    ? r.jsonPath().getString("detail")
                    : r.asString();
            if (r.statusCode() != 400 || detail == null || !detail.contains(h.expected())) {
                failures.add(h.query().substring(0, Math.min(80, h.query().length())) + " -> " + r.statusCode() + " "
                        + detail);
            }
        }
        assertThat(failures).as("hostile queries not refused as expected").isEmpty();
        assertThat(GraphDump.count(driver, "MATCH (n) RETURN count(n)")).isEqualTo(nodes);
        assertThat(GraphDump.count(driver, "MATCH ()-[r]->() RETURN count(r)")).isEqualTo(relationships);
        assertThat(GraphDump.checksum(driver)).isEqualTo(before);
    }

    @Test
    void aCartesianProductOfMillionsOfRowsIsTruncated() {
        long start = System.nanoTime();
        Response r = post("MATCH (a), (b), (c) RETURN a.id, b.id, c.id");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.jsonPath().getList("rows")).hasSize(1000);
        assertThat(r.jsonPath().getBoolean("truncated")).isTrue();
        assertThat(ms).as("ms to truncate a cartesian product").isLessThan(15_000);
    }

    @Test
    void aQueryThatNeverEndsIsStoppedByTheTimeoutWhileTheSiteKeepsAnswering() throws Exception {
        String before = GraphDump.checksum(driver);
        List<String> pages = List.of("/api/stats", "/", "/regulations/eu-ai-act", "/search?q=act", "/cypher");
        for (String page : pages) {
            // once before: the test measures a page beside a slow query, not its first rendering
            given().when().get(page).then().statusCode(200);
        }
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            long start = System.nanoTime();
            CompletableFuture<Response> slow = CompletableFuture.supplyAsync(
                    () -> post(
                            "UNWIND range(1, toInteger(10^8)) AS a UNWIND range(1, toInteger(10^8)) AS b RETURN count(*) AS forever"),
                    pool);
            Thread.sleep(300);
            int answeredWhileRunning = 0;
            for (String page : pages) {
                long t = System.nanoTime();
                given().when().get(page).then().statusCode(200);
                assertThat((System.nanoTime() - t) / 1_000_000)
                        .as("ms for " + page + " while a slow query runs")
                        .isLessThan(2500);
                if (!slow.isDone()) {
                    answeredWhileRunning++;
                }
            }
            assertThat(answeredWhileRunning)
                    .as("pages answered while the slow query ran")
                    .isGreaterThanOrEqualTo(2);
            Response r = slow.get(30, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.jsonPath().getString("title")).isEqualTo("Query timed out");
            assertThat(r.jsonPath().getString("detail"))
                    .isEqualTo(
                            "The query ran for longer than the console allows "
                                    + "(3 s) and was stopped; narrow it down, for example with LIMIT or a more specific MATCH.");
            assertThat(ms).as("ms until the never-ending query was stopped").isBetween(2_500L, 15_000L);
        } finally {
            pool.shutdownNow();
        }
        assertThat(GraphDump.checksum(driver)).isEqualTo(before);
    }

    @Test
    void overTheConcurrencyCapAQueryIsRefusedWith429() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Response>> slow = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                slow.add(CompletableFuture.supplyAsync(
                        () -> post(
                                "UNWIND range(1, toInteger(10^8)) AS a UNWIND range(1, toInteger(10^8)) AS b RETURN count(*) AS forever"),
                        pool));
            }
            Thread.sleep(700);
            Response third = post("RETURN 1 AS one");
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.getHeader("Retry-After")).isEqualTo("1");
            assertThat(third.jsonPath().getString("detail"))
                    .isEqualTo("The console is answering 2 queries already, its limit; try again in a moment.");
            for (CompletableFuture<Response> f : slow) {
                assertThat(f.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(400);
            }
            // the stopped queries' process was killed: the console answers again once its fresh one is up
            assertThat(console.awaitReady(java.time.Duration.ofMinutes(4))).isTrue();
            assertThat(post("RETURN 1 AS one").statusCode()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
