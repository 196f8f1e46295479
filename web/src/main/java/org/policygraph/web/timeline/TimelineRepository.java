package org.policygraph.web.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.policygraph.web.asof.AsOf;
import org.policygraph.web.asof.DatesRepository;
import org.policygraph.web.ref.EntityRef;

/**
 * Dated events in one query: regulations adopted and in force, tiers and obligations applying from their staged
 * dates, endorsements and oppositions, model releases, incidents (the AI Incident Database's), and sources
 * published. Each event knows the jurisdictions it belongs to (a regulation's, a developer's headquarters, and those
 * they are part of) and the instrument type for filtering. A bill's history and the sources' dated status claims
 * (Event nodes) are events of their instrument.
 */
@ApplicationScoped
public class TimelineRepository {

    private static final String EVENTS = """
            CALL () {
              MATCH (n:Regulation) WHERE n.adopted IS NOT NULL
              RETURN n.adopted AS date, 'adopted' AS event, n, null AS other, [(n)-[:APPLIES_IN]->()-[:PART_OF*0..3]->(j) | j.id] AS places,
                     null AS status, null AS made, null AS replaced
              UNION ALL
              MATCH (n:Regulation) WHERE n.in_force IS NOT NULL
              RETURN n.in_force AS date, 'entered into force' AS event, n, null AS other, [(n)-[:APPLIES_IN]->()-[:PART_OF*0..3]->(j) | j.id] AS places,
                     null AS status, null AS made, null AS replaced
              UNION ALL
              MATCH (n) WHERE (n:RiskTier OR n:Obligation) AND n.applies_from IS NOT NULL
              RETURN n.applies_from AS date, 'applies from' AS event, n, null AS other,
                     [(n)<-[:DEFINES|IMPOSES]-()<-[:HAS_PROVISION*0..1]-(:Regulation)-[:APPLIES_IN]->(j) | j.id] AS places,
                     null AS status, null AS made, null AS replaced
              UNION ALL
              MATCH (n)-[e:ENDORSED|OPPOSED]->(m:Regulation) WHERE e.date IS NOT NULL
              RETURN e.date AS date, toLower(type(e)) AS event, n, m AS other, [(m)-[:APPLIES_IN]->()-[:PART_OF*0..3]->(j) | j.id] AS places,
                     null AS status, null AS made, null AS replaced
              UNION ALL
              // a bill's history and each source's dated status claims (not the committee steps of a history)
              MATCH (e:Event)-[:EVENT_OF]->(n:Regulation)
              WHERE e.date IS NOT NULL AND NOT e.event_type IN ['referred', 'committee', 'action', 'amended', 'applies-from', 'deadline']
              RETURN toString(e.date) AS date,
                     CASE e.event_type WHEN 'status' THEN 'status ' + coalesce(e.status, '?')
                          + ' (' + coalesce(head(e.sources), '') + ')' ELSE replace(e.event_type, '-', ' ') END AS event,
                     n, null AS other, [(n)-[:APPLIES_IN]->()-[:PART_OF*0..3]->(j) | j.id] AS places,
                     null AS status, null AS made, null AS replaced
              UNION ALL
              MATCH (n:Model) WHERE n.released IS NOT NULL
              RETURN n.released AS date, 'released' AS event, n, null AS other,
                     [(n)<-[:DEVELOPS]-()-[:HEADQUARTERED_IN]->(j) | j.id] AS places,
                     null AS status, null AS made, null AS replaced
              UNION ALL
              MATCH (n) WHERE (n:Regulation OR n:Provision) AND n.applies_from IS NOT NULL
              RETURN n.applies_from AS date, 'applies from' AS event, n, null AS other,
                     [(n)<-[:HAS_PROVISION*0..1]-(:Regulation)-[:APPLIES_IN]->(j) | j.id] AS places,
                     null AS status, null AS made, null AS replaced
              UNION ALL
              MATCH (n:Event) WHERE n.event_type IN $types AND n.date IS NOT NULL
              RETURN n.date AS date, CASE n.event_type WHEN 'deadline' THEN 'deadline' ELSE 'date of application' END AS event,
                     n, null AS other,
                     COLLECT { MATCH (n)-[:EVENT_OF]->(x)
                               MATCH (x)<-[:HAS_PROVISION|DEFINES|IMPOSES*0..2]-(:Regulation)-[:APPLIES_IN]->(j)
                               RETURN DISTINCT j.id } AS places,
                     n.status AS status,
                     COLLECT { MATCH (n)-[s:SUPERSEDES]->() WHERE s.date IS NOT NULL RETURN toString(s.date) AS d
                               ORDER BY d LIMIT 1 }[0] AS made,
                     COLLECT { MATCH (n)<-[s:SUPERSEDES]-() WHERE s.date IS NOT NULL RETURN toString(s.date) AS d
                               ORDER BY d LIMIT 1 }[0] AS replaced
              UNION ALL
              MATCH (n:Incident) WHERE n.date IS NOT NULL
              RETURN n.date AS date, 'occurred' AS event, n, null AS other,
                     [(n)-[:ALLEGED_DEVELOPER|ALLEGED_DEPLOYER]->()-[:HEADQUARTERED_IN]->(j) | j.id]
                     + [(n)-[:HARMED]->(j:Jurisdiction) | j.id] AS places,
                     null AS status, null AS made, null AS replaced
            }
            RETURN date, event, n {.id, .name, labels: labels(n)} AS node,
                   CASE WHEN other IS NULL THEN null ELSE other {.id, .name, labels: labels(other)} END AS other, places,
                   status, made, replaced, coalesce(n.instrument_type, other.instrument_type) AS type
            ORDER BY date, event, node.name
            """;

    private final Driver driver;

    TimelineRepository(Driver driver) {
        this.driver = driver;
    }

    /** Every dated event, oldest first. */
    public List<Event> events() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                List<Event> events = new ArrayList<>();
                tx.run(EVENTS, java.util.Map.of("types", DatesRepository.TYPES)).forEachRemaining(r -> {
                    EntityRef node = ref(r.get("node"));
                    EntityRef other = r.get("other").isNull() ? null : ref(r.get("other"));
                    events.add(new Event(
                            String.valueOf(r.get("date").asObject()),
                            r.get("event").asString(),
                            node,
                            other,
                            r.get("places").asList(Value::asString),
                            r.get("type").asString(null),
                            r.get("status").asString(null),
                            r.get("made").asString(null),
                            r.get("replaced").asString(null),
                            null));
                });
                return events;
            });
        }
    }

    private static EntityRef ref(Value v) {
        return EntityRef.of(v).orElseThrow(() -> new IllegalStateException("not a PolicyGraph node: " + v));
    }

    /**
     * One event.
     *
     * @param date   ISO date (year, month or day)
     * @param event  what happened, e.g. "entered into force"
     * @param node   who or what it happened to
     * @param other  the other party (the regulation endorsed), or null
     * @param places   the jurisdictions it belongs to, and those they are part of
     * @param type     the instrument type of the regulation it is about, or null
     * @param status   a dated statement's status in the data today (in-force, superseded), or null
     * @param made     when the amendment that set a dated statement took effect, or null
     * @param replaced when a later statement replaced it, or null
     * @param state    on the day asked: past, to-come, superseded, or not-yet-made (set by a later amendment)
     */
    public record Event(
            String date,
            String event,
            EntityRef node,
            EntityRef other,
            List<String> places,
            String type,
            String status,
            String made,
            String replaced,
            String state) {

        /** The event as it stood on a day. */
        public Event on(AsOf asOf) {
            String s = made != null && !asOf.reached(made)
                    ? "not-yet-made"
                    : replaced != null && asOf.reached(replaced)
                            ? "superseded"
                            : asOf.reached(date) ? "past" : "to-come";
            return new Event(date, event, node, other, places, type, status, made, replaced, s);
        }

        public String year() {
            return date.substring(0, 4);
        }

        /** The event in words. */
        public String sentence() {
            return node.name() + " " + event + (other == null ? "" : " " + other.name())
                    + (state == null
                            ? ""
                            : switch (state) {
                                case "superseded" -> " (superseded)";
                                case "not-yet-made" -> " (set by a later amendment)";
                                case "to-come" -> " (still to come)";
                                default -> "";
                            });
        }
    }
}
