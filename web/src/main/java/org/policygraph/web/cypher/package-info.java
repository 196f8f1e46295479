/**
 * The read-only Cypher console: the page ({@code /cypher}), the API ({@code POST /api/cypher}), the library of saved
 * queries, and the guards that make it read-only by construction (tokens, plan, read access mode, timeout, row,
 * length and concurrency caps). Queries run in a Neo4j process of the console's own, over a copy of the graph, which
 * a watchdog kills when a query outlives its deadline ({@link org.policygraph.web.cypher.ConsoleDatabase}); the page's
 * editor completes the graph's vocabulary ({@link org.policygraph.web.cypher.EditorSchema}).
 */
package org.policygraph.web.cypher;
