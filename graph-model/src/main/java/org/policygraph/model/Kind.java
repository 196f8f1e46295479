package org.policygraph.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of node in the graph. Each kind is a Neo4j label (every node also carries the {@code Entity} label),
 * has a plural, URL-friendly name used for data folders and site paths, and a closed list of kind-specific
 * properties with their types.
 */
public enum Kind {
    JURISDICTION(
            "Jurisdiction",
            "jurisdictions",
            "jurisdiction",
            props(
                    "jurisdiction_type", PropertyType.TEXT,
                    "iso_code", PropertyType.TEXT)),
    REGULATION(
            "Regulation",
            "regulations",
            "regulation",
            props(
                    "short_name", PropertyType.TEXT,
                    "official_id", PropertyType.TEXT,
                    "status", PropertyType.TEXT,
                    "instrument_type", PropertyType.TEXT,
                    "adopted", PropertyType.DATE,
                    "in_force", PropertyType.DATE,
                    "url", PropertyType.URL,
                    "celex", PropertyType.TEXT,
                    "eli", PropertyType.URL,
                    // binding law (statute, rule) or not (a standard, a voluntary code, a declaration)
                    "binding", PropertyType.BOOLEAN,
                    // the general date from which the instrument applies, where it differs from entry into force
                    "applies_from", PropertyType.DATE,
                    // keys in the datasets the instrument comes from: AGORA's document id, LegiScan's bill id
                    "agora_id", PropertyType.INTEGER,
                    "legiscan_id", PropertyType.INTEGER,
                    "bill_number", PropertyType.TEXT,
                    "session", PropertyType.TEXT,
                    // the collections a dataset files the instrument under (AGORA's "Collections")
                    "collections", PropertyType.TEXT_LIST)),
    PROVISION(
            "Provision",
            "provisions",
            "provision",
            props(
                    "provision_type", PropertyType.TEXT,
                    "number", PropertyType.TEXT,
                    "title", PropertyType.TEXT,
                    "chapter", PropertyType.TEXT,
                    "section", PropertyType.TEXT,
                    "text", PropertyType.TEXT,
                    "url", PropertyType.URL,
                    "position", PropertyType.INTEGER,
                    // the date from which the provision applies, where the instrument stages its application
                    "applies_from", PropertyType.DATE)),
    RISK_TIER(
            "RiskTier",
            "risk-tiers",
            "risk tier",
            props(
                    "level", PropertyType.INTEGER,
                    "compute_threshold_flop", PropertyType.NUMBER,
                    "revenue_threshold_usd", PropertyType.NUMBER,
                    // a scope in users (SB 942's covered provider: more than N monthly users); absent means no such
                    // scope
                    "user_threshold", PropertyType.NUMBER,
                    "applies_to_kind", PropertyType.TEXT,
                    "scope_jurisdiction", PropertyType.TEXT,
                    "scope_domains", PropertyType.TEXT_LIST,
                    "applies_from", PropertyType.DATE)),
    OBLIGATION(
            "Obligation",
            "obligations",
            "obligation",
            props(
                    "role", PropertyType.TEXT,
                    "category", PropertyType.TEXT,
                    "deadline", PropertyType.TEXT,
                    "recipient", PropertyType.TEXT,
                    "applies_from", PropertyType.DATE,
                    "penalty", PropertyType.TEXT)),
    ORGANISATION(
            "Organisation",
            "organisations",
            "organisation",
            props(
                    "org_type", PropertyType.TEXT,
                    "country", PropertyType.TEXT,
                    "website", PropertyType.URL,
                    "founded", PropertyType.DATE,
                    // used by rules with a revenue threshold (SB 53's large frontier developer); absent means unknown
                    "annual_revenue_usd", PropertyType.NUMBER,
                    // monthly visitors or users of its generative AI systems, used by rules with a user threshold (SB
                    // 942's
                    // covered provider); absent means unknown
                    "monthly_users", PropertyType.NUMBER,
                    // Foundation Model Transparency Index: indicators met, in all and per domain, and which ones
                    "fmti_score", PropertyType.NUMBER,
                    "fmti_upstream", PropertyType.NUMBER,
                    "fmti_model", PropertyType.NUMBER,
                    "fmti_downstream", PropertyType.NUMBER,
                    "fmti_indicators_met", PropertyType.TEXT_LIST)),
    PERSON(
            "Person",
            "people",
            "person",
            props(
                    "role", PropertyType.TEXT,
                    "born", PropertyType.DATE)),
    MODEL(
            "Model",
            "models",
            "model",
            props(
                    "released", PropertyType.DATE,
                    "parameters", PropertyType.NUMBER,
                    "training_compute_flop", PropertyType.NUMBER,
                    "compute_confidence", PropertyType.TEXT,
                    "accessibility", PropertyType.TEXT,
                    "domain", PropertyType.TEXT,
                    "url", PropertyType.URL,
                    // European Open Source AI Index: how many of its openness parameters are open, partial, closed
                    "openness_open", PropertyType.INTEGER,
                    "openness_partial", PropertyType.INTEGER,
                    "openness_closed", PropertyType.INTEGER,
                    "openness_ratings", PropertyType.TEXT_LIST)),
    STANCE(
            "Stance",
            "stances",
            "stance",
            props(
                    "topic", PropertyType.TEXT,
                    "position", PropertyType.TEXT)),
    CONCEPT("Concept", "concepts", "concept", props()),
    CLAIM(
            "Claim",
            "claims",
            "claim",
            props(
                    "claim", PropertyType.TEXT,
                    "verdict", PropertyType.TEXT,
                    "correction", PropertyType.TEXT)),
    SOURCE(
            "Source",
            "sources",
            "source",
            props(
                    "title", PropertyType.TEXT,
                    "publisher", PropertyType.TEXT,
                    "url", PropertyType.URL,
                    "published", PropertyType.DATE,
                    "licence", PropertyType.TEXT,
                    "source_type", PropertyType.TEXT)),
    /** Something that went wrong with an AI system, as an incident database records it. */
    INCIDENT(
            "Incident",
            "incidents",
            "incident",
            props(
                    "date", PropertyType.DATE,
                    "description", PropertyType.TEXT,
                    "aiid_id", PropertyType.INTEGER,
                    "url", PropertyType.URL,
                    "report_count", PropertyType.INTEGER)),
    /**
     * A dated event in the life of another node, as one source states it: a bill introduced, passed, vetoed or
     * chaptered; a status a dataset gave on a day; a date of application set and later replaced. Linked to what it
     * is about with {@code EVENT_OF}.
     */
    EVENT(
            "Event",
            "events",
            "event",
            props(
                    "date", PropertyType.DATE,
                    "event_type", PropertyType.TEXT,
                    "status", PropertyType.TEXT,
                    "chamber", PropertyType.TEXT,
                    "description", PropertyType.TEXT,
                    "sequence", PropertyType.INTEGER)),
    /**
     * A class of actors that is not one organisation or person: "students", "unknown deepfake technology
     * developers". Incident databases name them as parties.
     */
    GROUP("Group", "groups", "group", props("group_type", PropertyType.TEXT));

    /** The label every node carries besides its kind's, so that one index and one id constraint span all kinds. */
    public static final String ENTITY_LABEL = "Entity";

    private final String label;
    private final String plural;
    private final String singular;
    private final Map<String, PropertyType> properties;

    Kind(String label, String plural, String singular, Map<String, PropertyType> properties) {
        this.label = label;
        this.plural = plural;
        this.singular = singular;
        this.properties = properties;
    }

    /** The Neo4j label, e.g. {@code RiskTier}. */
    public String label() {
        return label;
    }

    /** The plural used in URLs and data folder names, e.g. {@code risk-tiers}. */
    public String plural() {
        return plural;
    }

    /** The kind in words, e.g. "risk tier". */
    public String singular() {
        return singular;
    }

    /** The kind-specific properties and their types, in a stable order. */
    public Map<String, PropertyType> properties() {
        return properties;
    }

    /** The properties a record of this kind must have besides id, name and sources. */
    public boolean requires(String property) {
        return (this == SOURCE && property.equals("title")) || (this == CLAIM && property.equals("claim"));
    }

    public static Optional<Kind> byPlural(String plural) {
        return Arrays.stream(values()).filter(k -> k.plural.equals(plural)).findFirst();
    }

    /** The kind whose singular is given, e.g. {@code model} (as a risk tier's {@code applies_to_kind} names it). */
    public static Optional<Kind> bySingular(String singular) {
        return Arrays.stream(values()).filter(k -> k.singular.equals(singular)).findFirst();
    }

    public static Optional<Kind> byLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }

    private static Map<String, PropertyType> props(Object... pairs) {
        Map<String, PropertyType> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (PropertyType) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
