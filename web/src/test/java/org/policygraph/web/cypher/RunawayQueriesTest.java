package org.policygraph.web.cypher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.web.GraphDump;

/**
 * The console against queries that hide what they are (escapes Neo4j decodes before it lexes) and queries whose
 * work never reaches one of Neo4j's checks (an expression building a huge value): each is refused or cut off within
 * its deadline, after which no CPU is spent on it and its memory is back, measured on the console's Neo4j process
 * and on the site's own JVM; the site's pages keep their latency while the console is attacked; the database is
 * unchanged.
 */
@QuarkusTest
@org.junit.jupiter.api.Tag("slow")
class RunawayQueriesTest {

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

    /** The seven runaway shapes, written so that the cost guard cannot see their size: the deadline must hold. */
    static final List<String> RUNAWAY = List.of(
            "WITH reduce(s = '', i IN range(1, toInteger(10^8)) | s + 'x') AS s RETURN size(s) AS n",
            "RETURN [i IN range(1, toInteger(10^8)) | toString(i)] AS xs",
            "RETURN size([i IN range(1, 10000) | [j IN range(1, 10000) | j]]) AS n",
            "RETURN {v: [i IN range(1, toInteger(2 * 10^9)) | i]} AS m",
            "RETURN size([a IN range(1, 1000) | [b IN range(1, 1000) | [c IN range(1, 1000) | c]]]) AS n",
            "WITH reduce(s = 'x', k IN range(1, 20) | s + s) AS mb RETURN [i IN range(1, 10000) | mb + toString(i)] AS xs",
            "RETURN size(reduce(acc = [], i IN range(1, toInteger(10^7)) | acc + [i])) AS n");

    private static Response post(String query) {
        return post(query, Map.of());
    }

    private static Response post(String query, Map<String, Object> parameters) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("query", query, "parameters", parameters))
                .when()
                .post("/api/cypher");
    }

    @Test
    void escapesAreReadAsNeo4jReadsThem() {
        String before = GraphDump.checksum(driver);
        List<String[]> corpus = List.of(
                new String[] {"/* \\u002a/ SHOW SETTINGS YIELD name, value RETURN name, value /* */ , 1 AS z", "SHOW"},
                new String[] {
                    "/* \\u002a/ SHOW TRANSACTIONS YIELD transactionId, currentQuery RETURN transactionId /* */", "SHOW"
                },
                new String[] {"/* \\u002a/ TERMINATE TRANSACTIONS 'neo4j-transaction-1' /* */", "TERMINATE"},
                new String[] {"\\u0053HOW SETTINGS YIELD name RETURN name", "SHOW"},
                new String[] {"RETURN 1 AS x // \\u000a CREATE (n) RETURN n", "CREATE writes"},
                new String[] {"RETURN 'a\\u0027 AS x CREATE (n) RETURN 1 AS y //'", "CREATE writes"},
                new String[] {"MATCH (n) \\u0043REATE (m) RETURN n", "CREATE writes"},
                new String[] {"MATCH (n) WITH n LIMIT 1 \\u0044ETACH \\u0044ELETE n", "DETACH writes"},
                new String[] {"RETURN 1 AS `x\\u0060 LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l //`", "LOAD CSV"},
                new String[] {
                    "RETURN \\u0022a\\u0022 AS s UNION CALL db.createLabel('X') YIELD x RETURN x", "db.createLabel"
                });
        List<String> failures = new ArrayList<>();
        for (String[] c : corpus) {
            Response r = post(c[0]);
            String body = r.asString();
            if (r.statusCode() != 400 || !body.contains(c[1]) || body.contains("server.bolt")) {
                failures.add(c[0] + " -> " + r.statusCode() + " " + body.substring(0, Math.min(200, body.length())));
            }
        }
        // a capital U is no escape for Neo4j, and a malformed escape is a syntax error: neither reaches the server's
        // settings
        for (String q : List.of(
                "/* \\U002a/ SHOW SETTINGS YIELD name RETURN name /* */ RETURN 1 AS x",
                "/* \\uu002a/ SHOW SETTINGS YIELD name RETURN name /* */ RETURN 1 AS x",
                "RETURN '\\uZZZZ' AS x")) {
            Response r = post(q);
            if (r.asString().contains("server.bolt") || r.statusCode() >= 500) {
                failures.add(q + " -> " + r.statusCode() + " " + r.asString());
            }
        }
        assertThat(failures).as("escaped queries not refused").isEmpty();
        Response plain = post("RETURN '\\u0041' AS a, 1 AS `b\\u0062`");
        assertThat(plain.statusCode()).as(plain.asString()).isEqualTo(200);
        assertThat(plain.jsonPath().getList("columns")).containsExactly("a", "bb");
        assertThat(plain.jsonPath().getString("rows[0][0]")).isEqualTo("A");
        assertThat(GraphDump.checksum(driver)).isEqualTo(before);
    }

    @Test
    void theCostGuardRefusesWhatIsExpensiveOnItsFace() {
        Response r = post("WITH reduce(s = '', i IN range(1, 100000000) | s + 'x') AS s RETURN size(s)");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.jsonPath().getString("detail"))
                .isEqualTo("range(1, 100000000) builds 100000000 items; the console "
                        + "builds at most 1000000 in one range (line 1, column 26).");
        assertThat(r.jsonPath().getInt("column")).isEqualTo(26);
        Response deep = post("RETURN " + "(".repeat(4990) + "1" + ")".repeat(4990) + " AS x");
        assertThat(deep.statusCode()).isEqualTo(400);
        assertThat(deep.jsonPath().getString("detail")).startsWith("The query nests brackets more than 64 deep");
        assertThat(post("RETURN {v: range(1, 2000000000)} AS m").jsonPath().getString("detail"))
                .contains("builds 2000000000 items");
    }

    @Test
    void aFullTextSyntaxErrorSaysWhatIsWrongWithoutClassNames() {
        Response r =
                post("CALL db.index.fulltext.queryNodes('entity_search', 'act AND (') YIELD node RETURN node.id AS id");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.jsonPath().getString("detail")).startsWith("The full-text search words could not be read");
        assertThat(r.asString())
                .doesNotContain("org.apache")
                .doesNotContain("lucene.")
                .doesNotContain("Exception");
    }

    @Test
    void aHugeAnswerIsCutAtTheByteCapAndSaysSo() {
        Response r =
                post("WITH reduce(s = 'x', k IN range(1, 20) | s + s) AS mb UNWIND range(1, 1000) AS i RETURN i, mb");
        assertThat(r.statusCode()).as(r.asString().substring(0, 200)).isEqualTo(200);
        assertThat(r.asByteArray().length).as("bytes of the answer").isLessThan(12 * 1024 * 1024);
        assertThat(r.jsonPath().getBoolean("truncated")).isTrue();
        assertThat(r.jsonPath().getString("truncation"))
                .isEqualTo(
                        "The answer reached 8 MiB, the most the console sends; " + "the rows after it are left out.");
        assertThat(r.jsonPath().getList("rows")).hasSizeBetween(1, 8);
    }

    @Test
    void runawayExpressionsAreStoppedWithinTheDeadlineAndLeaveNoWorkBehind() throws Exception {
        String before = GraphDump.checksum(driver);
        assertThat(post("RETURN 1 AS warm").statusCode()).isEqualTo(200);
        List<String> failures = new ArrayList<>();
        for (String q : RUNAWAY) {
            assertThat(console.awaitReady(java.time.Duration.ofMinutes(4)))
                    .as("the console's Neo4j is up")
                    .isTrue();
            long start = System.nanoTime();
            Response r = post(q);
            long ms = (System.nanoTime() - start) / 1_000_000;
            String detail = r.getContentType().startsWith("application/problem+json")
                    ? r.jsonPath().getString("detail")
                    : r.asString();
            boolean stopped = r.statusCode() == 400
                    && detail != null
                    && (detail.contains("was stopped") || detail.contains("more memory than the console allows"));
            boolean cut = r.statusCode() == 200 && r.jsonPath().getBoolean("truncated");
            if (!(stopped || cut) || ms > 3_000 + 2_000 + 4_000) {
                failures.add(q + " -> " + r.statusCode() + " in " + ms + " ms: " + detail);
            }
        }
        assertThat(failures)
                .as("runaway queries not stopped within the deadline")
                .isEmpty();

        // after the deadline plus a margin: the console's process spends no CPU and holds no runaway memory
        Thread.sleep(1_500);
        OptionalLong pid = console.processId();
        if (pid.isPresent()) {
            long cpu0 = cpuTicks(pid.getAsLong());
            Thread.sleep(2_000);
            long cpu1 = cpuTicks(pid.getAsLong());
            assertThat(cpu1 - cpu0)
                    .as("CPU ticks (1/100 s) the console's Neo4j spent in 2 s after the corpus")
                    .isLessThan(40);
            assertThat(rssKb(pid.getAsLong()))
                    .as("resident KiB of the console's Neo4j")
                    .isLessThan(1_200_000);
        }
        assertThat(console.restarts())
                .as("times the console's Neo4j was killed")
                .isGreaterThanOrEqualTo(1);
        // and the site's own JVM (with its embedded Neo4j) is idle: nothing of the corpus runs there
        long site0 = siteCpuNanos();
        Thread.sleep(2_000);
        long site1 = siteCpuNanos();
        assertThat((site1 - site0) / 1_000_000)
                .as("ms of CPU the site's JVM spent in 2 s after the corpus")
                .isLessThan(800);
        // the console answers again, on a fresh process
        assertThat(console.awaitReady(java.time.Duration.ofMinutes(4)))
                .as("a fresh console Neo4j is up")
                .isTrue();
        Response again = post("MATCH (r:Regulation {id: 'eu-ai-act'}) RETURN r.name AS name");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.jsonPath().getString("rows[0][0]")).isEqualTo("EU Artificial Intelligence Act");
        // the graph did not change, so the fresh processes started on the store the killed ones left (no new copy)
        assertThat(console.reusedStores())
                .as("starts on a killed console's store")
                .isPositive();
        assertThat(GraphDump.checksum(driver)).isEqualTo(before);
    }

    @Test
    void theSitesPagesKeepTheirLatencyWhileTheConsoleIsAttacked() throws Exception {
        assertThat(post("RETURN 1 AS warm").statusCode()).isEqualTo(200);
        List<String> pages = List.of("/regulations/eu-ai-act", "/organisations/anthropic", "/api/stats", "/models");
        for (String p : pages) {
            given().get(p).then().statusCode(200);
        }
        long quiet = medianMs(pages, 24);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Response>> attack = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String q = RUNAWAY.get(i);
                attack.add(CompletableFuture.supplyAsync(() -> post(q), pool));
            }
            Thread.sleep(800);
            long during = medianMs(pages, 24);
            for (CompletableFuture<Response> f : attack) {
                assertThat(f.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(400);
            }
            assertThat(during)
                    .as("median ms of the site's pages while the console runs two runaway queries (quiet: " + quiet
                            + " ms)")
                    .isLessThanOrEqualTo(Math.max(3 * quiet, quiet + 150));
        } finally {
            pool.shutdownNow();
        }
    }

    private static long medianMs(List<String> pages, int n) {
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            given().get(pages.get(i % pages.size())).then().statusCode(200);
            times[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(times);
        return times[n / 2];
    }

    /** utime + stime of a process, in clock ticks, from /proc; 0 once it is gone. */
    private static long cpuTicks(long pid) throws IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return 0;
        }
        String s = Files.readString(stat);
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long rssKb(long pid) throws IOException {
        Path status = Path.of("/proc/" + pid + "/status");
        if (!Files.exists(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst()
                .orElse(0L);
    }

    private static long siteCpuNanos() {
        var threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t > 0) {
                total += t;
            }
        }
        return total;
    }
}
