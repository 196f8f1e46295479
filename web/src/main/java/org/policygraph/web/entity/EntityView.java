package org.policygraph.web.entity;

import java.util.List;
import java.util.Map;
import org.policygraph.web.ref.Citation;
import org.policygraph.web.ref.EntityRef;

/**
 * Everything a node's page shows.
 *
 * @param ref        the node
 * @param aliases    its other names
 * @param summary    one sentence saying what it is, or null
 * @param properties its kind-specific properties in the kind's order
 * @param sources    the sources of the node itself
 * @param groups     its relationships grouped by type and direction, most important first
 * @param text       a provision's text, or null
 * @param claims     what sources claim about it, disagreeing claims first
 * @param structure  a regulation's table of contents (empty for other nodes)
 * @param amendments amendments of the node's regulation that PolicyGraph's data does not include yet
 */
public record EntityView(
        EntityRef ref,
        List<String> aliases,
        String summary,
        List<PropertyRow> properties,
        List<Citation> sources,
        List<RelationGroup> groups,
        String text,
        List<ClaimView> claims,
        Structure structure,
        List<Amendment> amendments) {

    /** How many claims about the node disagree with primary sources. */
    public long disagreements() {
        return claims.stream().filter(ClaimView::disagrees).count();
    }

    /** The properties as a map, for JSON. */
    public Map<String, Object> propertyMap() {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        properties.forEach(p -> map.put(p.name(), p.value()));
        return map;
    }

    /** How many relationships the node has. */
    public long relationshipCount() {
        return groups.stream().mapToLong(RelationGroup::total).sum();
    }
}
