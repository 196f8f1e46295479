package org.policygraph.bench.export;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.policygraph.model.Kind;
import org.policygraph.model.RelType;
import org.policygraph.model.schema.SchemaScripts;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * A streamed Cypher-script export written in the benchmark module to the {@link CypherScriptExport} contract, while
 * PolicyGraph's own exporter is built on another branch: schema statements first (the same versioned files the app
 * applies), then every kind's nodes and every type's relationships as batches of
 * {@code UNWIND [...] AS row MERGE ... SET ...} statements, {@value #ROWS_PER_STATEMENT} rows each and
 * {@value #STATEMENTS_PER_TRANSACTION} statements a transaction. Rows are read from a query result as the driver
 * fetches them and written at once, so no more than one statement is in memory; MERGE on ids makes loading the script
 * twice change nothing.
 */
public final class StreamedCypherScriptExport implements CypherScriptExport {

    static final int ROWS_PER_STATEMENT = 1_000;
    static final int STATEMENTS_PER_TRANSACTION = 10;

    @Override
    public String name() {
        return "PolicyGraph streamed Cypher script (benchmark module)";
    }

    @Override
    public Exported export(Driver driver, Writer out) throws IOException {
        Counter counter = new Counter(out);
        counter.write("// PolicyGraph export: load into an empty database with cypher-shell -f\n");
        for (String statement : SchemaScripts.allStatements()) {
            counter.write(statement.strip().replaceAll("\\s*\\n\\s*", " ") + ";\n");
        }
        counter.write("CALL db.awaitIndexes(300);\n");
        long nodes = 0;
        long relationships = 0;
        try (var session = driver.session()) {
            for (Kind kind : Kind.values()) {
                Result result = session.run("MATCH (n:" + kind.label() + ":Entity) RETURN properties(n) AS p");
                nodes += batches(result, counter, "UNWIND [", "] AS row MERGE (n:Entity {id: row.id}) SET n += row "
                        + "SET n:" + kind.label() + ";\n", (sb, r) -> CypherLiterals.append(sb, r.get("p").asMap()));
            }
            for (RelType type : RelType.values()) {
                Result result = session.run("MATCH (a:Entity)-[r:" + type.name() + "]->(b:Entity) "
                        + "RETURN a.id AS a, b.id AS b, properties(r) AS p");
                relationships += batches(result, counter, "UNWIND [", "] AS row MATCH (a:Entity {id: row.a}) "
                        + "MATCH (b:Entity {id: row.b}) MERGE (a)-[r:" + type.name() + "]->(b) SET r += row.p;\n",
                        (sb, r) -> {
                            sb.append("{a: ");
                            CypherLiterals.append(sb, r.get("a").asString());
                            sb.append(", b: ");
                            CypherLiterals.append(sb, r.get("b").asString());
                            sb.append(", p: ");
                            CypherLiterals.append(sb, r.get("p").asMap());
                            sb.append('}');
                        });
            }
        }
        out.flush();
        return new Exported(nodes, relationships, counter.characters);
    }

    /** Writes the result's rows as statements of {@link #ROWS_PER_STATEMENT}; returns the number of rows. */
    private static long batches(Result result, Counter out, String head, String tail, RowWriter row)
            throws IOException {
        long rows = 0;
        int inStatement = 0;
        int statements = 0;
        StringBuilder sb = new StringBuilder(1 << 16);
        while (result.hasNext()) {
            Record record = result.next();
            if (inStatement == 0) {
                if (statements % STATEMENTS_PER_TRANSACTION == 0) {
                    sb.append(":begin\n");
                }
                sb.append(head);
            } else {
                sb.append(", ");
            }
            row.write(sb, record);
            rows++;
            if (++inStatement == ROWS_PER_STATEMENT) {
                sb.append(tail);
                inStatement = 0;
                if (++statements % STATEMENTS_PER_TRANSACTION == 0) {
                    sb.append(":commit\n");
                }
                out.write(sb);
                sb.setLength(0);
            }
        }
        if (inStatement > 0) {
            sb.append(tail);
            statements++;
        }
        if (statements % STATEMENTS_PER_TRANSACTION != 0) {
            sb.append(":commit\n");
        }
        out.write(sb);
        return rows;
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(StringBuilder sb, Record record);
    }

    /** A writer that counts what it writes. */
    private static final class Counter {
        private final Writer out;
        private long characters;

        Counter(Writer out) {
            this.out = out;
        }

        void write(CharSequence text) throws IOException {
            out.append(text);
            characters += text.length();
        }
    }

    /** The statements a script holds, for loading it without cypher-shell (tests): one statement a line. */
    static java.util.List<String> statements(String script) {
        return script.lines().filter(l -> !l.isBlank() && !l.startsWith("//") && !l.startsWith(":"))
                .map(l -> l.endsWith(";") ? l.substring(0, l.length() - 1) : l).toList();
    }

    /** Unused by the export itself: how the rows of a kind look, for the report's notes. */
    static Map<String, String> shape() {
        return Map.of("nodes", "UNWIND [...] AS row MERGE (n:Entity {id: row.id}) SET n += row SET n:Kind",
                "relationships", "UNWIND [...] AS row MATCH (a:Entity {id: row.a}) MATCH (b:Entity {id: row.b}) "
                        + "MERGE (a)-[r:TYPE]->(b) SET r += row.p");
    }
}
