package org.policygraph.web.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.policygraph.data.EmbeddedNeo4j;
import org.policygraph.web.GraphDump;
import picocli.CommandLine;

/**
 * Exports the whole graph, loads the export into a fresh, empty Neo4j with the tool a user would use, and compares
 * every node, relationship and property (with its type): the Cypher script through Neo4j's own cypher-shell, the
 * CSV zip through Neo4j's own importer (neo4j-admin database import full).
 */
@QuarkusTest
@org.junit.jupiter.api.Tag("slow")
class ExportRoundTripTest {

    @Inject
    Driver driver;

    @Test
    void theCypherScriptLoadsWithCypherShellIntoAnEmptyNeo4jAndMatchesEveryProperty() throws Exception {
        Path dir = fresh("target/round-trip/cypher");
        Path script = dir.resolve("policygraph.cypher");
        Files.write(
                script,
                given().when()
                        .get("/api/export?format=cypher")
                        .then()
                        .statusCode(200)
                        .header("Content-Disposition", "attachment; filename=\"policygraph.cypher\"")
                        .extract()
                        .asByteArray());
        List<String> original = GraphDump.elements(driver);
        try (EmbeddedNeo4j empty = EmbeddedNeo4j.start(dir.resolve("db"), 0);
                Driver copy = GraphDatabase.driver(empty.boltUri(), empty.authToken())) {
            // the embedded server has auth on: cypher-shell signs in with the credentials it wrote at start
            EmbeddedNeo4j.Credentials credentials = EmbeddedNeo4j.readCredentials(empty.credentialsFile());
            assertThat(GraphDump.count(copy, "MATCH (n) RETURN count(n)")).isZero();
            long start = System.nanoTime();
            Process shell = new ProcessBuilder(
                            javaExecutable(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            "org.neo4j.shell.Main",
                            "-a",
                            empty.boltUri(),
                            "-u",
                            credentials.user(),
                            "-p",
                            credentials.password(),
                            "--non-interactive",
                            "--fail-fast",
                            "-f",
                            script.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("cypher-shell.log").toFile())
                    .start();
            assertThat(shell.waitFor(5, TimeUnit.MINUTES))
                    .as("cypher-shell finished")
                    .isTrue();
            assertThat(shell.exitValue())
                    .as("cypher-shell exit code; log: " + Files.readString(dir.resolve("cypher-shell.log")))
                    .isZero();
            System.out.printf(
                    "cypher-shell loaded %d elements in %d ms%n",
                    original.size(), (System.nanoTime() - start) / 1_000_000);
            List<String> copied = GraphDump.elements(copy);
            assertSameGraph(copied, original);
            assertThat(GraphDump.checksum(copy, copied))
                    .as("elements, indexes, constraints and tokens")
                    .isEqualTo(GraphDump.checksum(driver, original));
        }
    }

    @Test
    void theCsvZipImportsWithNeo4jAdminIntoAnEmptyDatabaseAndMatchesEveryProperty() throws Exception {
        Path dir = fresh("target/round-trip/csv");
        Path files = Files.createDirectories(dir.resolve("files"));
        byte[] zip = given().when()
                .get("/api/export?format=csv")
                .then()
                .statusCode(200)
                .contentType("application/zip")
                .extract()
                .asByteArray();
        List<String> nodeFiles = new ArrayList<>();
        List<String> relationshipFiles = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = files.resolve(e.getName());
                Files.write(target, in.readAllBytes());
                if (e.getName().startsWith("nodes-")) {
                    nodeFiles.add(target.toString());
                } else if (e.getName().startsWith("relationships-")) {
                    relationshipFiles.add(target.toString());
                }
            }
        }
        assertThat(Files.readString(files.resolve("LICENSES.txt")))
                .contains("CC BY 4.0")
                .contains("Decision 2011/833/EU");
        assertThat(Files.readString(files.resolve("IMPORT.txt")))
                .contains("neo4j-admin database import full --array-delimiter=U+001F");
        assertThat(Files.readString(files.resolve("nodes-Entity-Model.csv"))
                        .lines()
                        .findFirst()
                        .orElseThrow())
                .startsWith("\"id:ID\",")
                .contains("\"training_compute_flop:double\"")
                .contains("\"aliases:string[]\"")
                .endsWith("\":LABEL\"");
        assertThat(Files.readString(files.resolve("relationships-ENDORSED.csv"))
                        .lines()
                        .findFirst()
                        .orElseThrow())
                .startsWith("\":START_ID\",\":END_ID\",\":TYPE\"")
                .contains("\"date:string\"");
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve("conf"));
        // the database name first: --nodes and --relationships take several files each
        List<String> args = new ArrayList<>(List.of("neo4j", "--array-delimiter=U+001F", "--multiline-fields=true"));
        nodeFiles.forEach(f -> args.add("--nodes=" + f));
        relationshipFiles.forEach(f -> args.add("--relationships=" + f));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        CommandLine command = new CommandLine(new ImportCommand.Full(
                new ExecutionContext(home, home.resolve("conf"), out, out, new DefaultFileSystemAbstraction())));
        command.setErr(new java.io.PrintWriter(out, true));
        command.setOut(new java.io.PrintWriter(out, true));
        int exit = command.execute(args.toArray(String[]::new));
        assertThat(exit)
                .as("neo4j-admin import exit code; output:\n" + log.toString(StandardCharsets.UTF_8))
                .isZero();
        System.out.printf("neo4j-admin import took %d ms%n", (System.nanoTime() - start) / 1_000_000);
        List<String> original = GraphDump.elements(driver);
        try (EmbeddedNeo4j imported = EmbeddedNeo4j.start(home, 0);
                Driver copy = GraphDatabase.driver(imported.boltUri(), imported.authToken());
                var session = copy.session()) {
            // after-import.cypher, statement by statement through the driver (each statement is one line)
            for (String statement :
                    Files.readString(files.resolve("after-import.cypher")).split(";\n")) {
                String s = statement
                        .lines()
                        .filter(l -> !l.startsWith("//"))
                        .reduce("", (a, b) -> a + "\n" + b)
                        .strip();
                if (!s.isEmpty()) {
                    session.run(s).consume();
                }
            }
            List<String> copied = GraphDump.elements(copy);
            assertSameGraph(copied, original);
            assertThat(GraphDump.checksum(copy, copied)).isEqualTo(GraphDump.checksum(driver, original));
        }
    }

    /** Every node and relationship the same, properties and their types included; the first differences if not. */
    static void assertSameGraph(List<String> copy, List<String> original) {
        // removeAll against sets: against the lists it compared every pair (40,000 x 40,000 elements, six minutes)
        List<String> missing = new ArrayList<>(original);
        missing.removeAll(new java.util.HashSet<>(copy));
        List<String> extra = new ArrayList<>(copy);
        extra.removeAll(new java.util.HashSet<>(original));
        assertThat(missing.stream().limit(3).toList())
                .as("in the original, not in the copy (of " + missing.size() + ")")
                .isEmpty();
        assertThat(extra.stream().limit(3).toList())
                .as("in the copy, not in the original (of " + extra.size() + ")")
                .isEmpty();
        assertThat(copy).hasSize(original.size());
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path fresh(String path) throws IOException {
        Path dir = Path.of(path).toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }
}
