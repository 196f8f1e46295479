package org.policygraph.ingest.write;

import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.policygraph.model.GraphVersionNode;

/**
 * Writes and reads the graph's version node ({@link GraphVersionNode}: its label, id and queries live in graph-model,
 * where the site reads them too). Every write by ingest that changes the graph adds one to {@code version}
 * ({@link GraphWriter}); the site polls it and serves pages cached for the version it read, so a write by this
 * process, another process or another app instance on the same server is noticed within the poll interval.
 */
public final class GraphVersion {

    /** The id of the one version node. */
    public static final String ID = GraphVersionNode.ID;

    private GraphVersion() {}

    /** Adds one to the version inside the caller's transaction and returns the new version. */
    public static long bump(TransactionContext tx) {
        return tx.run(GraphVersionNode.BUMP, java.util.Map.of("id", ID))
                .single()
                .get("version")
                .asLong();
    }

    /** The version stored in the graph: 0 when no write has recorded one yet (a store made before versions). */
    public static long read(Driver driver) {
        try (var session = driver.session()) {
            return session.executeRead(
                    tx -> tx.run(GraphVersionNode.READ).single().get("version").asLong());
        }
    }
}
