package org.policygraph.web.entity;

import java.util.List;
import java.util.Set;
import org.policygraph.web.ref.Citation;
import org.policygraph.web.ref.EntityRef;

/**
 * A claim a source makes about a node, shown beside the node's facts.
 *
 * @param ref        the claim node
 * @param claim      what is claimed, in plain words
 * @param verdict    accurate, inaccurate, vague, opinion or disputed (null when not assessed)
 * @param correction the fact from a primary source, where the claim is wrong or vague
 * @param assertedBy who asserts it
 * @param sources    the claim's sources: the commentary with its quote, and the primary source of the correction
 */
public record ClaimView(
        EntityRef ref,
        String claim,
        String verdict,
        String correction,
        List<String> assertedBy,
        List<Citation> sources) {

    /** The verdicts (lower case) that mean a claim disagrees with the primary sources. */
    public static final Set<String> DISAGREEING = Set.of("inaccurate", "vague", "disputed", "wrong", "misleading");

    /** Whether the claim disagrees with the primary sources (and the page should flag it). */
    public boolean disagrees() {
        return verdict != null && DISAGREEING.contains(verdict.toLowerCase());
    }
}
