/**
 * Exports of the whole graph, of a node's neighbourhood or of a saved query's result as a Cypher script, a zip of
 * neo4j-admin CSV files, JSON or GraphML: streamed page by page, each with the licences of its data.
 */
package org.policygraph.web.export;
