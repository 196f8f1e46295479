package org.policygraph.ingest.derive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.policygraph.model.Provenance;
import org.policygraph.model.SourceRef;
import org.policygraph.model.applicability.Applicability;
import org.policygraph.model.applicability.ModelFacts;
import org.policygraph.model.applicability.OrganisationFacts;
import org.policygraph.model.applicability.Status;
import org.policygraph.model.applicability.TierRule;
import org.policygraph.model.applicability.TierRules;
import org.policygraph.model.applicability.Verdict;

/**
 * Derives {@code FALLS_UNDER} relationships from the rules stated on risk tiers ({@code applies_to_kind},
 * {@code compute_threshold_flop}, {@code revenue_threshold_usd}, {@code user_threshold}, {@code scope_jurisdiction},
 * {@code scope_domains}) and the facts on models and organisations ({@code monthly_users} among them), using
 * {@link Applicability}. Each relationship carries its status ({@code in}, {@code likely}, {@code unknown}), the value
 * and threshold compared, the reason in a sentence, and the sources of both the fact and the rule. Relationships that
 * no longer hold are removed; the rest are merged, so a second run changes nothing.
 */
public final class ApplicabilityDeriver {

    private static final int BATCH = 2000;

    private static final String ORGANISATIONS = """
            MATCH (o:Organisation)-[:DEVELOPS]->(m:Model)
            WITH o, m ORDER BY m.id
            WITH o, collect(%s) AS models
            RETURN o.id AS id, o.name AS name, [(o)-[:HEADQUARTERED_IN]->(j) | j.id] AS hq,
                   o.annual_revenue_usd AS revenue, o.monthly_users AS users, o.sources AS sources,
                   o.locators AS locators, o.quotes AS quotes, models
            """.formatted(ModelFacts.PROJECTION);

    private static final String MERGE = """
            UNWIND $rows AS row
            MATCH (a:Entity {id: row.from})
            MATCH (t:RiskTier {id: row.to})
            OPTIONAL MATCH (a)-[old:FALLS_UNDER]->(t)
            WITH a, t, row, CASE WHEN old IS NULL THEN 'created'
                                 WHEN properties(old) = row.props THEN 'unchanged'
                                 ELSE 'updated' END AS outcome
            MERGE (a)-[r:FALLS_UNDER]->(t)
            SET r = row.props
            RETURN outcome, count(*) AS n
            """;

    private static final String REMOVE_STALE = """
            MATCH (a)-[r:FALLS_UNDER]->(t)
            WHERE $keep[a.id + '|' + t.id] IS NULL
            DELETE r
            RETURN count(*) AS n
            """;

    private ApplicabilityDeriver() {}

    /** The rules stated on tiers ({@link TierRules}). */
    public static List<TierRule> rules(TransactionContext tx) {
        return tx.run(TierRules.QUERY).list(r -> TierRules.of(r.asMap()));
    }

    /**
     * Derives and writes every {@code FALLS_UNDER} relationship, removing those that no longer hold.
     *
     * @param counts receives (outcome, count) pairs: created, updated, unchanged
     * @return how many stale relationships were removed
     */
    public static long derive(TransactionContext tx, ObjLongConsumer<String> counts) {
        Map<String, Object> keep = new HashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        verdicts(tx, row -> {
            rows.add(row);
            keep.put(row.get("from") + "|" + row.get("to"), true);
            if (rows.size() >= BATCH) {
                write(tx, rows, counts);
            }
        });
        write(tx, rows, counts);
        return tx.run(REMOVE_STALE, Values.parameters("keep", keep))
                .single()
                .get("n")
                .asLong();
    }

    /**
     * Every {@code FALLS_UNDER} relationship that the rules and the facts the graph holds give, as rows of
     * {@code from}, {@code to} and {@code props}, without writing them: what {@link #derive} writes, and what a
     * check of the stored relationships compares them with.
     */
    public static void verdicts(TransactionContext tx, Consumer<Map<String, Object>> sink) {
        List<TierRule> rules = rules(tx);
        List<TierRule> modelRules = rules.stream().filter(TierRule::forModels).toList();
        List<TierRule> orgRules =
                rules.stream().filter(TierRule::forOrganisations).toList();
        if (!modelRules.isEmpty()) {
            List<ModelFacts> models =
                    tx.run(ModelFacts.QUERY).list(r -> ModelFacts.of(r.get("m").asMap()));
            for (ModelFacts model : models) {
                for (TierRule rule : modelRules) {
                    add(sink, model.id(), rule, Applicability.model(rule, model));
                }
            }
        }
        if (!orgRules.isEmpty()) {
            var result = tx.run(ORGANISATIONS);
            List<OrganisationFacts> organisations = new ArrayList<>();
            while (result.hasNext()) {
                Record r = result.next();
                List<ModelFacts> models = r.get("models").asList(v -> ModelFacts.of(v.asMap()));
                List<SourceRef> orgSources = Provenance.read(provenance(r));
                SourceRef revenueSource = first(orgSources, null);
                Double users = number(r.get("users"));
                // the source of the user count is the one whose locator or quote speaks of monthly users
                SourceRef usersSource = users == null
                        ? null
                        : orgSources.stream()
                                .filter(ApplicabilityDeriver::aboutUsers)
                                .findFirst()
                                .orElse(revenueSource);
                organisations.add(new OrganisationFacts(
                        r.get("id").asString(),
                        r.get("name").asString(),
                        r.get("hq").asList(Value::asString),
                        number(r.get("revenue")),
                        revenueSource,
                        models,
                        users,
                        usersSource));
            }
            for (OrganisationFacts org : organisations) {
                for (TierRule rule : orgRules) {
                    add(sink, org.id(), rule, Applicability.organisation(rule, org));
                }
            }
        }
    }

    private static void add(Consumer<Map<String, Object>> sink, String from, TierRule rule, Verdict verdict) {
        if (verdict.status() == Status.OUT) {
            return;
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("status", verdict.status().key());
        props.put("basis", verdict.basis());
        if (verdict.value() != null) {
            props.put("value", verdict.value());
        }
        if (verdict.threshold() != null) {
            props.put("threshold", verdict.threshold());
        }
        props.put("reason", verdict.reason());
        // the rule's own source is always there (every tier is validated to have one), the fact's when recorded
        Provenance.put(props, verdict.sources());
        sink.accept(Map.of("from", from, "to", rule.tierId(), "props", props));
    }

    private static void write(TransactionContext tx, List<Map<String, Object>> rows, ObjLongConsumer<String> counts) {
        if (rows.isEmpty()) {
            return;
        }
        for (Record r :
                tx.run(MERGE, Values.parameters("rows", List.copyOf(rows))).list()) {
            counts.accept(r.get("outcome").asString(), r.get("n").asLong());
        }
        rows.clear();
    }

    private static boolean aboutUsers(SourceRef s) {
        String text = (s.locator() + " " + (s.quote() == null ? "" : s.quote())).toLowerCase(java.util.Locale.ROOT);
        return text.contains("monthly users") || text.contains("monthly active users");
    }

    private static Map<String, Object> provenance(Record r) {
        Map<String, Object> m = new HashMap<>();
        m.put(
                Provenance.SOURCES,
                r.get("sources").isNull() ? List.of() : r.get("sources").asList());
        m.put(
                Provenance.LOCATORS,
                r.get("locators").isNull() ? List.of() : r.get("locators").asList());
        m.put(
                Provenance.QUOTES,
                r.get("quotes").isNull() ? List.of() : r.get("quotes").asList());
        return m;
    }

    private static Double number(Value v) {
        return v == null || v.isNull() ? null : v.asDouble();
    }

    private static <T> T first(List<T> list, T fallback) {
        return list.isEmpty() ? fallback : list.get(0);
    }
}
