package org.policygraph.web.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.policygraph.model.schema.SchemaScripts;

/**
 * A Cypher script that loads the export into an empty Neo4j 5 with {@code cypher-shell -f}: a header of comments
 * (what it is, how to load it, the licences), the schema (constraints first, then indexes, from graph-model's
 * versioned files), then the nodes and the relationships in batches: each batch is set as a parameter
 * ({@code :param rows => [...]}, on one line) and loaded by {@code UNWIND $rows AS row MERGE ...}. MERGE on ids makes
 * loading it twice harmless.
 *
 * <p>Why parameters: Neo4j 5's Cypher front end spends about 10 ms per row on a statement whose rows are literals
 * (a 100-row statement of the default data took about 1 s to plan, so the whole graph took over five minutes), and
 * every batch is a new query text to plan. cypher-shell 5 reads a {@code :param} literal itself, on the client, and
 * the statement text stays the same for every batch of a group, so Neo4j plans it once.
 */
final class CypherScriptWriter {

    /** Rows per UNWIND statement: provisions carry long texts, so statements stay a few hundred kB at most. */
    static final int BATCH = 100;

    /** A batch's rows as a parameter: one line, since a cypher-shell command ends at the end of its line. */
    static final String PARAM = ":param rows => [";

    static final String UNWIND = "UNWIND $rows AS row\n";

    private CypherScriptWriter() {}

    static void write(GraphSource source, OutputStream stream) throws IOException {
        Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        GraphShape shape = source.shape();
        comment(
                out,
                "PolicyGraph export: " + source.scope().description() + " (" + shape.nodeCount() + " nodes, "
                        + shape.relationshipCount() + " relationships).");
        comment(out, "Load it into an empty Neo4j 5 database with cypher-shell (each batch is a :param command):");
        comment(
                out,
                "  cypher-shell -a neo4j://localhost:7687 -u neo4j -p PASSWORD -f "
                        + source.scope().fileStem() + ".cypher");
        comment(out, "");
        comment(out, "Licences and attributions:");
        for (String line : source.licences().lines()) {
            comment(out, line);
        }
        out.write("\n// Schema: constraints first, then indexes\n");
        for (String statement : SchemaScripts.allStatements()) {
            out.write(statement.strip());
            out.write(";\n");
        }
        for (GraphShape.NodeGroup group : shape.nodeGroups()) {
            String merge = mergeNodes(group.labels());
            out.write("\n// " + group.count() + " nodes " + String.join(":", group.labels()) + "\n");
            source.nodes(group, page -> {
                for (int i = 0; i < page.size(); i += BATCH) {
                    StringBuilder sb = new StringBuilder(PARAM);
                    List<ExportNode> batch = page.subList(i, Math.min(page.size(), i + BATCH));
                    for (int j = 0; j < batch.size(); j++) {
                        sb.append(j == 0 ? "{id: " : ", {id: ");
                        CypherLiterals.string(sb, batch.get(j).id());
                        sb.append(", props: ");
                        CypherLiterals.append(sb, batch.get(j).properties());
                        sb.append('}');
                    }
                    sb.append("]\n").append(UNWIND).append(merge).append(";\n");
                    write(out, sb);
                }
            });
        }
        for (GraphShape.RelationshipGroup group : shape.relationshipGroups()) {
            String merge = "MATCH (a:Entity {id: row.from})\nMATCH (b:Entity {id: row.to})\nMERGE (a)-[r:"
                    + CypherLiterals.name(group.type()) + "]->(b)\nSET r += row.props";
            out.write("\n// " + group.count() + " relationships " + group.type() + "\n");
            source.relationships(group, page -> {
                for (int i = 0; i < page.size(); i += BATCH) {
                    StringBuilder sb = new StringBuilder(PARAM);
                    List<ExportRelationship> batch = page.subList(i, Math.min(page.size(), i + BATCH));
                    for (int j = 0; j < batch.size(); j++) {
                        ExportRelationship r = batch.get(j);
                        sb.append(j == 0 ? "{from: " : ", {from: ");
                        CypherLiterals.string(sb, r.start());
                        sb.append(", to: ");
                        CypherLiterals.string(sb, r.end());
                        sb.append(", props: ");
                        CypherLiterals.append(sb, r.properties());
                        sb.append('}');
                    }
                    sb.append("]\n").append(UNWIND).append(merge).append(";\n");
                    write(out, sb);
                }
            });
        }
        out.write("\n// end of export\n");
        out.flush();
    }

    /** MERGE on the first kind label and id; the other labels ({@code Entity} among them) are set after. */
    private static String mergeNodes(List<String> labels) {
        String key =
                labels.stream().filter(l -> !l.equals("Entity")).findFirst().orElse("Entity");
        StringBuilder sb = new StringBuilder("MERGE (n:")
                .append(CypherLiterals.name(key))
                .append(" {id: row.id})\n")
                .append("SET n += row.props");
        for (String label : labels) {
            if (!label.equals(key)) {
                sb.append(", n:").append(CypherLiterals.name(label));
            }
        }
        return sb.toString();
    }

    private static void comment(Writer out, String text) throws IOException {
        out.write(("// " + text).replace('\n', ' ').replace('\r', ' ').stripTrailing());
        out.write('\n');
    }

    private static void write(Writer out, CharSequence text) {
        try {
            out.write(text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
