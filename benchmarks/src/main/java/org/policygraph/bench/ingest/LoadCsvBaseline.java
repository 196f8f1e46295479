package org.policygraph.bench.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.PropertyType;
import org.policygraph.model.Provenance;
import org.policygraph.model.RelType;
import org.policygraph.model.RelationshipRecord;

/**
 * The baseline for ingest: the rows ingest writes, as one CSV file per kind and per relationship type in a server's
 * import folder, loaded by the server itself with {@code LOAD CSV ... CALL { MERGE ... } IN TRANSACTIONS} (Neo4j's
 * own recipe for loading files, with no network hop) into an empty database with the same schema. Lists (aliases,
 * sources, locators, quotes) are cells of items joined by the unit separator and split by {@code split()}; numbers
 * are converted with {@code toInteger} and {@code toFloat}; every property ingest stores, LOAD CSV stores too.
 */
public final class LoadCsvBaseline {

    /** Rows per transaction: Neo4j's recommended order of magnitude for LOAD CSV. */
    public static final int ROWS_PER_TRANSACTION = 10_000;

    private static final Logger LOG = Logger.getLogger(LoadCsvBaseline.class);
    private static final String SEPARATOR = "\u001F";
    /** A list cell starts with this, so that a list of one empty text is not an empty cell. */
    private static final String LIST = "L";

    /** A CSV file and the statement that loads it. */
    public record CsvFile(String name, String statement, long rows, long bytes) {}

    /**
     * What the load did.
     *
     * @param nodes         nodes in the database afterwards
     * @param relationships relationships in the database afterwards
     * @param millis        how long the LOAD CSV statements took
     * @param csvBytes      the size of the CSV files
     */
    public record Outcome(long nodes, long relationships, long millis, long csvBytes) {

        public long records() {
            return nodes + relationships;
        }
    }

    private LoadCsvBaseline() {}

    /** Writes the records as CSV files into an import folder; returns them with their statements. */
    public static List<CsvFile> write(GraphBatch batch, Path importFolder) {
        try {
            Files.createDirectories(importFolder);
            List<CsvFile> files = new ArrayList<>();
            Map<Kind, List<NodeRecord>> byKind = batch.nodes().stream()
                    .collect(Collectors.groupingBy(
                            NodeRecord::kind, () -> new EnumMap<>(Kind.class), Collectors.toList()));
            for (Map.Entry<Kind, List<NodeRecord>> e : byKind.entrySet()) {
                files.add(nodes(e.getKey(), e.getValue(), importFolder));
            }
            Map<RelType, List<RelationshipRecord>> byType = batch.relationships().stream()
                    .collect(Collectors.groupingBy(
                            RelationshipRecord::type, () -> new EnumMap<>(RelType.class), Collectors.toList()));
            for (Map.Entry<RelType, List<RelationshipRecord>> e : byType.entrySet()) {
                files.add(relationships(e.getKey(), e.getValue(), importFolder));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the LOAD CSV files into " + importFolder, e);
        }
    }

    /** Runs every file's statement, nodes first; the database must hold the schema and nothing else. */
    public static Outcome load(Driver driver, List<CsvFile> files) {
        long start = System.nanoTime();
        try (var session = driver.session()) {
            for (CsvFile file : files) {
                long t = System.nanoTime();
                session.run(file.statement()).consume();
                LOG.debugf(
                        "LOAD CSV %s: %d rows in %d ms", file.name(), file.rows(), (System.nanoTime() - t) / 1_000_000);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        try (var session = driver.session()) {
            long nodes = session.run("MATCH (n:Entity) RETURN count(n) AS n")
                    .single()
                    .get("n")
                    .asLong();
            long relationships = session.run("MATCH ()-[r]->() RETURN count(r) AS n")
                    .single()
                    .get("n")
                    .asLong();
            return new Outcome(
                    nodes,
                    relationships,
                    millis,
                    files.stream().mapToLong(CsvFile::bytes).sum());
        }
    }

    private static CsvFile nodes(Kind kind, List<NodeRecord> nodes, Path folder) throws IOException {
        Map<String, PropertyType> columns = new LinkedHashMap<>();
        columns.put("id", PropertyType.TEXT);
        columns.put("name", PropertyType.TEXT);
        columns.put("aliases", PropertyType.TEXT_LIST);
        columns.put("summary", PropertyType.TEXT);
        columns.putAll(kind.properties());
        columns.put(Provenance.SOURCES, PropertyType.TEXT_LIST);
        columns.put(Provenance.LOCATORS, PropertyType.TEXT_LIST);
        columns.put(Provenance.QUOTES, PropertyType.TEXT_LIST);
        String name = "nodes-" + kind.label() + ".csv";
        Path file = folder.resolve(name);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(
                        out,
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader(columns.keySet().toArray(String[]::new))
                                .get())) {
            for (NodeRecord node : nodes) {
                Map<String, Object> props = new LinkedHashMap<>(node.properties());
                props.put("id", node.id());
                props.put("name", node.name());
                props.put("aliases", node.aliases().isEmpty() ? null : node.aliases());
                props.put("summary", node.summary() == null || node.summary().isBlank() ? null : node.summary());
                Provenance.put(props, node.sources());
                List<String> row = new ArrayList<>(columns.size());
                for (String column : columns.keySet()) {
                    row.add(cell(props.get(column)));
                }
                csv.printRecord(row);
            }
        }
        String sets = columns.entrySet().stream()
                .filter(c -> !c.getKey().equals("id"))
                .map(c -> "n.`" + c.getKey() + "` = " + convert("row.`" + c.getKey() + "`", c.getValue()))
                .collect(Collectors.joining(", "));
        String statement = "LOAD CSV WITH HEADERS FROM 'file:///" + name + "' AS row\n"
                + "CALL (row) {\n  MERGE (n:" + kind.label() + " {id: row.id})\n  SET " + sets + ", n:Entity\n"
                + "} IN TRANSACTIONS OF " + ROWS_PER_TRANSACTION + " ROWS";
        return new CsvFile(name, statement, nodes.size(), Files.size(file));
    }

    private static CsvFile relationships(RelType type, List<RelationshipRecord> rels, Path folder) throws IOException {
        Map<String, PropertyType> columns = new LinkedHashMap<>();
        columns.put("from", PropertyType.TEXT);
        columns.put("to", PropertyType.TEXT);
        columns.putAll(RelType.PROPERTIES);
        columns.put(Provenance.SOURCES, PropertyType.TEXT_LIST);
        columns.put(Provenance.LOCATORS, PropertyType.TEXT_LIST);
        columns.put(Provenance.QUOTES, PropertyType.TEXT_LIST);
        String name = "relationships-" + type.name() + ".csv";
        Path file = folder.resolve(name);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(
                        out,
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader(columns.keySet().toArray(String[]::new))
                                .get())) {
            for (RelationshipRecord rel : rels) {
                Map<String, Object> props = new LinkedHashMap<>(rel.properties());
                props.put("from", rel.from());
                props.put("to", rel.to());
                Provenance.put(props, rel.sources());
                List<String> row = new ArrayList<>(columns.size());
                for (String column : columns.keySet()) {
                    row.add(cell(props.get(column)));
                }
                csv.printRecord(row);
            }
        }
        String sets = columns.entrySet().stream()
                .filter(c -> !c.getKey().equals("from") && !c.getKey().equals("to"))
                .map(c -> "r.`" + c.getKey() + "` = " + convert("row.`" + c.getKey() + "`", c.getValue()))
                .collect(Collectors.joining(", "));
        String statement = "LOAD CSV WITH HEADERS FROM 'file:///" + name + "' AS row\n"
                + "CALL (row) {\n  MATCH (a:Entity {id: row.from})\n  MATCH (b:Entity {id: row.to})\n"
                + "  MERGE (a)-[r:" + type.name() + "]->(b)\n  SET " + sets + "\n"
                + "} IN TRANSACTIONS OF " + ROWS_PER_TRANSACTION + " ROWS";
        return new CsvFile(name, statement, rels.size(), Files.size(file));
    }

    /** A property value as a CSV cell; null is an empty cell. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return LIST + list.stream().map(String::valueOf).collect(Collectors.joining(SEPARATOR));
        }
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        return String.valueOf(value);
    }

    /** The Cypher that turns a cell back into the stored value (an empty cell sets nothing). */
    private static String convert(String cell, PropertyType type) {
        String nonEmpty = "CASE WHEN " + cell + " IS NULL OR " + cell + " = '' THEN null ELSE ";
        return switch (type) {
            case TEXT_LIST -> nonEmpty + "split(substring(" + cell + ", 1), '\\u001F') END";
            case INTEGER -> nonEmpty + "toInteger(" + cell + ") END";
            case NUMBER -> nonEmpty + "toFloat(" + cell + ") END";
            case BOOLEAN -> nonEmpty + "toBoolean(" + cell + ") END";
            default -> nonEmpty + cell + " END";
        };
    }

    /** The statement for a kind's file, for tests and the report. */
    static String describe(List<CsvFile> files) {
        return files.stream()
                .map(f -> String.format(Locale.ROOT, "%s (%d rows)", f.name(), f.rows()))
                .collect(Collectors.joining(", "));
    }
}
