package org.policygraph.web.entity;

import java.util.List;
import java.util.Map;
import org.policygraph.model.Kind;

/**
 * The facets and sort orders of each kind's index page, as Cypher expressions over a node {@code n}. Each facet
 * expression yields a list of {@code "value|label"} strings (a node may have several values: a model with two
 * developers); each sort expression yields a comparable value. The expressions are fixed here; user input only
 * ever selects among them.
 */
final class IndexFacets {

    /** One facet: a URL key, a label and the expression. */
    record Facet(String key, String label, String expression) {}

    /** One sort order: a URL key, a label, the expression, and whether it runs high to low. */
    record Sort(String key, String label, String expression, boolean descending) {}

    static final Sort BY_NAME = new Sort("name", "Name", "toLower(n.name)", false);
    static final Sort BY_LINKS = new Sort("links", "Most connected", "COUNT { (n)--() }", true);

    private static final String YEAR = "[x IN [left(n.%s, 4)] WHERE x IS NOT NULL | x + '|' + x]";

    private static String property(String name) {
        return "[x IN [n." + name + "] WHERE x IS NOT NULL | toString(x) + '|' + toString(x)]";
    }

    private static String related(String pattern) {
        return "[" + pattern + " | m.id + '|' + m.name]";
    }

    private static final Map<Kind, List<Facet>> FACETS = Map.ofEntries(
            Map.entry(
                    Kind.REGULATION,
                    List.of(
                            // a jurisdiction and those it is part of: choosing the United States finds California's
                            // bills
                            new Facet("jurisdiction", "Jurisdiction", """
                            [(n)-[:APPLIES_IN]->()-[:PART_OF*0..3]->(m) | m.id + '|' + m.name
                              + coalesce(' (' + head([(m)-[:PART_OF]->(p) | p.name]) + ')', '')]"""),
                            new Facet("type", "Instrument", property("instrument_type")),
                            new Facet("binding", "Binding", """
                            [x IN [n.binding] WHERE x IS NOT NULL
                              | CASE x WHEN true THEN 'true|binding' ELSE 'false|not binding' END]"""),
                            new Facet("status", "Status", property("status")),
                            // the year adopted, else the year of the instrument's first dated event
                            new Facet("year", "Year", """
                            [x IN [left(toString(coalesce(n.adopted, reduce(first = null, d IN
                                [(e:Event)-[:EVENT_OF]->(n) WHERE e.date IS NOT NULL | toString(e.date)]
                                | CASE WHEN first IS NULL OR d < first THEN d ELSE first END))), 4)]
                              WHERE x IS NOT NULL | x + '|' + x]"""),
                            new Facet("authority", "Authority", related("(n)-[:ISSUED_BY]->(m)")),
                            new Facet("theme", "Theme", related("(n)-[:ADDRESSES]->(m)")))),
            Map.entry(
                    Kind.ORGANISATION,
                    List.of(
                            new Facet("country", "Country", related("(n)-[:HEADQUARTERED_IN]->(m)")),
                            new Facet("type", "Type", property("org_type")))),
            Map.entry(
                    Kind.MODEL,
                    List.of(
                            new Facet("developer", "Developer", related("(m)-[:DEVELOPS]->(n)")),
                            new Facet("year", "Year", YEAR.formatted("released")),
                            new Facet("accessibility", "Accessibility", property("accessibility")),
                            new Facet(
                                    "domain",
                                    "Domain",
                                    "[d IN split(coalesce(n.domain, ''), ',') WHERE trim(d) <> '' | trim(d) + '|' + trim(d)]"),
                            new Facet("compute", "Training compute", """
                            [CASE WHEN n.training_compute_flop IS NULL THEN '0-unknown|unknown'
                                  WHEN n.training_compute_flop < 1e21 THEN '1-lt21|below 1e21 FLOP'
                                  WHEN n.training_compute_flop < 1e23 THEN '2-21-23|1e21 to 1e23 FLOP'
                                  WHEN n.training_compute_flop < 1e25 THEN '3-23-25|1e23 to 1e25 FLOP'
                                  WHEN n.training_compute_flop < 1e26 THEN '4-25-26|1e25 to 1e26 FLOP'
                                  ELSE '5-ge26|1e26 FLOP and above' END]"""))),
            Map.entry(
                    Kind.PROVISION,
                    List.of(
                            new Facet("regulation", "Regulation", related("(m)-[:HAS_PROVISION]->(n)")),
                            new Facet("type", "Type", property("provision_type")),
                            new Facet("chapter", "Chapter", property("chapter")))),
            Map.entry(
                    Kind.OBLIGATION,
                    List.of(
                            new Facet(
                                    "regulation",
                                    "Regulation",
                                    related("(m:Regulation)-[:HAS_PROVISION]->(:Provision)-[:IMPOSES]->(n)") + " + "
                                            + related("(m:Regulation)-[:IMPOSES]->(n)")),
                            new Facet("category", "Category", property("category")),
                            new Facet("role", "Role", property("role")),
                            new Facet("tier", "Risk tier", related("(n)-[:APPLIES_TO]->(m)")))),
            Map.entry(Kind.RISK_TIER, List.of(new Facet("regulation", "Regulation", related("(m)-[:DEFINES]->(n)")))),
            Map.entry(
                    Kind.PERSON,
                    List.of(new Facet("organisation", "Organisation", related("(n)-[:LEADS|WORKS_FOR]->(m)")))),
            Map.entry(
                    Kind.STANCE,
                    List.of(
                            new Facet("holder", "Held by", related("(n)-[:HELD_BY]->(m)")),
                            new Facet("position", "Position", property("position")))),
            Map.entry(
                    Kind.CLAIM,
                    List.of(
                            new Facet("verdict", "Verdict", property("verdict")),
                            new Facet("source", "Asserted by", related("(n)-[:ASSERTED_BY]->(m)")))),
            Map.entry(
                    Kind.SOURCE,
                    List.of(
                            new Facet("type", "Type", property("source_type")),
                            new Facet("publisher", "Publisher", property("publisher")))),
            Map.entry(
                    Kind.JURISDICTION,
                    List.of(
                            new Facet("type", "Type", property("jurisdiction_type")),
                            new Facet("part-of", "Part of", related("(n)-[:PART_OF]->(m)")))));

    private static final Map<Kind, List<Sort>> SORTS = Map.of(
            Kind.REGULATION, List.of(BY_NAME, new Sort("adopted", "Newest", "coalesce(n.adopted, '')", true), BY_LINKS),
            Kind.MODEL,
                    List.of(
                            BY_NAME,
                            new Sort("released", "Newest", "coalesce(n.released, '')", true),
                            new Sort(
                                    "compute",
                                    "Most training compute",
                                    "coalesce(n.training_compute_flop, -1.0)",
                                    true),
                            new Sort("parameters", "Most parameters", "coalesce(n.parameters, -1.0)", true)),
            Kind.PROVISION,
                    List.of(new Sort("position", "Order in the text", "coalesce(n.position, 0)", false), BY_NAME),
            Kind.ORGANISATION,
                    List.of(
                            BY_NAME,
                            BY_LINKS,
                            new Sort("models", "Most models", "COUNT { (n)-[:DEVELOPS]->() }", true)));

    private IndexFacets() {}

    static List<Facet> facets(Kind kind) {
        return FACETS.getOrDefault(kind, List.of());
    }

    static List<Sort> sorts(Kind kind) {
        return SORTS.getOrDefault(kind, List.of(BY_NAME, BY_LINKS));
    }
}
