package org.policygraph.web.cypher;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The result of a console query ({@code POST /api/cypher}).
 *
 * @param columns   the column names, in order
 * @param rows      one list of values per row, in column order; nodes, relationships and paths are objects with a
 *                  {@code $type} of {@code node}, {@code relationship} or {@code path}, named by business id
 * @param truncated whether the query had more rows than the console returns (or a list longer than it returns,
 *                  or an answer larger than its byte cap)
 * @param truncation why the result was cut, in a sentence, or null when it was not
 * @param elapsedMs how long the query ran, in milliseconds
 * @param table     the rows as display cells, for the page
 * @param graph     the nodes and relationships in the result, for the page's drawing
 */
public record ConsoleResult(
        List<String> columns,
        List<List<Object>> rows,
        boolean truncated,
        String truncation,
        long elapsedMs,
        @JsonIgnore List<List<Cell>> table,
        @JsonIgnore ResultGraph graph) {

    /**
     * One table cell: its parts (a list cell has one part per item), each a text and, for a node, a link.
     *
     * @param kind  what the value is: null, text, number, boolean, node, relationship, path, list or map
     * @param parts what to show
     */
    public record Cell(String kind, List<Part> parts) {}

    /** A piece of a cell: text and, for a node with a page, its URL (else null). */
    public record Part(String text, String href) {}

    /**
     * The graph in a result, shaped like {@code /api/graph/{id}} so the page draws it the same way.
     *
     * @param nodes the nodes, once each
     * @param edges the relationships, once each
     */
    public record ResultGraph(List<GraphNode> nodes, List<GraphEdge> edges) {

        public boolean isEmpty() {
            return nodes.isEmpty();
        }
    }

    /** A node of the drawing: its key (business id, or a stand-in for nodes without one), kind, name and page. */
    public record GraphNode(String id, String kind, String name, String url) {}

    /** A relationship of the drawing, from start to end, with its type. */
    public record GraphEdge(String source, String target, String type, String label) {}
}
