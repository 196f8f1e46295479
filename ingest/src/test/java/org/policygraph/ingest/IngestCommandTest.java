package org.policygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.policygraph.data.EmbeddedNeo4j;
import org.policygraph.data.GraphFingerprint;
import org.policygraph.ingest.cli.IngestCommand;
import picocli.CommandLine;

/** Runs the command-line program against a real embedded Neo4j, with good and bad data folders. */
class IngestCommandTest {

    static final Path GOOD = Path.of("src/test/resources/fixtures/good");

    static EmbeddedNeo4j neo4j;
    static Driver driver;

    @TempDir
    Path temp;

    @BeforeAll
    static void start(@TempDir Path store) {
        neo4j = EmbeddedNeo4j.start(store.resolve("db"), 0);
        driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
        Run first = run(
                "--uri",
                neo4j.boltUri(),
                "--password-file",
                neo4j.credentialsFile().toString(),
                GOOD.toString());
        assertThat(first.exit).as(first.err).isZero();
    }

    @AfterAll
    static void stop() {
        driver.close();
        neo4j.close();
    }

    @Test
    void loadsAGoodFolderWithEveryNodeRelationshipAndSource() {
        assertThat(GraphFingerprint.count(driver, "MATCH (n:Entity) RETURN count(n)"))
                .isEqualTo(9);
        assertThat(GraphFingerprint.count(driver, "MATCH ()-[r]->() RETURN count(r)"))
                .isEqualTo(5);
        assertThat(GraphFingerprint.count(
                        driver,
                        "MATCH (:Organisation {id: 'anthropic'})-[r:ENDORSED {date: '2025-09-08'}]->(:Regulation {id: 'ca-sb-53'}) "
                                + "WHERE r.sources = ['anthropic-sb-53-statement'] AND r.quotes = ['Anthropic is endorsing SB 53'] "
                                + "RETURN count(r)"))
                .isEqualTo(1);
        assertThat(GraphFingerprint.count(
                        driver,
                        "MATCH (t:RiskTier {id: 'eu-ai-act-gpai-systemic-risk'}) WHERE t.compute_threshold_flop = 1.0e25 "
                                + "AND t.level = 5 AND t:Entity RETURN count(t)"))
                .isEqualTo(1);
        assertThat(
                        GraphFingerprint.count(
                                driver,
                                "MATCH (n:Entity) WHERE size(n.sources) = 0 OR size(n.locators) <> size(n.sources) RETURN count(n)"))
                .isZero();
    }

    @Test
    void aSecondRunChangesNothing() {
        String before = GraphFingerprint.of(driver);
        Run again = run(
                "--uri",
                neo4j.boltUri(),
                "--password-file",
                neo4j.credentialsFile().toString(),
                GOOD.toString());
        assertThat(again.exit).as(again.err).isZero();
        assertThat(again.out).contains("read 9 nodes and 5 relationships").contains("0 created, 0 updated");
        assertThat(GraphFingerprint.of(driver)).isEqualTo(before);
    }

    @Test
    void dryRunValidatesWithoutWriting() throws IOException {
        Path folder = copyGood();
        append(folder.resolve("organisations/labs.yaml"), """
                - id: openai
                  name: OpenAI
                  sources:
                    - source: anthropic-sb-53-statement
                      locator: whole document
                """);
        String before = GraphFingerprint.of(driver);
        Run dry = run(
                "--uri",
                neo4j.boltUri(),
                "--password-file",
                neo4j.credentialsFile().toString(),
                "--dry-run",
                folder.toString());
        assertThat(dry.exit).as(dry.err).isZero();
        assertThat(dry.out).contains("read 10 nodes").contains("nothing was written");
        assertThat(GraphFingerprint.of(driver)).isEqualTo(before);
    }

    @Test
    void refusesMalformedYamlNamingFileAndLine() throws IOException {
        Path folder = copyGood();
        append(folder.resolve("regulations/eu.yaml"), "- id: [unclosed\n  name: x\n");
        assertRefused(
                folder,
                "regulations/eu.yaml:32",
                "is not valid YAML: while parsing a flow sequence; expected ',' or ']', but got :");
    }

    @Test
    void refusesAMissingRequiredField() throws IOException {
        Path folder = copyGood();
        replace(folder.resolve("organisations/labs.yaml"), "  name: Anthropic\n", "");
        assertRefused(folder, "organisations/labs.yaml:1 record anthropic field 'name'", "a record needs a name");
    }

    @Test
    void refusesAValueOfTheWrongType() throws IOException {
        Path folder = copyGood();
        replace(folder.resolve("risk-tiers/eu.yaml"), "level: 5", "level: high");
        assertRefused(
                folder,
                "risk-tiers/eu.yaml:1 record eu-ai-act-gpai-systemic-risk field 'level'",
                "must be a whole number, but is \"high\"");
    }

    @Test
    void refusesADuplicateIdAcrossKinds() throws IOException {
        Path folder = copyGood();
        append(folder.resolve("organisations/labs.yaml"), """
                - id: eu
                  name: Another EU
                  sources:
                    - source: eur-lex-ai-act
                      locator: Article 1
                """);
        assertRefused(
                folder,
                "organisations/labs.yaml:16 record eu field 'id'",
                "duplicates the id of the jurisdiction at jurisdictions/jurisdictions.yaml:1");
    }

    @Test
    void refusesADanglingReference() throws IOException {
        Path folder = copyGood();
        replace(folder.resolve("organisations/labs.yaml"), "to: ca-sb-53", "to: ca-sb-99");
        assertRefused(
                folder,
                "organisations/labs.yaml:1 record anthropic field 'relationship ENDORSED -> ca-sb-99 to'",
                "'ca-sb-99' is not the id of any record");
    }

    @Test
    void refusesAnUnknownRelationshipType() throws IOException {
        Path folder = copyGood();
        replace(folder.resolve("organisations/labs.yaml"), "type: ENDORSED", "type: LIKES");
        assertRefused(
                folder,
                "organisations/labs.yaml:1 record anthropic field 'relationships[1].type'",
                "'LIKES' is not a relationship type");
    }

    @Test
    void refusesARelationshipBetweenTheWrongKinds() throws IOException {
        Path folder = copyGood();
        replace(folder.resolve("organisations/labs.yaml"), "to: ca-sb-53", "to: eu");
        assertRefused(
                folder,
                "record anthropic field 'relationship ENDORSED -> eu type'",
                "ENDORSED cannot go from a organisation to a jurisdiction");
    }

    @Test
    void refusesNonUtf8BytesNamingTheLine() throws IOException {
        Path folder = copyGood();
        Path file = folder.resolve("jurisdictions/jurisdictions.yaml");
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8).replace("European Union", "Europ\u00e9an Union");
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(
                folder,
                "jurisdictions/jurisdictions.yaml:2",
                "is not UTF-8 (looks like Latin-1): byte 0xE9 at " + "offset");
    }

    @Test
    void refusesAnUnknownFieldAndReportsEveryErrorTogether() throws IOException {
        Path folder = copyGood();
        replace(folder.resolve("regulations/eu.yaml"), "celex: 32024R1689", "celx: 32024R1689");
        replace(folder.resolve("risk-tiers/eu.yaml"), "level: 5", "level: 5.5");
        Run run = assertRefused(
                folder, "regulations/eu.yaml:1 record eu-ai-act field 'celx'", "is not a field of a regulation");
        assertThat(run.err)
                .contains("2 errors")
                .contains("risk-tiers/eu.yaml:1 record eu-ai-act-gpai-systemic-risk field 'level'");
    }

    @Test
    void refusesAFactWithoutSource() throws IOException {
        Path folder = copyGood();
        replace(folder.resolve("relationships/applies.yaml"), """
                  sources:
                    - source: anthropic-sb-53-statement
                      locator: whole document
                """, "");
        assertRefused(
                folder,
                "relationships/applies.yaml:1 record ca-sb-53 field 'relationship APPLIES_IN -> us-ca sources'",
                "every relationship needs at least one source with a locator");
    }

    @Test
    void writesIntoAnEmbeddedStoreOnlyWithItsCredentials() {
        String before = GraphFingerprint.of(driver);
        Run without = run("--uri", neo4j.boltUri(), GOOD.toString());
        assertThat(without.exit).as(without.out + without.err).isEqualTo(3);
        assertThat(without.err).contains("database error").containsIgnoringCase("authentication");
        Run wrong = run("--uri", neo4j.boltUri(), "--user", "neo4j", "--password", "neo4j", GOOD.toString());
        assertThat(wrong.exit).as(wrong.out + wrong.err).isEqualTo(3);
        assertThat(GraphFingerprint.of(driver)).as("the database is unchanged").isEqualTo(before);
        Run with = run(
                "--uri",
                neo4j.boltUri(),
                "--password-file",
                neo4j.credentialsFile().toString(),
                GOOD.toString());
        assertThat(with.exit).as(with.out + with.err).isZero();
    }

    @Test
    void saysInOneSentenceThatAStoreIsOpenInAnotherProcess() {
        String before = GraphFingerprint.of(driver);

        Run held = run("--store", neo4j.home().toString(), GOOD.toString());

        assertThat(held.exit).as(held.out + held.err).isEqualTo(3);
        assertThat(held.err.strip())
                .isEqualTo("the store " + neo4j.home() + " is open in another process: stop "
                        + "the site, or ingest through it (--uri with the Bolt port it logs at start, and --password-file "
                        + neo4j.home().resolve("policygraph-credentials") + ")");
        assertThat(GraphFingerprint.of(driver)).isEqualTo(before);
    }

    @Test
    void saysWhereToWriteWhenNoDatabaseIsGiven() {
        Run run = run(GOOD.toString());
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("say where to write");
    }

    private Run assertRefused(Path folder, String where, String what) {
        String before = GraphFingerprint.of(driver);
        Run run = run(
                "--uri",
                neo4j.boltUri(),
                "--password-file",
                neo4j.credentialsFile().toString(),
                folder.toString());
        assertThat(run.exit).as(run.out + run.err).isEqualTo(1);
        assertThat(run.err).contains("nothing was written").contains(where).contains(what);
        assertThat(GraphFingerprint.of(driver)).as("the database is unchanged").isEqualTo(before);
        return run;
    }

    private Path copyGood() throws IOException {
        Path target = temp.resolve("data");
        try (Stream<Path> walk = Files.walk(GOOD)) {
            for (Path p : walk.toList()) {
                Path dest = target.resolve(GOOD.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        return target;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file) + text);
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new IngestCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
