/**
 * Writes validated records to Neo4j through the Java driver: schema first, then MERGE on ids in one transaction,
 * refusing a load that would remove more of a source's facts than allowed ({@link
 * org.policygraph.ingest.write.Removals}), and bumping the graph's version ({@link
 * org.policygraph.ingest.write.GraphVersion}) that the site's page cache follows.
 */
package org.policygraph.ingest.write;
