package org.policygraph.web.asof;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.policygraph.model.Kind;
import org.policygraph.model.Provenance;
import org.policygraph.model.SourceRef;
import org.policygraph.web.ref.Citation;
import org.policygraph.web.ref.EntityRef;

/**
 * Reads the dated statements of any node, and of a regulation's whole family (its tiers, obligations, provisions and
 * the acts that amend it), with their supersessions and sources; owns the Cypher of the point-in-time views.
 */
@ApplicationScoped
public class DatesRepository {

    /** The event types that state when a rule applies or must be met; other events (a bill's status) are not read. */
    public static final List<String> TYPES = List.of("applies-from", "deadline");

    private static final String EVENT_FIELDS = """
            e {.id, .name, .date, .event_type, .status, .description, .sources, .locators, .quotes} AS e,
            [(e)-[s:SUPERSEDES]->(o:Event) | {id: o.id, name: o.name, date: toString(o.date),
                effective: toString(s.date), note: s.note}] AS supersedes,
            [(o:Event)-[s:SUPERSEDES]->(e) | {id: o.id, name: o.name, date: toString(o.date),
                effective: toString(s.date), note: s.note}] AS supersededBy
            """;

    /** The statements about a node itself. */
    private static final String OWN = """
            MATCH (n:Entity {id: $id})<-[:EVENT_OF]-(e:Event) WHERE e.event_type IN $types
            RETURN null AS via,
            """ + EVENT_FIELDS + "ORDER BY e.date, e.id";

    /** The statements about the risk tiers an obligation applies to, for an obligation that has none of its own. */
    private static final String INHERITED = """
            MATCH (n:Obligation {id: $id})-[:APPLIES_TO]->(t:RiskTier)<-[:EVENT_OF]-(e:Event) WHERE e.event_type IN $types
            RETURN t {.id, .name} AS via,
            """ + EVENT_FIELDS + "ORDER BY e.date, e.id";

    /** A node's own date of application, where it has one. */
    private static final String PROPERTY = """
            MATCH (n:Entity {id: $id}) RETURN toString(n.applies_from) AS appliesFrom
            """;

    /**
     * The nodes of a regulation's family: the regulation, its provisions, the tiers it defines, the obligations it
     * (or one of its provisions) imposes or that apply to its tiers, and the acts that amend it.
     */
    private static final String FAMILY = """
            MATCH (reg:Regulation {id: $id})
            CALL (reg) {
              RETURN reg AS x
              UNION
              MATCH (reg)-[:HAS_PROVISION]->(x:Provision) RETURN x
              UNION
              MATCH (reg)-[:HAS_PROVISION*0..1]->()-[:DEFINES]->(x:RiskTier) RETURN x
              UNION
              MATCH (reg)-[:HAS_PROVISION*0..1]->()-[:IMPOSES]->(x:Obligation) RETURN x
              UNION
              MATCH (reg)-[:HAS_PROVISION*0..1]->()-[:DEFINES]->(:RiskTier)<-[:APPLIES_TO]-(x:Obligation) RETURN x
              UNION
              MATCH (reg)<-[:AMENDS]-(x:Regulation) RETURN x
            }
            RETURN DISTINCT x {.id, .name, labels: labels(x), appliesFrom: toString(x.applies_from)} AS node,
                   [(x)<-[:EVENT_OF]-(e:Event) WHERE e.event_type IN $types | e.id] AS events,
                   [(x)-[:APPLIES_TO]->(t:RiskTier)<-[:EVENT_OF]-(e:Event) WHERE x:Obligation AND e.event_type IN $types
                       | e.id] AS tierEvents
            """;

    private static final String FAMILY_EVENTS = """
            MATCH (e:Event) WHERE e.id IN $ids
            RETURN null AS via,
            """ + EVENT_FIELDS + "ORDER BY e.date, e.id";

    /** The acts amending a regulation, with when each took effect as far as the data says. */
    private static final String AMENDMENTS = """
            MATCH (act:Regulation)-[a:AMENDS]->(:Regulation {id: $id})
            RETURN act {.id, .name, .official_id} AS act,
                   toString(coalesce(a.date, act.adopted, act.in_force)) AS date,
                   coalesce(
                     COLLECT { MATCH (act)<-[:EVENT_OF]-(:Event)-[s:SUPERSEDES]->(:Event) WHERE s.date IS NOT NULL
                               RETURN toString(s.date) AS d ORDER BY d LIMIT 1 }[0],
                     toString(act.in_force), toString(a.date), toString(act.adopted)) AS effective
            ORDER BY effective, act.name
            """;

    private static final String SOURCES = """
            MATCH (s:Source) WHERE s.id IN $ids
            RETURN s.id AS id, coalesce(s.title, s.name, s.id) AS title, s.url AS url, s.source_type AS type
            """;

    private final Driver driver;

    DatesRepository(Driver driver) {
        this.driver = driver;
    }

    /** What the data says about a node's dates. */
    public record NodeDates(List<Statement> statements, String appliesFrom) {}

    /** A member of a regulation's family with the ids of its statements (own, and its tiers'). */
    public record Member(EntityRef ref, String appliesFrom, List<String> events, List<String> tierEvents) {}

    /** A regulation's family and every statement about it, by id. */
    public record Family(List<Member> members, Map<String, Statement> statements) {}

    /** An act amending a regulation. */
    public record AmendingAct(EntityRef act, String officialId, String date, String effective) {}

    /** The statements about a node (its own, else, for an obligation, its tiers') and its applies_from property. */
    public NodeDates dates(String id) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                List<Statement> own = statements(tx, OWN, Map.of("id", id, "types", TYPES));
                if (own.isEmpty()) {
                    own = statements(tx, INHERITED, Map.of("id", id, "types", TYPES));
                }
                var r = tx.run(PROPERTY, Map.of("id", id));
                String appliesFrom = r.hasNext() ? r.single().get("appliesFrom").asString(null) : null;
                return new NodeDates(own, appliesFrom);
            });
        }
    }

    /** A regulation's family with all their statements. */
    public Family family(String regulationId) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                List<Member> members = new ArrayList<>();
                Set<String> ids = new java.util.LinkedHashSet<>();
                tx.run(FAMILY, Map.of("id", regulationId, "types", TYPES)).forEachRemaining(r -> {
                    Optional<EntityRef> ref = EntityRef.of(r.get("node"));
                    if (ref.isEmpty()) {
                        return;
                    }
                    List<String> events = r.get("events").asList(Value::asString);
                    List<String> tierEvents = r.get("tierEvents").asList(Value::asString);
                    ids.addAll(events);
                    ids.addAll(tierEvents);
                    members.add(new Member(
                            ref.get(), r.get("node").get("appliesFrom").asString(null), events, tierEvents));
                });
                Map<String, Statement> statements = new LinkedHashMap<>();
                statements(tx, FAMILY_EVENTS, Map.of("ids", List.copyOf(ids)))
                        .forEach(s -> statements.put(s.event().id(), s));
                return new Family(members, statements);
            });
        }
    }

    /** The acts that amend a regulation, earliest first. */
    public List<AmendingAct> amendments(String regulationId) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(AMENDMENTS, Map.of("id", regulationId))
                    .list(r -> {
                        Value act = r.get("act");
                        return new AmendingAct(
                                new EntityRef(
                                        act.get("id").asString(),
                                        Kind.REGULATION,
                                        act.get("name").asString()),
                                act.get("official_id").asString(null),
                                r.get("date").asString(null),
                                r.get("effective").asString(null));
                    }));
        }
    }

    private static List<Statement> statements(TransactionContext tx, String query, Map<String, Object> params) {
        List<Record> rows = tx.run(query, params).list();
        List<String> sourceIds = new ArrayList<>();
        for (Record r : rows) {
            Provenance.read(r.get("e").asMap()).forEach(ref -> sourceIds.add(ref.source()));
        }
        Map<String, Record> sources = new HashMap<>();
        tx.run(SOURCES, Map.of("ids", sourceIds))
                .forEachRemaining(s -> sources.put(s.get("id").asString(), s));
        List<Statement> out = new ArrayList<>();
        for (Record r : rows) {
            Map<String, Object> e = r.get("e").asMap();
            List<Citation> cites = new ArrayList<>();
            boolean secondary = true;
            for (SourceRef ref : Provenance.read(e)) {
                Record s = sources.get(ref.source());
                cites.add(Citation.of(
                        ref,
                        s == null ? null : s.get("title").asString(),
                        s == null ? null : s.get("url").asString(null)));
                if (s != null && "primary".equals(s.get("type").asString(null))) {
                    secondary = false;
                }
            }
            EntityRef event = new EntityRef((String) e.get("id"), Kind.EVENT, (String) e.get("name"));
            EntityRef via = r.get("via").isNull()
                    ? null
                    : new EntityRef(
                            r.get("via").get("id").asString(),
                            Kind.RISK_TIER,
                            r.get("via").get("name").asString());
            out.add(new Statement(
                    event,
                    e.get("date") == null ? null : String.valueOf(e.get("date")),
                    (String) e.get("event_type"),
                    (String) e.get("status"),
                    (String) e.get("description"),
                    cites,
                    secondary && !cites.isEmpty(),
                    links(r.get("supersedes")),
                    links(r.get("supersededBy")),
                    via));
        }
        return out;
    }

    private static List<Statement.Link> links(Value v) {
        return v.asList(x -> new Statement.Link(
                new EntityRef(x.get("id").asString(), Kind.EVENT, x.get("name").asString()),
                x.get("date").asString(null),
                x.get("effective").asString(null),
                x.get("note").asString(null)));
    }
}
