package org.policygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.policygraph.data.EmbeddedNeo4j;
import org.policygraph.data.GraphFingerprint;
import org.policygraph.ingest.derive.ApplicabilityDeriver;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.DataFiles;
import org.policygraph.ingest.write.WriteSummary;

/**
 * The whole default data, as shipped, loaded into a fresh embedded Neo4j: every node and relationship has a source
 * with a locator, and loading it all again changes nothing; nor does loading it with Epoch's file re-ordered, and an
 * Epoch file with a header and no rows is refused, with what it would take away, and changes nothing either.
 */
class DefaultDataIngestTest {

    /**
     * The condition a fact {@code f} fails when it lacks a source with a locator: no {@code sources}, an empty
     * list, a source id that is no Source node, no {@code locators}, a locator list of another length, or a blank
     * locator.
     */
    static final String UNSOURCED = """
            f.sources IS NULL OR size(f.sources) = 0
            OR f.locators IS NULL OR size(f.locators) <> size(f.sources)
            OR any(l IN f.locators WHERE l IS NULL OR trim(toString(l)) = '')
            OR any(s IN f.sources WHERE NOT EXISTS { MATCH (:Source {id: s}) })
            """;

    static EmbeddedNeo4j neo4j;
    static Driver driver;
    static Ingest.Result first;

    @BeforeAll
    static void load(@TempDir Path store) {
        neo4j = EmbeddedNeo4j.start(store.resolve("db"), 0);
        driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
        first = Ingest.defaults().run(DataFiles.defaults(), driver, false);
    }

    @AfterAll
    static void stop() {
        driver.close();
        neo4j.close();
    }

    @Test
    void theFirstRunCreatesEveryNodeAndRelationshipRead() {
        WriteSummary written = first.written();
        assertThat(written.updated()).isZero();
        long derived = written.relationships().get("FALLS_UNDER").created();
        assertThat(derived).as("FALLS_UNDER derived from thresholds").isPositive();
        assertThat(written.created()).isEqualTo(first.nodesRead() + first.relationshipsRead() + derived);
        assertThat(GraphFingerprint.count(driver, "MATCH (n:Entity) RETURN count(n)"))
                .isEqualTo(first.nodesRead());
        assertThat(GraphFingerprint.count(driver, "MATCH ()-[r]->() WHERE NOT r:FALLS_UNDER RETURN count(r)"))
                .isEqualTo(first.relationshipsRead());
        assertThat(GraphFingerprint.count(driver, "MATCH ()-[r:FALLS_UNDER]->() RETURN count(r)"))
                .isEqualTo(derived);
    }

    @Test
    void everyNodeAndRelationshipHasASourceWithALocator() {
        assertThat(facts("MATCH (f:Entity) WHERE " + UNSOURCED + " RETURN coalesce(f.id, elementId(f)) AS fact"))
                .as("nodes without a source with a locator")
                .isEmpty();
        assertThat(facts("MATCH (a)-[f]->(b) WHERE " + UNSOURCED + " RETURN a.id + ' ' + type(f) + ' ' + b.id AS fact"))
                .as("relationships without a source with a locator")
                .isEmpty();
        assertThat(GraphFingerprint.count(driver, "MATCH (f:Entity) WHERE NOT (" + UNSOURCED + ") RETURN count(f)"))
                .as("the condition is false, not null, for every sourced node")
                .isEqualTo(first.nodesRead());
    }

    @Test
    void theCheckFindsABlankLocatorAMissingSourceAndARelationshipWithoutSources() {
        try (var session = driver.session();
                var tx = session.beginTransaction()) {
            tx.run("""
                    MATCH (eu:Jurisdiction {id: 'eu'})
                    CREATE (:Concept:Entity {id: 'test-blank-locator', name: 'x', sources: ['eur-lex-ai-act'], locators: ['  ']})
                    CREATE (:Concept:Entity {id: 'test-missing-source', name: 'x', sources: ['no-such-source'], locators: ['p. 1']})
                    CREATE (eu)-[:ADDRESSES]->(:Concept:Entity {id: 'test-unsourced-link', name: 'x',
                                                               sources: ['eur-lex-ai-act'], locators: ['Article 1']})
                    """).consume();
            assertThat(tx.run("MATCH (f:Entity) WHERE " + UNSOURCED + " RETURN f.id AS id")
                            .list(r -> r.get("id").asString()))
                    .containsExactlyInAnyOrder("test-blank-locator", "test-missing-source");
            assertThat(tx.run("MATCH (a)-[f]->(b) WHERE " + UNSOURCED + " RETURN b.id AS id")
                            .list(r -> r.get("id").asString()))
                    .containsExactly("test-unsourced-link");
            tx.rollback();
        }
    }

    @Test
    void aSecondRunOfTheWholeIngestChangesNothing() {
        String before = GraphFingerprint.of(driver);

        Ingest.Result second = Ingest.defaults().run(DataFiles.defaults(), driver, false);

        assertThat(second.written().created()).as(second.written().describe()).isZero();
        assertThat(second.written().updated()).as(second.written().describe()).isZero();
        long unchanged = second.written().nodes().values().stream()
                        .mapToLong(WriteSummary.Counts::unchanged)
                        .sum()
                + second.written().relationships().values().stream()
                        .mapToLong(WriteSummary.Counts::unchanged)
                        .sum();
        assertThat(unchanged)
                .isEqualTo(first.nodesRead()
                        + first.relationshipsRead()
                        + first.written().relationships().get("FALLS_UNDER").created());
        assertThat(GraphFingerprint.of(driver)).as("the content checksum").isEqualTo(before);
    }

    @Test
    void aCopyOfEpochsFileWithItsRowsReorderedChangesNothing() throws IOException {
        String before = GraphFingerprint.of(driver);

        Ingest.Result reordered = Ingest.defaults().run(withEpoch(DefaultDataIngestTest::reversedRows), driver, false);

        assertThat(reordered.written().created())
                .as(reordered.written().describe())
                .isZero();
        assertThat(reordered.written().updated())
                .as(reordered.written().describe())
                .isZero();
        assertThat(reordered.removals().isEmpty()).isTrue();
        assertThat(GraphFingerprint.of(driver)).as("the content checksum").isEqualTo(before);
    }

    @Test
    void refusesAnEpochFileWithAHeaderAndNoRowsSayingWhatItWouldTakeAwayAndWritesNothing() {
        String before = GraphFingerprint.of(driver);

        RemovalsRefusedException refused = catchThrowableOfType(
                () -> Ingest.defaults().run(withEpoch(csv -> csv.substring(0, csv.indexOf('\n') + 1)), driver, false),
                RemovalsRefusedException.class);

        assertThat(refused).isNotNull();
        assertThat(refused.emptyDatasets())
                .extracting(Object::toString)
                .containsExactly(
                        "epoch/notable_ai_models.csv:1 record header: has a header but no rows: it gives nothing, so "
                                + "loading it would take away what its source gave before");
        // models that another dataset (the Open Source AI Index) also gives would lose Epoch's facts
        assertThat(refused.removals().lost()).containsKey("epoch-ai-models");
        assertThat(refused.removals().removals())
                .extracting(Object::toString)
                .anySatisfy(r ->
                        assertThat(r).matches("Model \\S+ would lose .*released.* and its source " + "epoch-ai-models"))
                .anySatisfy(r -> assertThat(r).matches("Organisation \\S+ would lose .*org_type.*"));
        assertThat(refused.getMessage())
                .startsWith("the input would take away what the store holds; nothing was "
                        + "written:\n  epoch/notable_ai_models.csv:1 record header: has a header but no rows")
                .containsPattern("epoch-ai-models: \\d+ of the \\d+ nodes and relationships citing it would lose it "
                        + "or a property")
                .contains("run again with --allow-removals");
        assertThat(GraphFingerprint.of(driver)).as("the content checksum").isEqualTo(before);
    }

    @Test
    void derivesEveryFallsUnderFromWhatTheGraphHoldsAfterAVariantFile() {
        String before = GraphFingerprint.of(driver);
        Map<String, Map<String, Object>> defaults = storedFallsUnder();
        assertThat(defaults).isEqualTo(derivedFromGraph());
        try {
            // Epoch's estimate for Pangu Ultra drops below the EU AI Act's 10^25 FLOP
            Ingest.Result variant = Ingest.defaults()
                    .run(
                            withEpoch(csv -> {
                                int at = csv.indexOf("\nPangu Ultra,");
                                int compute = csv.indexOf("1.0692e+25", at);
                                assertThat(at).isPositive();
                                assertThat(compute).isPositive();
                                return csv.substring(0, compute) + "9.0e+24"
                                        + csv.substring(compute + "1.0692e+25".length());
                            }),
                            driver,
                            false);
            assertThat(variant.written().updated())
                    .as(variant.written().describe())
                    .isPositive();

            Map<String, Map<String, Object>> stored = storedFallsUnder();
            assertThat(stored)
                    .as("every derived link is what the graph's facts give")
                    .isEqualTo(derivedFromGraph());
            assertThat(stored).isNotEqualTo(defaults);
            assertThat(stored.keySet().stream()
                            .filter(k -> k.startsWith("pangu-ultra|"))
                            .map(k -> k + " " + stored.get(k).get("status"))
                            .toList())
                    .isNotEqualTo(defaults.keySet().stream()
                            .filter(k -> k.startsWith("pangu-ultra|"))
                            .map(k -> k + " " + defaults.get(k).get("status"))
                            .toList());
        } finally {
            Ingest.defaults().run(DataFiles.defaults(), driver, false);
        }
        assertThat(GraphFingerprint.of(driver)).as("the default data again").isEqualTo(before);
    }

    /** Every stored FALLS_UNDER: "from|to" to its properties. */
    static Map<String, Map<String, Object>> storedFallsUnder() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                Map<String, Map<String, Object>> out = new TreeMap<>();
                tx.run("MATCH (a)-[r:FALLS_UNDER]->(t) RETURN a.id + '|' + t.id AS k, properties(r) AS p")
                        .forEachRemaining(r -> out.put(
                                r.get("k").asString(), new TreeMap<>(r.get("p").asMap())));
                return out;
            });
        }
    }

    /** Every FALLS_UNDER the rules and the facts the graph holds give, computed afresh. */
    static Map<String, Map<String, Object>> derivedFromGraph() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                Map<String, Map<String, Object>> out = new TreeMap<>();
                ApplicabilityDeriver.verdicts(tx, row -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> props = (Map<String, Object>) row.get("props");
                    out.put(row.get("from") + "|" + row.get("to"), new TreeMap<>(props));
                });
                return out;
            });
        }
    }

    /** The default data with Epoch's file changed. */
    static List<DataFile> withEpoch(UnaryOperator<String> change) {
        List<DataFile> files = new ArrayList<>();
        for (DataFile file : DataFiles.defaults()) {
            if (file.path().equals("epoch/notable_ai_models.csv")) {
                byte[] changed = change.apply(new String(file.bytes().get(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
                files.add(new DataFile(file.path(), () -> changed));
            } else {
                files.add(file);
            }
        }
        return files;
    }

    /** The CSV with its data records in the opposite order (each record kept whole, quoted line breaks and all). */
    static String reversedRows(String csv) {
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.RFC4180)) {
            List<CSVRecord> records = new ArrayList<>(parser.getRecords());
            CSVRecord header = records.remove(0);
            Collections.reverse(records);
            StringWriter out = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(
                    out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
                printer.printRecord(header.toList());
                for (CSVRecord r : records) {
                    printer.printRecord(r.toList());
                }
            }
            String reversed = out.toString();
            assertThat(reversed).isNotEqualTo(csv);
            return reversed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> facts(String query) {
        try (var session = driver.session()) {
            return session.executeRead(
                    tx -> tx.run(query).list(r -> r.get("fact").asString()));
        }
    }
}
