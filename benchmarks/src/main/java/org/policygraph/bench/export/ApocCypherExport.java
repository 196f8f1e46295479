package org.policygraph.bench.export;

import java.io.IOException;
import java.io.Writer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;

/**
 * The baseline: APOC's {@code apoc.export.cypher.all} with its defaults (cypher-shell format, UNWIND batches of 20
 * rows, a transaction every 20,000), streamed to the client ({@code stream: true}) and written to a file there, as
 * PolicyGraph's export is. Needs a server with APOC loaded: only the benchmarks' own.
 */
public final class ApocCypherExport implements CypherScriptExport {

    @Override
    public String name() {
        return "apoc.export.cypher.all (APOC core, defaults, streamed)";
    }

    @Override
    public Exported export(Driver driver, Writer out) throws IOException {
        long nodes = 0;
        long relationships = 0;
        long characters = 0;
        try (var session = driver.session()) {
            Result result = session.run("CALL apoc.export.cypher.all(null, {stream: true, format: 'cypher-shell'}) "
                    + "YIELD nodes, relationships, cypherStatements RETURN nodes, relationships, cypherStatements");
            while (result.hasNext()) {
                Record r = result.next();
                nodes = Math.max(nodes, r.get("nodes").asLong());
                relationships = Math.max(relationships, r.get("relationships").asLong());
                String statements = r.get("cypherStatements").asString("");
                out.write(statements);
                characters += statements.length();
            }
        }
        out.flush();
        return new Exported(nodes, relationships, characters);
    }
}
