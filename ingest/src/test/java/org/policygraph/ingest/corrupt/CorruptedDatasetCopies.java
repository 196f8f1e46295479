package org.policygraph.ingest.corrupt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.policygraph.data.EmbeddedNeo4j;
import org.policygraph.data.GraphFingerprint;
import org.policygraph.ingest.Ingest;
import org.policygraph.ingest.IngestError;
import org.policygraph.ingest.ValidationFailedException;
import org.policygraph.ingest.cli.IngestCommand;
import org.policygraph.ingest.read.DataFiles;
import org.policygraph.model.Kind;
import org.policygraph.model.RelType;
import picocli.CommandLine;

/**
 * Corrupted copies of one real dataset, as shipped in the default data, ingested through the command into a real
 * embedded Neo4j that holds the clean copy: each damage is refused with an error that names the file, the line (or
 * the JSON path) and the field, and the store's content digest is the same after as before; a re-ordered copy and a
 * second run of the clean copy load and change nothing.
 *
 * <p>The store holds the dataset with the resolution tables, the sources and the jurisdictions it cites; the few
 * other records its rows point to (an organisation of the curated data, a model of Epoch's) are stand-in nodes of the
 * right kind, so that a class loads one dataset in seconds, not the whole default data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CorruptedDatasetCopies {

    static final Path DATA = Path.of("../neo4j-data/src/main/resources/policygraph/data");

    /** The damages tried; each subclass says what the error for each must name. */
    enum Damage {
        /** A CSV file with its header and no rows; a JSON file with no records. */
        HEADER_ONLY,
        /** No bytes at all. */
        EMPTY,
        /** A spreadsheet's bytes (a zip archive) under the dataset's name. */
        BINARY,
        /** The file saved as Latin-1. */
        LATIN_1,
        /** One record given twice. */
        REPEATED_RECORD,
        /** A row with a value missing. */
        RAGGED,
        /** A number that is not one. */
        BAD_NUMBER,
        /** A date that is not one. */
        BAD_DATE
    }

    private EmbeddedNeo4j neo4j;
    private Driver driver;
    private Path clean;
    private Path work;

    /** The dataset's folder in the data folder. */
    abstract String dataset();

    /** The file damaged, relative to the data folder. */
    abstract String file();

    /** The file's text with {@code damage} done to it (the byte-level damages are done here). */
    abstract String damaged(Damage damage, String text);

    /**
     * What the error for {@code damage} says: a regular expression that one line of standard error must match, from
     * the file's name on (it names the line or JSON path, and the field or column).
     */
    abstract String error(Damage damage);

    /** The file's text in another order of its records, which must load to the same graph. */
    abstract String reordered(String text);

    /**
     * Whether the dataset's locators cite a row or line (its records' positions), so that a re-ordered copy changes
     * the locators, and only them: then the re-ordered copy must leave the graph the same but for its locators.
     */
    boolean locatorsCitePositions() {
        return false;
    }

    /** The exit code of a refused damage: 1 (errors in the input), or 4 for an input that gives nothing. */
    int exit(Damage damage) {
        return damage == Damage.HEADER_ONLY ? 4 : 1;
    }

    @BeforeAll
    void load(@TempDir Path temp) throws IOException {
        clean = temp.resolve("clean");
        work = temp.resolve("work");
        for (String folder : List.of("resolution", "sources", "jurisdictions", dataset())) {
            copyTree(DATA.resolve(folder), clean.resolve(folder));
        }
        neo4j = EmbeddedNeo4j.start(temp.resolve("db"), 0);
        driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
        standIns();
        Run first = ingest(clean);
        assertThat(first.exit).as(first.err).isZero();
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.close();
        }
        if (neo4j != null) {
            neo4j.close();
        }
    }

    /**
     * The damages this dataset's file can suffer: all but those it has nothing for (no dates to break in FMTI's
     * scores, no rows in a YAML file, no letter beyond ASCII to re-encode), which are not cases of this dataset.
     */
    Stream<Damage> damages() throws IOException {
        String text = Files.readString(DATA.resolve(file()), StandardCharsets.UTF_8);
        return Arrays.stream(Damage.values()).filter(damage -> switch (damage) {
            case EMPTY, BINARY -> true;
            case LATIN_1 -> !StandardCharsets.US_ASCII.newEncoder().canEncode(text);
            default -> damaged(damage, text) != null;
        });
    }

    @ParameterizedTest
    @MethodSource("damages")
    void aDamagedCopyIsRefusedWithFileLineAndFieldAndChangesNothing(Damage damage) throws IOException {
        String text = Files.readString(clean.resolve(file()), StandardCharsets.UTF_8);
        byte[] bytes = switch (damage) {
            case EMPTY -> new byte[0];
            case BINARY -> zip();
            case LATIN_1 -> text.getBytes(StandardCharsets.ISO_8859_1);
            default -> {
                String changed = damaged(damage, text);
                assertThat(changed)
                        .as("the damage changes the file")
                        .isNotNull()
                        .isNotEqualTo(text);
                yield changed.getBytes(StandardCharsets.UTF_8);
            }
        };
        String before = GraphFingerprint.of(driver);

        Run run = ingest(copyWith(bytes));

        assertThat(run.exit).as(run.err).isEqualTo(exit(damage));
        assertThat(run.err.lines().map(String::strip))
                .as(run.err)
                .anyMatch(line -> line.matches("(" + Pattern.quote(file()) + ")" + error(damage)));
        assertThat(GraphFingerprint.of(driver)).as("the store is unchanged").isEqualTo(before);
    }

    @Test
    void aReorderedCopyLoadsAndChangesNothing() throws IOException {
        String text = Files.readString(clean.resolve(file()), StandardCharsets.UTF_8);
        String reordered = reordered(text);
        assertThat(reordered).isNotEqualTo(text);
        String before = GraphFingerprint.of(driver);
        String beforeButLocators = withoutLocators();

        Run run = ingest(copyWith(reordered.getBytes(StandardCharsets.UTF_8)));

        assertThat(run.exit).as(run.err).isZero();
        assertThat(withoutLocators())
                .as("the graph is the same but for locators")
                .isEqualTo(beforeButLocators);
        if (!locatorsCitePositions()) {
            assertThat(GraphFingerprint.of(driver)).as("the store is unchanged").isEqualTo(before);
        }
        Run back = ingest(clean);
        assertThat(back.exit).as(back.err).isZero();
        assertThat(GraphFingerprint.of(driver)).as("the clean copy again").isEqualTo(before);
    }

    @Test
    void aSecondRunOfTheCleanCopyChangesNothing() {
        Run first = ingest(clean);
        assertThat(first.exit).as(first.err).isZero();
        String before = GraphFingerprint.of(driver);

        Run run = ingest(clean);

        assertThat(run.exit).as(run.err).isZero();
        assertThat(GraphFingerprint.of(driver)).isEqualTo(before);
    }

    /** The graph's content without the locators of its sources, in a stable order. */
    private String withoutLocators() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                StringBuilder sb = new StringBuilder();
                tx.run("MATCH (n) WHERE NOT n:GraphVersion RETURN n.id AS id, labels(n) AS l, properties(n) AS p "
                                + "ORDER BY id")
                        .forEachRemaining(r -> sb.append(r.get("id"))
                                .append(r.get("l"))
                                .append(butLocators(r.get("p").asMap()))
                                .append('\n'));
                tx.run("MATCH (a)-[r]->(b) RETURN a.id + ' ' + type(r) + ' ' + b.id AS key, properties(r) AS p "
                                + "ORDER BY key")
                        .forEachRemaining(r -> sb.append(r.get("key"))
                                .append(butLocators(r.get("p").asMap()))
                                .append('\n'));
                return sb.toString();
            });
        }
    }

    private static String butLocators(Map<String, Object> properties) {
        Map<String, Object> sorted = new java.util.TreeMap<>(properties);
        sorted.remove("locators");
        return sorted.toString();
    }

    /** The bytes of an empty zip archive, as a spreadsheet saved under a .csv name starts. */
    static byte[] zip() {
        byte[] bytes = new byte[64];
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 5;
        bytes[3] = 6;
        return bytes;
    }

    private Path copyWith(byte[] bytes) throws IOException {
        if (Files.exists(work)) {
            deleteTree(work);
        }
        copyTree(clean, work);
        Files.write(work.resolve(file()), bytes);
        return work;
    }

    record Run(int exit, String out, String err) {}

    private Run ingest(Path folder) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new IngestCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(
                "--uri",
                neo4j.boltUri(),
                "--password-file",
                neo4j.credentialsFile().toString(),
                "--progress=none",
                folder.toString());
        return new Run(exit, out.toString(), err.toString());
    }

    private static final Pattern UNKNOWN = Pattern.compile("'([^']+)' is not the id of any record");
    private static final Pattern RELATIONSHIP = Pattern.compile("relationship ([A-Z_]+) -> \\S+ (from|to)");

    /** Stand-in nodes for the ids outside the dataset's folder that its records point to. */
    private void standIns() {
        Map<String, Kind> ids = new LinkedHashMap<>();
        try {
            Ingest.defaults().run(DataFiles.folder(clean), null, true);
        } catch (ValidationFailedException e) {
            for (IngestError error : e.errors()) {
                Matcher id = UNKNOWN.matcher(error.message());
                Matcher rel = RELATIONSHIP.matcher(String.valueOf(error.field()));
                assertThat(id.find() && rel.find())
                        .as("only references are unresolved: %s", error)
                        .isTrue();
                RelType type = RelType.valueOf(rel.group(1));
                ids.put(
                        id.group(1),
                        (rel.group(2).equals("to") ? type.to() : type.from())
                                .iterator()
                                .next());
            }
        }
        try (var session = driver.session()) {
            ids.forEach((id, kind) -> session.run(
                            "CREATE (n:Entity:" + kind.label() + " {id: $id, name: $id})", Map.of("id", id))
                    .consume());
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(walk.toList());
            java.util.Collections.reverse(all);
            for (Path p : all) {
                Files.delete(p);
            }
        }
    }
}
