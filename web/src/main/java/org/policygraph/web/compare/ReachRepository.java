package org.policygraph.web.compare;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.policygraph.model.Kind;
import org.policygraph.model.Provenance;
import org.policygraph.model.SourceRef;
import org.policygraph.web.ref.EntityRef;

/**
 * "Who this reaches" for a regulation: the models and organisations that fall under its tiers ({@code FALLS_UNDER},
 * derived by ingest), by tier and status, each with its reason; in one query.
 */
@ApplicationScoped
public class ReachRepository {

    private static final String REACH = """
            MATCH (r:Regulation {id: $id})-[:DEFINES]->(t:RiskTier)<-[f:FALLS_UNDER]-(x)
            WITH t, f, x ORDER BY CASE f.basis WHEN 'annual_revenue_usd' THEN 0 ELSE 1 END, coalesce(f.value, 0.0) DESC, x.name
            WITH t, f.status AS status, count(x) AS n,
                 collect(x {.id, .name, labels: labels(x), reason: f.reason, sources: f.sources, locators: f.locators})[0..$cap] AS sample
            RETURN t {.id, .name} AS tier, status, n, sample
            ORDER BY tier.name, CASE status WHEN 'in' THEN 0 WHEN 'likely' THEN 1 ELSE 2 END
            """;

    private final Driver driver;

    ReachRepository(Driver driver) {
        this.driver = driver;
    }

    /** The reach of a regulation's tiers, empty when it defines none with rules. */
    public List<TierReach> reach(String regulationId, int cap) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                Map<String, TierReach> tiers = new LinkedHashMap<>();
                tx.run(REACH, Map.of("id", regulationId, "cap", cap)).forEachRemaining(r -> {
                    Value t = r.get("tier");
                    TierReach tier = tiers.computeIfAbsent(
                            t.get("id").asString(),
                            k -> new TierReach(
                                    new EntityRef(
                                            k, Kind.RISK_TIER, t.get("name").asString()),
                                    new ArrayList<>()));
                    List<Reached> sample = r.get("sample").asList(v -> {
                        List<SourceRef> refs = Provenance.read(v.asMap());
                        return new Reached(
                                EntityRef.of(v)
                                        .orElseGet(() -> new EntityRef(
                                                v.get("id").asString(),
                                                Kind.MODEL,
                                                v.get("name").asString())),
                                v.get("reason").asString(""),
                                refs.stream()
                                        .map(s -> s.source() + ", " + s.locator())
                                        .toList());
                    });
                    tier.groups()
                            .add(new StatusGroup(
                                    r.get("status").asString(), r.get("n").asLong(), sample));
                });
                return List.copyOf(tiers.values());
            });
        }
    }

    /** A tier and who falls under it, by status. */
    public record TierReach(EntityRef tier, List<StatusGroup> groups) {}

    /** Everyone of one status under a tier: how many, and the first of them with reasons. */
    public record StatusGroup(String status, long count, List<Reached> sample) {
        public String label() {
            return switch (status) {
                case "in" -> "Falls under";
                case "likely" -> "Likely falls under";
                default -> "Unknown (a fact the rule needs is missing)";
            };
        }
    }

    /** One model or organisation, the reason and where the facts come from. */
    public record Reached(EntityRef ref, String reason, List<String> sources) {}
}
