package org.policygraph.model.applicability;

import java.util.List;
import java.util.Map;
import org.policygraph.model.Kind;
import org.policygraph.model.Provenance;
import org.policygraph.model.SourceRef;

/**
 * The rules stated on risk tiers as the graph holds them: the Cypher that reads them and the mapping of its rows, so
 * that ingest (which derives {@code FALLS_UNDER} from them) and the site (which re-runs them as a what-if) read the
 * same rules the same way. The query is plain text; whoever runs it maps each row with {@link #of}.
 */
public final class TierRules {

    /** Every tier with a rule ({@code applies_to_kind}), with the regulation that defines it, ordered by tier id. */
    public static final String QUERY = """
            MATCH (t:RiskTier) WHERE t.applies_to_kind IS NOT NULL
            OPTIONAL MATCH (r:Regulation)-[:DEFINES]->(t)
            WITH t, collect(r)[0] AS r
            OPTIONAL MATCH (byArticle:Regulation)-[:HAS_PROVISION]->(:Provision)-[:DEFINES]->(t)
            WITH t, r, collect(byArticle)[0] AS viaArticle
            WITH t, coalesce(r, viaArticle) AS r
            RETURN t.id AS id, t.name AS name, r.id AS regulationId, r.name AS regulationName,
                   t.applies_to_kind AS appliesTo, t.compute_threshold_flop AS compute,
                   t.revenue_threshold_usd AS revenue, t.user_threshold AS users, t.scope_jurisdiction AS jurisdiction,
                   coalesce(t.scope_domains, []) AS domains, t.sources AS sources, t.locators AS locators, t.quotes AS quotes
            ORDER BY id
            """;

    private TierRules() {}

    /** A rule from one row of {@link #QUERY}, as a map of column to value. */
    public static TierRule of(Map<String, Object> row) {
        List<SourceRef> sources = Provenance.read(row);
        return new TierRule(
                (String) row.get("id"),
                (String) row.get("name"),
                (String) row.get("regulationId"),
                (String) row.get("regulationName"),
                row.get("appliesTo") instanceof String kind
                        ? Kind.bySingular(kind).orElse(null)
                        : null,
                number(row.get("compute")),
                number(row.get("revenue")),
                (String) row.get("jurisdiction"),
                row.get("domains") instanceof List<?> l
                        ? l.stream().map(String::valueOf).toList()
                        : List.of(),
                sources.isEmpty() ? null : sources.get(0),
                number(row.get("users")));
    }

    static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
