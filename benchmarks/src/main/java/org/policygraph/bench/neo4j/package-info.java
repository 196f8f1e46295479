/**
 * The benchmarks' own embedded Neo4j: unlike the product's, it may read files in its import folder
 * ({@code LOAD CSV}, the baseline for ingest) and it loads APOC from its plugin folder (the baseline for export).
 */
package org.policygraph.bench.neo4j;
