/** The neighbourhood of a node as nodes and edges, for the graph view on every entity page. */
package org.policygraph.web.graph;
