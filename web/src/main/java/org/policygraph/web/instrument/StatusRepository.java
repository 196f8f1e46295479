package org.policygraph.web.instrument;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.policygraph.model.Kind;
import org.policygraph.web.ref.EntityRef;

/**
 * The status of an instrument as each source states it, on a date (Event nodes of event_type {@code status},
 * EVENT_OF the instrument): the latest dated claims are current, the older ones superseded; two sources that give
 * different statuses for the same latest date are both current and flagged as a conflict. And a jurisdiction's
 * instruments grouped by status.
 */
@ApplicationScoped
public class StatusRepository {

    /** How many instruments of one status a jurisdiction's page lists before linking to the index. */
    public static final int PER_STATUS = 50;

    private final Driver driver;

    StatusRepository(Driver driver) {
        this.driver = driver;
    }

    /**
     * One source's claim.
     *
     * @param id          the event's id
     * @param status      the status claimed
     * @param date        the date the claim speaks for
     * @param description what the source says
     * @param sources     the sources with their locators, "agora: documents.csv AGORA id 2041"
     * @param state       {@code current} or {@code superseded}
     * @param conflict    whether another source gives another status for the same date
     */
    public record Claim(
            String id,
            String status,
            String date,
            String description,
            List<String> sources,
            String state,
            boolean conflict) {
        public boolean current() {
            return state.equals("current");
        }
    }

    /** The claims, newest first, each marked current or superseded, conflicts flagged. */
    public List<Claim> claims(String regulationId) {
        List<Object[]> rows = new ArrayList<>();
        try (var session = driver.session()) {
            session.executeRead(tx -> {
                tx.run("""
                        MATCH (e:Event {event_type: 'status'})-[:EVENT_OF]->(:Regulation {id: $id})
                        WHERE e.date IS NOT NULL
                        RETURN e.id AS id, e.status AS status, toString(e.date) AS date, e.description AS description,
                               [i IN range(0, size(coalesce(e.sources, [])) - 1)
                                 | e.sources[i] + ': ' + coalesce(e.locators[i], '')] AS sources
                        ORDER BY date DESC, id""", Map.of("id", regulationId))
                        .forEachRemaining(r -> rows.add(new Object[] {
                            r.get("id").asString(),
                            r.get("status").asString(""),
                            r.get("date").asString(),
                            r.get("description").asString(null),
                            r.get("sources").asList(Value::asString)
                        }));
                return null;
            });
        }
        return mark(rows);
    }

    /** Marks claims (newest first): those of the latest date are current; a date with two statuses is a conflict. */
    static List<Claim> mark(List<Object[]> rows) {
        String latest = rows.isEmpty() ? null : (String) rows.get(0)[2];
        Map<String, java.util.Set<String>> statusesByDate = new LinkedHashMap<>();
        for (Object[] r : rows) {
            statusesByDate
                    .computeIfAbsent((String) r[2], d -> new java.util.HashSet<>())
                    .add((String) r[1]);
        }
        List<Claim> out = new ArrayList<>();
        for (Object[] r : rows) {
            String date = (String) r[2];
            @SuppressWarnings("unchecked")
            List<String> sources = (List<String>) r[4];
            out.add(new Claim(
                    (String) r[0],
                    (String) r[1],
                    date,
                    (String) r[3],
                    sources,
                    date.equals(latest) ? "current" : "superseded",
                    statusesByDate.get(date).size() > 1));
        }
        return out;
    }

    /** A status with the jurisdiction's instruments of that status (the first {@link #PER_STATUS}). */
    public record StatusGroup(String status, long count, List<EntityRef> instruments, String allUrl) {}

    /**
     * The instruments that apply in a jurisdiction or in the jurisdictions part of it, grouped by their status,
     * most common first.
     */
    public List<StatusGroup> byStatus(String jurisdictionId) {
        List<StatusGroup> out = new ArrayList<>();
        try (var session = driver.session()) {
            session.executeRead(tx -> {
                tx.run("""
                        MATCH (j:Jurisdiction {id: $id})
                        MATCH (r:Regulation)-[:APPLIES_IN]->()-[:PART_OF*0..3]->(j)
                        WITH DISTINCT r
                        WITH coalesce(r.status, 'unknown') AS status, r ORDER BY toLower(r.name)
                        WITH status, count(r) AS n, collect(r {.id, .name})[0..$cap] AS sample
                        RETURN status, n, sample ORDER BY n DESC, status""", Map.of("id", jurisdictionId, "cap", (long) PER_STATUS))
                        .forEachRemaining(r -> {
                            List<EntityRef> refs = r.get("sample")
                                    .asList(v -> new EntityRef(
                                            v.get("id").asString(),
                                            Kind.REGULATION,
                                            v.get("name").asString()));
                            String status = r.get("status").asString();
                            out.add(new StatusGroup(
                                    status,
                                    r.get("n").asLong(),
                                    refs,
                                    "/regulations?jurisdiction=" + jurisdictionId
                                            + (status.equals("unknown") ? "" : "&status=" + status)));
                        });
                return null;
            });
        }
        return out;
    }
}
