package org.policygraph.web.entity;

import java.util.List;
import java.util.Map;
import org.policygraph.model.RelType;
import org.policygraph.web.ref.Citation;
import org.policygraph.web.ref.EntityRef;

/**
 * A relationship seen from one node.
 *
 * @param type       its type
 * @param outgoing   whether it starts at the node being viewed
 * @param other      the node at the other end
 * @param properties its properties, without provenance
 * @param sources    where it comes from
 */
public record Relation(
        RelType type, boolean outgoing, EntityRef other, Map<String, Object> properties, List<Citation> sources) {

    /** "outgoing" or "incoming". */
    public String direction() {
        return outgoing ? "outgoing" : "incoming";
    }

    /** The verb read from the viewed node: "endorsed" or "was endorsed by". */
    public String verb() {
        return outgoing ? type.verb() : type.inverseVerb();
    }

    /** The relationship as a sentence, e.g. "Anthropic endorsed California SB 53". */
    public String sentence(String viewedName) {
        return viewedName + " " + verb() + " " + other.name();
    }
}
