/**
 * Ingest: turns a data folder into validated records and writes them to Neo4j with MERGE on stable ids. The entry
 * point is {@link org.policygraph.ingest.Ingest}; the command-line program is
 * {@link org.policygraph.ingest.cli.IngestCommand}.
 */
package org.policygraph.ingest;
