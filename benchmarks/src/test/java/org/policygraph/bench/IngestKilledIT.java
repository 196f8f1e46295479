package org.policygraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.policygraph.bench.generate.GeneratedGraph;
import org.policygraph.bench.generate.GraphGenerator;
import org.policygraph.bench.generate.Scale;
import org.policygraph.bench.process.ChildProcess;

/**
 * The ingest command killed with {@code kill -9} half way through a batched write of a generated 10k-model dataset,
 * then run again: the second run completes the graph, with every node once and every relationship once.
 */
class IngestKilledIT {

    static final Path INGEST = Path.of(System.getProperty("policygraph.ingest.jar", "../ingest/target/ingest.jar"));

    @Test
    void aRunAfterKill9HalfWayCompletesTheGraphWithNoDuplicates(@TempDir Path temp) throws Exception {
        GeneratedGraph data = GraphGenerator.generateUnchecked(Scale.parse("10k"), 7, temp.resolve("data"));
        int port = ChildProcess.freePort();
        String uri = "bolt://127.0.0.1:" + port;
        try (ChildProcess database = ChildProcess.start(
                        ChildProcess.java(
                                "-Xmx1g",
                                "-cp",
                                System.getProperty("java.class.path"),
                                "org.policygraph.data.StandaloneNeo4j",
                                temp.resolve("db").toString(),
                                String.valueOf(port)),
                        Map.of(),
                        Path.of("target/it-logs/ingest-killed-neo4j.log"),
                        "READY ");
                Driver driver = GraphDatabase.driver(database.awaitReady(Duration.ofMinutes(3)))) {
            // batches of 500 records, so that a kill lands between commits
            String[] args = {
                "-jar",
                INGEST.toAbsolutePath().toString(),
                "--uri",
                uri,
                "--transaction-limit",
                "1000",
                "--batch-size",
                "500",
                data.folder().toString()
            };

            long atKill;
            try (ChildProcess first = ChildProcess.start(
                    ChildProcess.java(args), Map.of(), Path.of("target/it-logs/ingest-killed-first.log"), null)) {
                atKill = awaitNodes(driver, first, data.totalNodes() / 5);
                first.kill();
            }
            long afterKill = count(driver, "MATCH (n:Entity) RETURN count(n)");
            System.out.printf(
                    "killed with %d of %d nodes written (%d after the kill)%n", atKill, data.totalNodes(), afterKill);
            assertThat(afterKill).as("nodes written when ingest was killed").isBetween(1L, data.totalNodes() - 1);

            try (ChildProcess second = ChildProcess.start(
                    ChildProcess.java(args), Map.of(), Path.of("target/it-logs/ingest-killed-second.log"), null)) {
                assertThat(second.waitFor(Duration.ofMinutes(5)))
                        .as(Files.readString(second.log()))
                        .isZero();
                assertThat(Files.readString(second.log())).contains("unchanged");
            }

            assertThat(count(driver, "MATCH (n:Entity) RETURN count(n)")).isEqualTo(data.totalNodes());
            assertThat(count(driver, "MATCH (n:Entity) RETURN count(DISTINCT n.id)"))
                    .isEqualTo(data.totalNodes());
            assertThat(count(driver, "MATCH ()-[r]->() RETURN count(r)")).isEqualTo(data.totalRelationships());
            assertThat(count(
                            driver,
                            "MATCH (a)-[r]->(b) WITH a, type(r) AS t, b, count(*) AS n WHERE n > 1 "
                                    + "RETURN count(*)"))
                    .isZero();
        }
    }

    /** Waits until at least {@code nodes} are written; the count then. */
    static long awaitNodes(Driver driver, ChildProcess ingest, long nodes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            long n = count(driver, "MATCH (n:Entity) RETURN count(n)");
            if (n >= nodes) {
                return n;
            }
            assertThat(ingest.isAlive())
                    .as("ingest ended before it had written " + nodes + " nodes")
                    .isTrue();
            Thread.sleep(20);
        }
        throw new AssertionError("ingest did not write " + nodes + " nodes within 5 minutes");
    }

    static long count(Driver driver, String query) {
        try (var session = driver.session()) {
            return session.run(query).single().get(0).asLong();
        }
    }
}
