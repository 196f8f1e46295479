package org.policygraph.bench.generate;

import java.util.EnumMap;
import java.util.Map;
import org.policygraph.model.Kind;
import org.policygraph.model.RelType;

/**
 * The shape of the default data (counted on 2026-11-28: 2,089 nodes, 2,668 relationships), which the generator
 * scales: nodes per kind, relationships per type, and how many organisations and models have a curated record
 * besides their dataset rows. A test compares these with the default data as it is now.
 */
public final class Proportions {

    /** Models in the default data: the generator's scale 1. */
    public static final int DEFAULT_MODELS = 1_140;

    /** Organisations with a curated record (public bodies, and labs described by hand). */
    public static final int CURATED_ORGANISATIONS = 24;

    /** Models with a curated record besides their Epoch row. */
    public static final int CURATED_MODELS = 30;

    /** The share of organisations whose country the datasets give (342 HEADQUARTERED_IN of 409). */
    public static final double WITH_COUNTRY = 342.0 / 409;

    private static final Map<Kind, Integer> NODES = new EnumMap<>(Kind.class);
    private static final Map<RelType, Integer> RELATIONSHIPS = new EnumMap<>(RelType.class);

    static {
        NODES.put(Kind.CLAIM, 46);
        NODES.put(Kind.CONCEPT, 32);
        NODES.put(Kind.JURISDICTION, 35);
        NODES.put(Kind.MODEL, DEFAULT_MODELS);
        NODES.put(Kind.OBLIGATION, 47);
        NODES.put(Kind.ORGANISATION, 409);
        NODES.put(Kind.PERSON, 3);
        NODES.put(Kind.PROVISION, 329);
        NODES.put(Kind.REGULATION, 6);
        NODES.put(Kind.RISK_TIER, 8);
        NODES.put(Kind.SOURCE, 26);
        NODES.put(Kind.STANCE, 8);

        RELATIONSHIPS.put(RelType.ABOUT, 118);
        RELATIONSHIPS.put(RelType.ADDRESSES, 49);
        RELATIONSHIPS.put(RelType.AMENDS, 1);
        RELATIONSHIPS.put(RelType.APPLIES_IN, 6);
        RELATIONSHIPS.put(RelType.APPLIES_TO, 38);
        RELATIONSHIPS.put(RelType.ASSERTED_BY, 56);
        RELATIONSHIPS.put(RelType.BASED_ON, 3);
        RELATIONSHIPS.put(RelType.DEFINES, 19);
        RELATIONSHIPS.put(RelType.DEVELOPS, 1_607);
        RELATIONSHIPS.put(RelType.ENDORSED, 1);
        RELATIONSHIPS.put(RelType.ENFORCED_BY, 12);
        RELATIONSHIPS.put(RelType.HAS_PROVISION, 329);
        RELATIONSHIPS.put(RelType.HEADQUARTERED_IN, 342);
        RELATIONSHIPS.put(RelType.HELD_BY, 10);
        RELATIONSHIPS.put(RelType.IMPOSES, 53);
        RELATIONSHIPS.put(RelType.ISSUED_BY, 17);
        RELATIONSHIPS.put(RelType.LEADS, 3);
        RELATIONSHIPS.put(RelType.PART_OF, 2);
        RELATIONSHIPS.put(RelType.SUBSIDIARY_OF, 2);
    }

    private Proportions() {}

    /** Nodes of a kind in the default data. */
    public static int nodes(Kind kind) {
        return NODES.getOrDefault(kind, 0);
    }

    /** Relationships of a type in the default data. */
    public static int relationships(RelType type) {
        return RELATIONSHIPS.getOrDefault(type, 0);
    }

    /** All node counts. */
    public static Map<Kind, Integer> nodes() {
        return Map.copyOf(NODES);
    }

    /** All relationship counts. */
    public static Map<RelType, Integer> relationships() {
        return Map.copyOf(RELATIONSHIPS);
    }
}
