package org.policygraph.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The relationship types, each with the kinds it may start and end at and a verb phrase for sentences
 * ("Anthropic endorsed California SB 53").
 */
public enum RelType {
    APPLIES_IN("applies in", "is covered by", set(Kind.REGULATION), set(Kind.JURISDICTION)),
    PART_OF("is part of", "includes", set(Kind.JURISDICTION), set(Kind.JURISDICTION)),
    HAS_PROVISION("has provision", "is a provision of", set(Kind.REGULATION), set(Kind.PROVISION)),
    DEFINES("defines", "is defined by", set(Kind.REGULATION, Kind.PROVISION), set(Kind.RISK_TIER)),
    IMPOSES("imposes", "is imposed by", set(Kind.PROVISION, Kind.REGULATION), set(Kind.OBLIGATION)),
    APPLIES_TO("applies to", "is subject to", set(Kind.OBLIGATION), set(Kind.RISK_TIER)),
    DEVELOPS("develops", "is developed by", set(Kind.ORGANISATION), set(Kind.MODEL)),
    SUBSIDIARY_OF("is a subsidiary of", "is the parent of", set(Kind.ORGANISATION), set(Kind.ORGANISATION)),
    HEADQUARTERED_IN("is headquartered in", "is home to", set(Kind.ORGANISATION), set(Kind.JURISDICTION)),
    LEADS("leads", "is led by", set(Kind.PERSON), set(Kind.ORGANISATION)),
    WORKS_FOR("works for", "employs", set(Kind.PERSON), set(Kind.ORGANISATION)),
    ENDORSED("endorsed", "was endorsed by", set(Kind.ORGANISATION, Kind.PERSON), set(Kind.REGULATION)),
    OPPOSED("opposed", "was opposed by", set(Kind.ORGANISATION, Kind.PERSON), set(Kind.REGULATION)),
    /** Signed a code, a declaration or a set of commitments (its {@code scope} says which chapters, if not all). */
    SIGNED("signed", "was signed by", set(Kind.ORGANISATION, Kind.PERSON, Kind.JURISDICTION), set(Kind.REGULATION)),
    /** Said it would not sign a code, a declaration or a set of commitments. */
    DECLINED(
            "declined to sign",
            "was declined by",
            set(Kind.ORGANISATION, Kind.PERSON, Kind.JURISDICTION),
            set(Kind.REGULATION)),
    /** Authored or sponsored a bill (its {@code role}: author, coauthor, joint author). */
    SPONSORED("sponsored", "was sponsored by", set(Kind.PERSON, Kind.ORGANISATION), set(Kind.REGULATION)),
    /** A dated event is about this node. */
    EVENT_OF("is an event of", "has event", set(Kind.EVENT), EnumSet.allOf(Kind.class)),
    /** A later statement of a fact replaces an earlier one (a date of application moved by an amendment). */
    SUPERSEDES("supersedes", "is superseded by", set(Kind.EVENT, Kind.REGULATION), set(Kind.EVENT, Kind.REGULATION)),
    ALLEGED_DEVELOPER(
            "allegedly involves a system developed by",
            "allegedly developed the system in",
            set(Kind.INCIDENT),
            set(Kind.ORGANISATION, Kind.GROUP, Kind.PERSON)),
    ALLEGED_DEPLOYER(
            "allegedly involves a system deployed by",
            "allegedly deployed the system in",
            set(Kind.INCIDENT),
            set(Kind.ORGANISATION, Kind.GROUP, Kind.PERSON)),
    HARMED(
            "allegedly harmed",
            "was allegedly harmed in",
            set(Kind.INCIDENT),
            set(Kind.ORGANISATION, Kind.GROUP, Kind.PERSON, Kind.JURISDICTION)),
    /** An incident involves this model. */
    INVOLVES("involves", "is involved in", set(Kind.INCIDENT), set(Kind.MODEL)),
    HELD_BY("is held by", "holds", set(Kind.STANCE), set(Kind.ORGANISATION, Kind.PERSON)),
    ABOUT("is about", "is the subject of", set(Kind.STANCE, Kind.CLAIM), EnumSet.allOf(Kind.class)),
    ASSERTED_BY(
            "is asserted by",
            "asserts",
            set(Kind.STANCE, Kind.CLAIM),
            set(Kind.SOURCE, Kind.ORGANISATION, Kind.PERSON)),
    ADDRESSES("addresses", "is addressed by", EnumSet.allOf(Kind.class), set(Kind.CONCEPT)),
    ISSUED_BY("was issued by", "issued", set(Kind.REGULATION), set(Kind.ORGANISATION)),
    ENFORCED_BY("is enforced by", "enforces", set(Kind.REGULATION, Kind.OBLIGATION), set(Kind.ORGANISATION)),
    AMENDS("amends", "is amended by", set(Kind.REGULATION), set(Kind.REGULATION)),
    /**
     * A soft-law instrument drawn up under a law to put it into practice (the GPAI Code of Practice under Article 56
     * of the AI Act): the end is the law or the provision it serves.
     */
    IMPLEMENTS("implements", "is implemented by", set(Kind.REGULATION), set(Kind.REGULATION, Kind.PROVISION)),
    BASED_ON("is based on", "is the base of", set(Kind.MODEL), set(Kind.MODEL)),
    /** Derived by ingest from thresholds and facts, never written by hand; carries status and reason. */
    FALLS_UNDER("falls under", "reaches", set(Kind.MODEL, Kind.ORGANISATION), set(Kind.RISK_TIER));

    /** The properties any relationship may carry besides its sources. */
    public static final java.util.Map<String, PropertyType> PROPERTIES = java.util.Map.of(
            "role", PropertyType.TEXT,
            "date", PropertyType.DATE,
            "note", PropertyType.TEXT,
            "position", PropertyType.INTEGER,
            // which part of an instrument a signature or position covers ("Safety and Security chapter")
            "scope", PropertyType.TEXT);

    /** Whether ingest derives this type itself (data files may not state it). */
    public boolean derived() {
        return this == FALLS_UNDER;
    }

    private final String verb;
    private final String inverseVerb;
    private final Set<Kind> from;
    private final Set<Kind> to;

    RelType(String verb, String inverseVerb, Set<Kind> from, Set<Kind> to) {
        this.verb = verb;
        this.inverseVerb = inverseVerb;
        this.from = from;
        this.to = to;
    }

    /** The verb phrase read from the start node: "A endorsed B". */
    public String verb() {
        return verb;
    }

    /** The verb phrase read from the end node: "B was endorsed by A". */
    public String inverseVerb() {
        return inverseVerb;
    }

    public Set<Kind> from() {
        return from;
    }

    public Set<Kind> to() {
        return to;
    }

    public boolean allows(Kind start, Kind end) {
        return from.contains(start) && to.contains(end);
    }

    public static Optional<RelType> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }

    private static Set<Kind> set(Kind first, Kind... rest) {
        return EnumSet.of(first, rest);
    }
}
