package org.policygraph.web.export;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an export holds, learnt in one aggregate pass before any element is written: the label sets of its nodes and
 * the types of its relationships, each with its count and the value types of each property. Formats that declare
 * columns or keys up front (CSV headers, GraphML keys) need it; it is small whatever the size of the graph.
 *
 * @param nodeGroups         one entry per distinct label set
 * @param relationshipGroups one entry per relationship type
 */
public record GraphShape(List<NodeGroup> nodeGroups, List<RelationshipGroup> relationshipGroups) {

    /**
     * Nodes with one label set.
     *
     * @param labels     the labels, in Neo4j's order
     * @param count      how many nodes
     * @param properties each property key with the value types seen (Neo4j's {@code valueType()} names)
     */
    public record NodeGroup(List<String> labels, long count, Map<String, Set<String>> properties) {}

    /**
     * Relationships of one type.
     *
     * @param type       the type
     * @param count      how many
     * @param properties each property key with the value types seen
     */
    public record RelationshipGroup(String type, long count, Map<String, Set<String>> properties) {}

    public long nodeCount() {
        return nodeGroups.stream().mapToLong(NodeGroup::count).sum();
    }

    public long relationshipCount() {
        return relationshipGroups.stream().mapToLong(RelationshipGroup::count).sum();
    }
}
