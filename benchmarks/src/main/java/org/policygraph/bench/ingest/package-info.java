/**
 * The ingest benchmark: PolicyGraph's ingest (read, validate, write over Bolt) of a generated folder, against
 * server-side {@code LOAD CSV} of the same rows into an empty database of the same schema.
 */
package org.policygraph.bench.ingest;
