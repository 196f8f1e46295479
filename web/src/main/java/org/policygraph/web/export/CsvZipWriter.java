package org.policygraph.web.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.policygraph.model.schema.SchemaScripts;

/**
 * A zip of CSV files in the neo4j-admin import header format: one nodes file per label set ({@code id:ID}, typed
 * property columns such as {@code training_compute_flop:double} and {@code aliases:string[]}, {@code :LABEL}), one
 * relationships file per type ({@code :START_ID}, {@code :END_ID}, {@code :TYPE}, typed properties), the Cypher to
 * run after the import (the schema, then the values the format cannot hold), an IMPORT.txt with the command that loads
 * it, and LICENSES.txt. Array items are separated by U+001F (the unit separator, which no text holds), so that
 * quotes with semicolons survive.
 */
final class CsvZipWriter {

    /** The array delimiter, as a character and as neo4j-admin's option spells it. */
    static final char ARRAY_DELIMITER = '\u001F';

    static final String ARRAY_DELIMITER_OPTION = "U+001F";

    /** The Cypher to run once the import is done: the schema, then the values the CSV format cannot hold. */
    static final String AFTER_IMPORT = "after-import.cypher";

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL_NON_NULL).get();

    private CsvZipWriter() {}

    static void write(GraphSource source, OutputStream stream) throws IOException {
        GraphShape shape = source.shape();
        ZipOutputStream zip = new ZipOutputStream(stream, StandardCharsets.UTF_8);
        List<String> nodeFiles = new ArrayList<>();
        List<String> relationshipFiles = new ArrayList<>();
        for (GraphShape.NodeGroup group : shape.nodeGroups()) {
            String file = "nodes-" + safe(String.join("-", group.labels())) + ".csv";
            nodeFiles.add(file);
            zip.putNextEntry(new ZipEntry(file));
            CSVPrinter csv = new CSVPrinter(writer(zip), FORMAT);
            List<String> keys = new ArrayList<>(group.properties().keySet());
            keys.remove("id");
            List<String> header = new ArrayList<>();
            header.add("id:ID");
            for (String key : keys) {
                header.add(key + ":" + ValueTypes.importType(group.properties().get(key)));
            }
            header.add(":LABEL");
            csv.printRecord(header);
            source.nodes(group, page -> {
                for (ExportNode node : page) {
                    List<String> row = new ArrayList<>();
                    row.add(node.id());
                    for (String key : keys) {
                        row.add(field(node.properties().get(key)));
                    }
                    row.add(String.join(String.valueOf(ARRAY_DELIMITER), node.labels()));
                    print(csv, row);
                }
            });
            csv.flush();
            zip.closeEntry();
        }
        for (GraphShape.RelationshipGroup group : shape.relationshipGroups()) {
            String file = "relationships-" + safe(group.type()) + ".csv";
            relationshipFiles.add(file);
            zip.putNextEntry(new ZipEntry(file));
            CSVPrinter csv = new CSVPrinter(writer(zip), FORMAT);
            List<String> keys = new ArrayList<>(group.properties().keySet());
            List<String> header = new ArrayList<>(List.of(":START_ID", ":END_ID", ":TYPE"));
            for (String key : keys) {
                header.add(key + ":" + ValueTypes.importType(group.properties().get(key)));
            }
            csv.printRecord(header);
            source.relationships(group, page -> {
                for (ExportRelationship r : page) {
                    List<String> row = new ArrayList<>(List.of(r.start(), r.end(), r.type()));
                    for (String key : keys) {
                        row.add(field(r.properties().get(key)));
                    }
                    print(csv, row);
                }
            });
            csv.flush();
            zip.closeEntry();
        }
        zip.putNextEntry(new ZipEntry(AFTER_IMPORT));
        afterImport(source, writer(zip));
        zip.closeEntry();
        text(zip, "IMPORT.txt", importInstructions(source, nodeFiles, relationshipFiles));
        text(zip, "LICENSES.txt", String.join("\n", source.licences().lines()) + "\n");
        zip.finish();
        zip.flush();
    }

    /** The neo4j-admin command that loads these files into an empty database, and the schema step after it. */
    static String importInstructions(GraphSource source, List<String> nodeFiles, List<String> relationshipFiles) {
        StringBuilder sb = new StringBuilder();
        sb.append("PolicyGraph export: ")
                .append(source.scope().description())
                .append(" (")
                .append(source.shape().nodeCount())
                .append(" nodes, ")
                .append(source.shape().relationshipCount())
                .append(" relationships), in the neo4j-admin import format.\n\n")
                .append("Load it into a new, empty database (Neo4j 5, the server stopped), from this folder:\n\n")
                .append("  neo4j-admin database import full --array-delimiter=")
                .append(ARRAY_DELIMITER_OPTION)
                .append(" --multiline-fields=true");
        for (String f : nodeFiles) {
            sb.append(" \\\n    --nodes=").append(f);
        }
        for (String f : relationshipFiles) {
            sb.append(" \\\n    --relationships=").append(f);
        }
        sb.append(" \\\n    neo4j\n\n")
                .append(
                        "Then start the server and run after-import.cypher, which creates the constraints and indexes and ")
                .append(
                        "restores the values the import format cannot hold (an empty text, a list of one empty text):\n\n")
                .append("  cypher-shell -u neo4j -p PASSWORD -f ")
                .append(AFTER_IMPORT)
                .append("\n\n")
                .append(
                        "Array items (aliases, sources, locators, quotes) are separated by U+001F. The licences of the ")
                .append("data are in LICENSES.txt.\n");
        return sb.toString();
    }

    /**
     * Writes {@link #AFTER_IMPORT}: in a second pass over the elements (page by page, like the first), a SET for every
     * property neo4j-admin would drop (an empty field is no property, so "" and [""] would be lost), after the schema.
     */
    static void afterImport(GraphSource source, Writer out) throws IOException {
        out.write("// Run after neo4j-admin database import: creates the constraints and indexes, then restores the\n"
                + "// values the CSV format cannot hold (found by id through the constraint's index).\n");
        // the schema first: every SET below finds its node or relationship ends by id, which without the id
        // constraint's index is a scan of every node per statement (minutes on the default data)
        for (String statement : SchemaScripts.allStatements()) {
            out.write(statement.strip());
            out.write(";\n");
        }
        for (GraphShape.NodeGroup group : source.shape().nodeGroups()) {
            source.nodes(group, page -> {
                Map<String, Map<String, List<String>>> byKey = new TreeMap<>(); // key -> literal -> ids
                for (ExportNode node : page) {
                    node.properties()
                            .forEach((key, value) -> lost(value)
                                    .ifPresent(literal -> byKey.computeIfAbsent(key, k -> new TreeMap<>())
                                            .computeIfAbsent(literal, l -> new ArrayList<>())
                                            .add(node.id())));
                }
                byKey.forEach((key, literals) -> literals.forEach((literal, ids) -> {
                    StringBuilder sb = new StringBuilder("UNWIND ");
                    CypherLiterals.append(sb, ids);
                    sb.append(" AS id MATCH (n:Entity {id: id}) SET n.")
                            .append(CypherLiterals.name(key))
                            .append(" = ")
                            .append(literal)
                            .append(";\n");
                    write(out, sb);
                }));
            });
        }
        for (GraphShape.RelationshipGroup group : source.shape().relationshipGroups()) {
            source.relationships(group, page -> {
                Map<String, Map<String, List<List<String>>>> byKey = new TreeMap<>();
                for (ExportRelationship r : page) {
                    r.properties()
                            .forEach((key, value) -> lost(value)
                                    .ifPresent(literal -> byKey.computeIfAbsent(key, k -> new TreeMap<>())
                                            .computeIfAbsent(literal, l -> new ArrayList<>())
                                            .add(List.of(r.start(), r.end()))));
                }
                byKey.forEach((key, literals) -> literals.forEach((literal, pairs) -> {
                    StringBuilder sb = new StringBuilder("UNWIND ");
                    CypherLiterals.append(sb, pairs);
                    sb.append(" AS pair MATCH (:Entity {id: pair[0]})-[r:")
                            .append(CypherLiterals.name(group.type()))
                            .append("]->(:Entity {id: pair[1]}) SET r.")
                            .append(CypherLiterals.name(key))
                            .append(" = ")
                            .append(literal)
                            .append(";\n");
                    write(out, sb);
                }));
            });
        }
        out.flush();
    }

    /** The Cypher literal of a value the import format cannot express, if this is one. */
    private static Optional<String> lost(Object value) {
        if ("".equals(value)) {
            return Optional.of("''");
        }
        if (value instanceof List<?> list && (list.isEmpty() || (list.size() == 1 && "".equals(list.get(0))))) {
            return Optional.of(list.isEmpty() ? "[]" : "['']");
        }
        return Optional.empty();
    }

    private static void write(Writer out, CharSequence text) {
        try {
            out.write(text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(ARRAY_DELIMITER);
                }
                sb.append(list.get(i));
            }
            return sb.toString();
        }
        return String.valueOf(value); // text, numbers (Double.toString reads back exactly), booleans, ISO dates
    }

    private static void print(CSVPrinter csv, List<String> row) {
        try {
            csv.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A writer into the current zip entry that never closes the zip. */
    private static Writer writer(ZipOutputStream zip) {
        return new OutputStreamWriter(
                new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        zip.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        zip.write(b, off, len);
                    }
                },
                StandardCharsets.UTF_8);
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
