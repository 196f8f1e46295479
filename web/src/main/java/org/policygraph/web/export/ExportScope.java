package org.policygraph.web.export;

import java.util.List;
import java.util.Map;

/**
 * What an export covers.
 *
 * @param description       what it is, in words, for the file's header ("the whole graph", ...)
 * @param fileStem          the download's file name without extension
 * @param nodeIds           the ids of the nodes, or null for every node
 * @param relationshipPairs per relationship type, the [start id, end id] pairs, or null for every relationship
 *                          between the nodes
 */
public record ExportScope(
        String description, String fileStem, List<String> nodeIds, Map<String, List<List<String>>> relationshipPairs) {

    /** The whole graph. */
    static ExportScope whole() {
        return new ExportScope("the whole graph", "policygraph", null, null);
    }
}
