/** Writes validated records to Neo4j through the Java driver: schema first, then MERGE on ids in one transaction. */
package org.policygraph.ingest.write;
