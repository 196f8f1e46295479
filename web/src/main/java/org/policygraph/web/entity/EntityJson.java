package org.policygraph.web.entity;

import java.util.List;
import java.util.Map;
import org.policygraph.web.asof.PointInTime;
import org.policygraph.web.ref.Citation;

/**
 * The JSON of a node ({@code GET /api/{kind}/{id}}).
 *
 * @param id            the stable id
 * @param kind          the kind's label, e.g. {@code Regulation}
 * @param name          the display name
 * @param url           the node's page
 * @param aliases       other names
 * @param summary       one sentence, or null
 * @param properties    kind-specific properties
 * @param sources       where the node's facts come from
 * @param relationships the relationships, each with its other end and sources: all of them, except that of a
 *                      type and direction a busy node has hundreds of, the first ones only (see relationshipCounts)
 * @param relationshipCounts per type and direction, how many there are and how many are listed
 * @param claims        what commentary claims about it
 * @param pointInTime   for regulations, risk tiers, obligations and provisions: what applied on the day asked
 *                      ({@code as-of}, default today), or null
 */
public record EntityJson(
        String id,
        String kind,
        String name,
        String url,
        List<String> aliases,
        String summary,
        Map<String, Object> properties,
        String text,
        List<Citation> sources,
        List<RelationshipJson> relationships,
        List<GroupCount> relationshipCounts,
        List<ClaimJson> claims,
        PointInTime pointInTime) {

    /** How many relationships of a type and direction the node has, and how many of them are listed. */
    public record GroupCount(String type, String direction, long total, int listed) {}

    /** A claim a source makes about the node, with its verdict and the primary-source correction. */
    public record ClaimJson(
            String id,
            String claim,
            String verdict,
            boolean disagrees,
            String correction,
            List<String> assertedBy,
            List<Citation> sources) {}

    /**
     * One relationship seen from the node.
     *
     * @param type       the type, e.g. {@code ENDORSED}
     * @param direction  {@code outgoing} or {@code incoming}
     * @param sentence   the relationship in words
     * @param other      the node at the other end
     * @param properties its properties, without provenance
     * @param sources    where it comes from
     */
    public record RelationshipJson(
            String type,
            String direction,
            String sentence,
            Other other,
            Map<String, Object> properties,
            List<Citation> sources) {}

    /** The other end of a relationship. */
    public record Other(String id, String kind, String name, String url) {}

    static EntityJson of(EntityView view) {
        return of(view, null);
    }

    static EntityJson of(EntityView view, PointInTime pointInTime) {
        List<RelationshipJson> rels = view.groups().stream()
                .flatMap(g -> g.items().stream())
                .map(r -> new RelationshipJson(
                        r.type().name(),
                        r.direction(),
                        r.sentence(view.ref().name()),
                        new Other(
                                r.other().id(),
                                r.other().kind().label(),
                                r.other().name(),
                                r.other().url()),
                        r.properties(),
                        r.sources()))
                .toList();
        return new EntityJson(
                view.ref().id(),
                view.ref().kind().label(),
                view.ref().name(),
                view.ref().url(),
                view.aliases(),
                view.summary(),
                view.propertyMap(),
                view.text(),
                view.sources(),
                rels,
                view.groups().stream()
                        .map(g -> new GroupCount(
                                g.items().get(0).type().name(),
                                g.items().get(0).direction(),
                                g.total(),
                                g.items().size()))
                        .toList(),
                view.claims().stream()
                        .map(c -> new ClaimJson(
                                c.ref().id(),
                                c.claim(),
                                c.verdict(),
                                c.disagrees(),
                                c.correction(),
                                c.assertedBy(),
                                c.sources()))
                        .toList(),
                pointInTime);
    }
}
