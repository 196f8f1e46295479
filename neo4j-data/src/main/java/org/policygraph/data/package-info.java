/**
 * The default data shipped with PolicyGraph (curated files and the real datasets they draw on, as classpath
 * resources under {@code policygraph/data/}) and the embedded Neo4j Community server used when no external
 * database is configured.
 */
package org.policygraph.data;
