/**
 * The export benchmark: a Cypher-script export of the whole graph, PolicyGraph's against APOC's
 * {@code apoc.export.cypher.all}, both behind the small {@link org.policygraph.bench.export.CypherScriptExport}
 * contract.
 */
package org.policygraph.bench.export;
