package org.policygraph.web.quality;

import java.util.List;
import org.policygraph.web.ref.EntityRef;

/**
 * The data-quality report: each check counted over the whole graph, with the first {@code limit} findings listed.
 *
 * @param unsourcedFacts    nodes and relationships without a source with a locator
 * @param missingSources    source ids that facts cite but no Source node has
 * @param orphanNodes       nodes without any relationship (a Source that facts cite is not an orphan)
 * @param unresolvedAliases names that do not lead to one node: shared by two nodes of a kind, or dataset
 *                          organisation names that no entry of the resolution table lists
 * @param conflictingClaims claims whose verdict says they disagree with primary sources
 * @param claimsNotAssessed claims without a verdict yet
 * @param limit             how many findings each list holds at most
 * @param likelyDuplicates  instruments that are likely one but that no entry of resolution/instruments.yaml merges
 */
public record QualityReport(
        Check<UnsourcedFact> unsourcedFacts,
        Check<MissingSource> missingSources,
        Check<EntityRef> orphanNodes,
        Check<UnresolvedAlias> unresolvedAliases,
        Check<ConflictingClaim> conflictingClaims,
        long claimsNotAssessed,
        int limit,
        Check<UnresolvedAlias> likelyDuplicates) {

    /**
     * One check: how many findings there are, and the first of them.
     *
     * @param count how many findings in the whole graph
     * @param items the first findings, at most the report's limit
     * @param <T>   the kind of finding
     */
    public record Check<T>(long count, List<T> items) {

        /** Whether there are more findings than listed. */
        public boolean truncated() {
            return items.size() < count;
        }
    }

    /**
     * A node or relationship without a source with a locator.
     *
     * @param node         the node, or the start of the relationship
     * @param relationship the relationship's type, or null for a node
     * @param other        the end of the relationship, or null for a node
     * @param problem      what is wrong, as the end of a sentence, e.g. "has no source"
     */
    public record UnsourcedFact(EntityRef node, String relationship, EntityRef other, String problem) {}

    /**
     * A source id that facts cite but that no Source node has.
     *
     * @param source  the id cited
     * @param facts   how many nodes and relationships cite it
     * @param citedBy some of the nodes citing it (or starting a relationship that does)
     */
    public record MissingSource(String source, long facts, List<EntityRef> citedBy) {}

    /**
     * A name that does not lead to one node.
     *
     * @param name   the name
     * @param reason why it is unresolved, as a sentence
     * @param nodes  the nodes it names
     */
    public record UnresolvedAlias(String name, String reason, List<EntityRef> nodes) {}

    /**
     * A claim of a source that disagrees with what primary sources say.
     *
     * @param claim      the Claim node
     * @param text       what the source claims
     * @param verdict    inaccurate, vague or disputed
     * @param correction what primary sources say, or null
     * @param about      what the claim is about
     * @param assertedBy who makes the claim
     */
    public record ConflictingClaim(
            EntityRef claim,
            String text,
            String verdict,
            String correction,
            List<EntityRef> about,
            List<EntityRef> assertedBy) {}
}
