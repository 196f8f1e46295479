package org.policygraph.model;

/**
 * The graph's version node as both sides read it: {@code (:GraphVersion {id: 'policygraph', version, written_at})},
 * outside the {@code Entity} label, so that no page, count, search, export or quality check sees it. Ingest bumps it
 * on every write that changes the graph ({@code org.policygraph.ingest.write.GraphVersion}); the site polls it with
 * {@link #READ} and serves pages cached for the version it read.
 *
 * <p>There is no uniqueness constraint on the node (the schema's constraints are all on {@code Entity}): two ingests
 * writing at the same instant could MERGE two of them; readers take the highest version, so the version still grows.
 */
public final class GraphVersionNode {

    /** The node's label; it never carries {@code Entity}. */
    public static final String LABEL = "GraphVersion";

    /** The id of the one version node. */
    public static final String ID = "policygraph";

    /** Adds one to the version (parameter {@code id}: {@link #ID}) and returns it in the column {@code version}. */
    public static final String BUMP = """
            MERGE (v:GraphVersion {id: $id})
            SET v.version = coalesce(v.version, 0) + 1, v.written_at = datetime()
            RETURN v.version AS version
            """;

    /** Reads the version in the column {@code version}: the highest, 0 when there is none. */
    public static final String READ = """
            OPTIONAL MATCH (v:GraphVersion)
            RETURN coalesce(max(v.version), 0) AS version
            """;

    private GraphVersionNode() {}
}
