package org.policygraph.web.entity;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.policygraph.model.Kind;
import org.policygraph.model.Provenance;
import org.policygraph.model.RelType;
import org.policygraph.model.SourceRef;
import org.policygraph.web.ref.Citation;
import org.policygraph.web.ref.EntityRef;

/** Reads nodes, their relationships and their sources; owns the Cypher of the entity pages. */
@ApplicationScoped
public class EntityRepository {

    /** Node properties shown in the header rather than in the property table. */
    /** Long texts shown in their own section, not in the facts table. */
    static final Set<String> LONG_TEXT = Set.of("text");

    static final Set<String> CORE =
            Set.of("id", "name", "aliases", "summary", Provenance.SOURCES, Provenance.LOCATORS, Provenance.QUOTES);

    /** At most this many relationships of one type and direction are read for a page (the count is exact). */
    static final int GROUP_CAP = 200;

    /** A regulation's provisions are its structure: all of them are read, up to this many. */
    static final int PROVISION_CAP = 2_000;

    private static final Map<Kind, String> FIND = new EnumMap<>(Kind.class);

    static {
        for (Kind kind : Kind.values()) {
            FIND.put(kind, buildFind(kind));
        }
    }

    /** The entity page's query for a kind. Package-visible for the query-plan test. */
    static String find(Kind kind) {
        return FIND.get(kind);
    }

    /**
     * One subquery per relationship type and direction the kind can have, each following only that type (so a
     * node's other relationships are never touched) and stopping at its cap; the exact count of each comes from
     * the node's degree, without reading the relationships. A risk tier that a million models fall under reads 200
     * of them and counts the rest.
     */
    private static String buildFind(Kind kind) {
        StringBuilder q = new StringBuilder("MATCH (n:").append(kind.label()).append(" {id: $id})\n");
        List<String> groups = new ArrayList<>();
        List<String> totals = new ArrayList<>();
        for (RelType type : RelType.values()) {
            for (boolean outgoing : new boolean[] {true, false}) {
                if (!(outgoing ? type.from() : type.to()).contains(kind)) {
                    continue;
                }
                String g = "g" + groups.size();
                String pattern = outgoing
                        ? "(n)-[r:" + type.name() + "]->(m:Entity)"
                        : "(n)<-[r:" + type.name() + "]-(m:Entity)";
                int cap = type == RelType.HAS_PROVISION ? PROVISION_CAP : GROUP_CAP;
                q.append("CALL (n) {\n  OPTIONAL MATCH ")
                        .append(pattern)
                        .append("\n  WITH r, m LIMIT ")
                        .append(cap)
                        .append("\n  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), outgoing: ")
                        .append(outgoing)
                        .append(", props: properties(r), id: m.id, name: m.name, labels: labels(m), ")
                        .append(
                                "chapter: m.chapter, number: m.number, title: m.title, provisionType: m.provision_type, ")
                        .append("position: m.position} END) AS ")
                        .append(g)
                        .append("\n}\n");
                groups.add(g);
                totals.add("{type: '" + type.name() + "', outgoing: " + outgoing + ", total: COUNT { "
                        + (outgoing ? "(n)-[:" + type.name() + "]->()" : "(n)<-[:" + type.name() + "]-()") + " }}");
            }
        }
        q.append("WITH n, ")
                .append(groups.isEmpty() ? "[]" : String.join(" + ", groups))
                .append(" AS rels, [")
                .append(String.join(", ", totals))
                .append("] AS totals\n");
        q.append("""
                CALL (n) {
                  OPTIONAL MATCH (c:Claim)-[:ABOUT]->(n)
                  RETURN collect(c {.id, .name, .claim, .verdict, .correction, .sources, .locators, .quotes,
                         by: [(c)-[:ASSERTED_BY]->(a) | a.name]}) AS claims
                }
                WITH n, rels, totals, claims, coalesce(n.sources, []) + reduce(acc = [], x IN rels | acc + coalesce(x.props.sources, []))
                     + reduce(acc = [], c IN claims | acc + coalesce(c.sources, [])) AS sourceIds
                OPTIONAL MATCH (s:Source) WHERE s.id IN sourceIds
                RETURN properties(n) AS props, rels, totals, claims, collect(s {.id, .name, .title, .url}) AS sources
                """);
        return q.toString();
    }

    /**
     * The regulations a node belongs to (itself, or the regulation of a provision, or one that defines a risk tier or
     * imposes an obligation, directly or through a provision) that another act amends whose text PolicyGraph does
     * not hold (it has no provisions).
     */
    private static final String AMENDED_BY = """
            MATCH (n:%s {id: $id})
            MATCH (reg:Regulation)
            WHERE reg = n
               OR (reg)-[:HAS_PROVISION]->(n)
               OR (reg)-[:DEFINES|IMPOSES]->(n)
               OR (reg)-[:HAS_PROVISION]->(:Provision)-[:DEFINES|IMPOSES]->(n)
               OR (n)-[:APPLIES_TO]->(:RiskTier)<-[:DEFINES]-(reg)
               OR (n)-[:APPLIES_TO]->(:RiskTier)<-[:DEFINES]-(:Provision)<-[:HAS_PROVISION]-(reg)
            MATCH (act:Regulation)-[a:AMENDS]->(reg) WHERE NOT (act)-[:HAS_PROVISION]->()
            RETURN DISTINCT reg.id AS id, reg.name AS name, act.id AS actId, act.name AS actName,
                   act.official_id AS officialId, toString(coalesce(a.date, act.adopted, act.in_force)) AS date,
                   left(toString(coalesce(reg.adopted, reg.in_force, '')), 4) AS year,
                   EXISTS { MATCH (act)<-[:EVENT_OF]-(e:Event) WHERE e.event_type IN ['applies-from', 'deadline'] } AS dated,
                   NOT EXISTS { MATCH (act)<-[:EVENT_OF]-(e:Event), (src:Source)
                                WHERE e.event_type IN ['applies-from', 'deadline'] AND src.id IN e.sources
                                  AND src.source_type = 'primary' } AS secondary
            ORDER BY date, actName
            """;

    private final Driver driver;

    EntityRepository(Driver driver) {
        this.driver = driver;
    }

    /** One node with its relationships and sources, if there is a node of this kind with this id. */
    public Optional<EntityView> find(Kind kind, String id) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                var result = tx.run(find(kind), Map.of("id", id));
                if (!result.hasNext()) {
                    return Optional.<EntityView>empty();
                }
                Record found = result.single();
                List<Amendment> amendments = tx.run(AMENDED_BY.formatted(kind.label()), Map.of("id", id))
                        .list(EntityRepository::amendment);
                return Optional.of(map(kind, found, amendments));
            });
        }
    }

    private static EntityView map(Kind kind, Record r, List<Amendment> amendments) {
        Map<String, Object> props = r.get("props").asMap();
        Map<String, Map<String, Object>> sources = new HashMap<>();
        for (Value s : r.get("sources").values()) {
            Map<String, Object> m = s.asMap();
            sources.put((String) m.get("id"), m);
        }
        EntityRef ref = new EntityRef((String) props.get("id"), kind, (String) props.get("name"));
        Map<String, List<Relation>> grouped = new LinkedHashMap<>();
        List<Relation> relations = new ArrayList<>();
        List<StructureItem> provisions = new ArrayList<>();
        for (Value v : r.get("rels").values()) {
            Optional<RelType> type = RelType.byName(v.get("type").asString());
            Optional<Kind> otherKind = v.get("labels").asList(Value::asString).stream()
                    .map(Kind::byLabel)
                    .flatMap(Optional::stream)
                    .findFirst();
            if (type.isEmpty() || otherKind.isEmpty()) {
                continue; // not part of the PolicyGraph vocabulary
            }
            Map<String, Object> relProps = v.get("props").asMap();
            Map<String, Object> shown = new LinkedHashMap<>();
            relProps.forEach((k, val) -> {
                if (!Provenance.isProvenance(k)) {
                    shown.put(k, val);
                }
            });
            relations.add(new Relation(
                    type.get(),
                    v.get("outgoing").asBoolean(),
                    new EntityRef(
                            v.get("id").asString(),
                            otherKind.get(),
                            v.get("name").asString()),
                    shown,
                    cite(Provenance.read(relProps), sources)));
            if (type.get() == RelType.HAS_PROVISION && v.get("outgoing").asBoolean()) {
                provisions.add(new StructureItem(
                        new EntityRef(
                                v.get("id").asString(),
                                otherKind.get(),
                                v.get("name").asString()),
                        v.get("chapter").asString(null),
                        v.get("provisionType").asString(null),
                        v.get("number").asString(null),
                        v.get("title").asString(null),
                        v.get("position").isNull()
                                ? Long.MAX_VALUE
                                : v.get("position").asLong()));
            }
        }
        relations.sort(Comparator.comparing((Relation x) -> x.type().ordinal())
                .thenComparing(x -> !x.outgoing())
                .thenComparing(x -> x.properties().get("position") instanceof Number n ? n.longValue() : Long.MAX_VALUE)
                .thenComparing(x -> x.other().name().toLowerCase()));
        for (Relation rel : relations) {
            grouped.computeIfAbsent(
                            rel.type().name() + (rel.outgoing() ? "-outgoing" : "-incoming"), k -> new ArrayList<>())
                    .add(rel);
        }
        Map<String, Long> totals = new HashMap<>();
        for (Value t : r.get("totals").values()) {
            totals.put(
                    t.get("type").asString() + (t.get("outgoing").asBoolean() ? "-outgoing" : "-incoming"),
                    t.get("total").asLong());
        }
        List<RelationGroup> groups = new ArrayList<>();
        grouped.forEach((key, items) -> {
            String verb = items.get(0).verb();
            long total = Math.max(items.size(), totals.getOrDefault(key, (long) items.size()));
            groups.add(new RelationGroup(
                    Character.toUpperCase(verb.charAt(0)) + verb.substring(1),
                    key.toLowerCase().replace('_', '-'),
                    items,
                    total,
                    total > items.size() ? all(key, ref) : null));
        });
        List<PropertyRow> rows = new ArrayList<>();
        for (String name : kind.properties().keySet()) {
            if (props.containsKey(name) && !LONG_TEXT.contains(name)) {
                rows.add(new PropertyRow(name, label(name), props.get(name)));
            }
        }
        @SuppressWarnings("unchecked")
        List<String> aliases = props.get("aliases") instanceof List<?> l ? (List<String>) l : List.of();
        List<ClaimView> claims = new ArrayList<>();
        for (Value c : r.get("claims").values()) {
            Map<String, Object> cp = c.asMap();
            claims.add(new ClaimView(
                    new EntityRef((String) cp.get("id"), Kind.CLAIM, (String) cp.get("name")),
                    (String) cp.get("claim"),
                    (String) cp.get("verdict"),
                    (String) cp.get("correction"),
                    c.get("by").asList(Value::asString),
                    cite(Provenance.read(cp), sources)));
        }
        claims.sort(Comparator.comparing((ClaimView c) -> !c.disagrees())
                .thenComparing(c -> c.ref().name()));
        return new EntityView(
                ref,
                aliases,
                (String) props.get("summary"),
                rows,
                cite(Provenance.read(props), sources),
                groups,
                (String) props.get("text"),
                claims,
                Structure.of(provisions),
                amendments);
    }

    /** Where the whole of a capped group can be browsed, if an index filter lists it. */
    private static String all(String key, EntityRef node) {
        return switch (key) {
            case "DEVELOPS-outgoing" -> "/models?developer=" + node.id();
            case "HAS_PROVISION-outgoing" -> "/provisions?regulation=" + node.id();
            default -> null;
        };
    }

    private static Amendment amendment(Record a) {
        String year = a.get("year").asString("");
        return new Amendment(
                new EntityRef(
                        a.get("id").asString(), Kind.REGULATION, a.get("name").asString()),
                new EntityRef(
                        a.get("actId").asString(),
                        Kind.REGULATION,
                        a.get("actName").asString()),
                a.get("officialId").asString(null),
                a.get("date").asString(null),
                year.isEmpty() ? null : year,
                a.get("dated").asBoolean(),
                a.get("secondary").asBoolean());
    }

    private static List<Citation> cite(List<SourceRef> refs, Map<String, Map<String, Object>> sources) {
        List<Citation> out = new ArrayList<>();
        for (SourceRef ref : refs) {
            out.add(Citation.of(ref, sources.getOrDefault(ref.source(), Map.of())));
        }
        return out;
    }

    static String label(String property) {
        String words = property.replace('_', ' ');
        words = words.replace(" flop", " (FLOP)")
                .replace("iso code", "ISO code")
                .replace(" url", " URL")
                .replace("fmti", "FMTI");
        if (words.equals("url")) {
            words = "URL";
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** One line of an index page. */
    public record Summary(EntityRef ref, String summary) {}
}
