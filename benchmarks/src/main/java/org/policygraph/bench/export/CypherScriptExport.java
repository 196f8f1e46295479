package org.policygraph.bench.export;

import java.io.IOException;
import java.io.Writer;
import org.neo4j.driver.Driver;

/**
 * Writes a whole PolicyGraph graph as a Cypher script that Neo4j's {@code cypher-shell} loads into an empty
 * database: what the export benchmark measures. {@link SiteCypherExport} is PolicyGraph's own (the packaged site's
 * export endpoint), and {@link ApocCypherExport} is the baseline.
 */
public interface CypherScriptExport {

    /** What the export is, for the report. */
    String name();

    /** Writes the script; the database is read, never changed. */
    Exported export(Driver driver, Writer out) throws IOException;

    /**
     * What an export wrote.
     *
     * @param nodes         nodes in the script
     * @param relationships relationships in the script
     * @param characters    characters written
     */
    record Exported(long nodes, long relationships, long characters) {}
}
