package org.policygraph.web.incidents;

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
 * The Cypher of incidents and their reporting clocks: the incident-reporting obligations (any Obligation of category
 * {@code incident-reporting}, with its regulation and tiers), who reaches those tiers (an organisation's own
 * {@code FALLS_UNDER}, or one of its models'), an incident's alleged developers and deployers, an organisation's
 * incidents, and its incidents counted by MIT risk domain.
 */
@ApplicationScoped
public class IncidentRepository {

    static final String CATEGORY = "incident-reporting";

    private static final String OBLIGATIONS = """
            MATCH (o:Obligation {category: $category})
            OPTIONAL MATCH (reg:Regulation)-[:HAS_PROVISION*0..1]->()-[:IMPOSES]->(o)
            WITH o, collect(DISTINCT reg)[0] AS reg
            RETURN o {.id, .name, .role, .deadline, .recipient, applies_from: toString(o.applies_from)} AS o,
                   CASE WHEN reg IS NULL THEN null
                        ELSE reg {.id, .name, in_force: toString(reg.in_force)} END AS reg,
                   [(o)-[:APPLIES_TO]->(t:RiskTier) | t {.id, .name, applies_from: toString(t.applies_from)}] AS tiers
            ORDER BY coalesce(reg.name, ''), o.name
            """;

    private static final String REACH = """
            UNWIND $orgs AS orgId
            MATCH (org:Organisation {id: orgId})
            CALL (org) {
              MATCH (org)-[f:FALLS_UNDER]->(t:RiskTier)<-[:APPLIES_TO]-(:Obligation {category: $category})
              RETURN DISTINCT t.id AS tier, null AS model, f.status AS status, f.reason AS reason
              UNION
              MATCH (org)-[:DEVELOPS]->(m:Model)-[f:FALLS_UNDER]->(t:RiskTier)<-[:APPLIES_TO]-(:Obligation {category: $category})
              RETURN DISTINCT t.id AS tier, m {.id, .name, released: toString(m.released)} AS model, f.status AS status,
                     f.reason AS reason
            }
            RETURN org.id AS org, tier, model, status, reason
            """;

    private static final String PARTIES = """
            MATCH (i:Incident {id: $id})-[r:ALLEGED_DEVELOPER|ALLEGED_DEPLOYER]->(org:Organisation)
            RETURN toString(i.date) AS date, org {.id, .name} AS org,
                   collect(DISTINCT CASE type(r) WHEN 'ALLEGED_DEVELOPER' THEN 'developer' ELSE 'deployer' END) AS roles
            ORDER BY org.name
            """;

    private static final String INCIDENTS_OF = """
            MATCH (i:Incident)-[r:ALLEGED_DEVELOPER|ALLEGED_DEPLOYER]->(:Organisation {id: $id})
            WITH i, collect(DISTINCT CASE type(r) WHEN 'ALLEGED_DEVELOPER' THEN 'developer' ELSE 'deployer' END) AS roles
            RETURN i {.id, .name, date: toString(i.date)} AS incident, roles
            ORDER BY incident.date DESC, incident.id
            """;

    private static final String DOMAINS_OF = """
            MATCH (i:Incident)-[r:ALLEGED_DEVELOPER|ALLEGED_DEPLOYER]->(:Organisation {id: $id})
            WITH i, collect(DISTINCT type(r)) AS types
            OPTIONAL MATCH (i)-[:ADDRESSES]->(c:Concept) WHERE c.id =~ 'mit-risk-[0-9]+-[a-z].*'
            WITH c, 'ALLEGED_DEVELOPER' IN types AS developer, 'ALLEGED_DEPLOYER' IN types AS deployer
            RETURN CASE WHEN c IS NULL THEN null ELSE c {.id, .name} END AS domain,
                   sum(CASE WHEN developer THEN 1 ELSE 0 END) AS asDeveloper,
                   sum(CASE WHEN deployer THEN 1 ELSE 0 END) AS asDeployer,
                   count(*) AS incidents
            ORDER BY incidents DESC, domain.name
            """;

    private final Driver driver;

    IncidentRepository(Driver driver) {
        this.driver = driver;
    }

    /** An incident-reporting obligation as the graph states it. */
    public record Obligation(
            EntityRef ref,
            String role,
            String deadline,
            String recipient,
            String appliesFrom,
            EntityRef regulation,
            String regulationInForce,
            List<Tier> tiers) {}

    /** A tier an obligation applies to. */
    public record Tier(EntityRef ref, String appliesFrom) {}

    /** How an organisation reaches a tier: by its own FALLS_UNDER (model null) or one of its models'. */
    public record Reach(String tier, EntityRef model, String modelReleased, String status, String reason) {}

    /** An organisation alleged to have developed or deployed an incident's system, with its roles. */
    public record Party(EntityRef org, List<String> roles) {}

    /** An organisation's incident and its roles in it. */
    public record OwnIncident(EntityRef incident, String date, List<String> roles) {}

    /** Incidents of one risk domain (null: not classified), counted as developer, deployer and in all. */
    public record DomainCount(EntityRef domain, long asDeveloper, long asDeployer, long incidents) {}

    /** Every obligation of the incident-reporting category. */
    public List<Obligation> obligations() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(OBLIGATIONS, Map.of("category", CATEGORY))
                    .list(r -> {
                        Value o = r.get("o");
                        Value reg = r.get("reg");
                        List<Tier> tiers = r.get("tiers")
                                .asList(t -> new Tier(
                                        new EntityRef(
                                                t.get("id").asString(),
                                                Kind.RISK_TIER,
                                                t.get("name").asString()),
                                        t.get("applies_from").asString(null)));
                        return new Obligation(
                                new EntityRef(
                                        o.get("id").asString(),
                                        Kind.OBLIGATION,
                                        o.get("name").asString()),
                                o.get("role").asString(null),
                                o.get("deadline").asString(null),
                                o.get("recipient").asString(null),
                                o.get("applies_from").asString(null),
                                reg.isNull()
                                        ? null
                                        : new EntityRef(
                                                reg.get("id").asString(),
                                                Kind.REGULATION,
                                                reg.get("name").asString()),
                                reg.isNull() ? null : reg.get("in_force").asString(null),
                                tiers);
                    }));
        }
    }

    /** For each organisation, how it reaches the tiers of incident-reporting obligations. */
    public Map<String, List<Reach>> reach(List<String> organisations) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                Map<String, List<Reach>> out = new LinkedHashMap<>();
                tx.run(REACH, Map.of("orgs", organisations, "category", CATEGORY))
                        .forEachRemaining(r -> {
                            Value m = r.get("model");
                            out.computeIfAbsent(r.get("org").asString(), k -> new ArrayList<>())
                                    .add(new Reach(
                                            r.get("tier").asString(),
                                            m.isNull()
                                                    ? null
                                                    : new EntityRef(
                                                            m.get("id").asString(),
                                                            Kind.MODEL,
                                                            m.get("name").asString()),
                                            m.isNull()
                                                    ? null
                                                    : m.get("released").asString(null),
                                            r.get("status").asString("unknown"),
                                            r.get("reason").asString(null)));
                        });
                return out;
            });
        }
    }

    /** An incident's date (null if none) and its alleged developers and deployers. */
    public IncidentParties parties(String incidentId) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                List<Party> parties = new ArrayList<>();
                String[] date = {null};
                tx.run(PARTIES, Map.of("id", incidentId)).forEachRemaining(r -> {
                    date[0] = r.get("date").asString(null);
                    Value org = r.get("org");
                    parties.add(new Party(
                            new EntityRef(
                                    org.get("id").asString(),
                                    Kind.ORGANISATION,
                                    org.get("name").asString()),
                            r.get("roles").asList(Value::asString)));
                });
                return new IncidentParties(date[0], parties);
            });
        }
    }

    /** An incident's date and its organisations. */
    public record IncidentParties(String date, List<Party> parties) {}

    /** The incidents an organisation is alleged to have developed or deployed the system of, newest first. */
    public List<OwnIncident> incidentsOf(String organisationId) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(INCIDENTS_OF, Map.of("id", organisationId))
                    .list(r -> {
                        Value i = r.get("incident");
                        return new OwnIncident(
                                new EntityRef(
                                        i.get("id").asString(),
                                        Kind.INCIDENT,
                                        i.get("name").asString()),
                                i.get("date").asString(null),
                                r.get("roles").asList(Value::asString));
                    }));
        }
    }

    /** An organisation's incidents by MIT risk domain (as developer, as deployer), the most frequent first. */
    public List<DomainCount> domainsOf(String organisationId) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(DOMAINS_OF, Map.of("id", organisationId))
                    .list(r -> {
                        Value d = r.get("domain");
                        return new DomainCount(
                                d.isNull()
                                        ? null
                                        : new EntityRef(
                                                d.get("id").asString(),
                                                Kind.CONCEPT,
                                                d.get("name").asString()),
                                r.get("asDeveloper").asLong(),
                                r.get("asDeployer").asLong(),
                                r.get("incidents").asLong());
                    }));
        }
    }
}
