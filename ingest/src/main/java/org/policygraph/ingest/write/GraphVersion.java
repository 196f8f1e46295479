package org.policygraph.ingest.write;

import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;

/**
 * The graph's version: one node, {@code (:GraphVersion {id: 'policygraph', version, written_at})}, outside the
 * {@code Entity} label, so that no page, count, search, export or quality check sees it. Every write by ingest that
 * changes the graph adds one to {@code version} ({@link GraphWriter}); the site polls it and serves pages cached for
 * the version it read, so a write by this process, another process or another app instance on the same server is
 * noticed within the poll interval.
 *
 * <p>There is no uniqueness constraint on the node (the schema's constraints are all on {@code Entity}): two ingests
 * writing at the same instant could MERGE two of them; readers take the highest version, so the version still grows.
 */
public final class GraphVersion {

    /** The node's label; it never carries {@code Entity}. */
    public static final String LABEL = "GraphVersion";

    /** The id of the one version node. */
    public static final String ID = "policygraph";

    static final String BUMP = """
            MERGE (v:GraphVersion {id: $id})
            SET v.version = coalesce(v.version, 0) + 1, v.written_at = datetime()
            RETURN v.version AS version
            """;

    /** Reads the version: the highest, 0 when there is none. */
    public static final String READ = """
            OPTIONAL MATCH (v:GraphVersion)
            RETURN coalesce(max(v.version), 0) AS version
            """;

    private GraphVersion() {}

    /** Adds one to the version inside the caller's transaction and returns the new version. */
    public static long bump(TransactionContext tx) {
        return tx.run(BUMP, java.util.Map.of("id", ID)).single().get("version").asLong();
    }

    /** The version stored in the graph: 0 when no write has recorded one yet (a store made before versions). */
    public static long read(Driver driver) {
        try (var session = driver.session()) {
            return session.executeRead(
                    tx -> tx.run(READ).single().get("version").asLong());
        }
    }
}
