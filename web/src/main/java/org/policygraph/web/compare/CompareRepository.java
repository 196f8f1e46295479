package org.policygraph.web.compare;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.policygraph.model.Kind;
import org.policygraph.model.Provenance;
import org.policygraph.model.applicability.ModelFacts;
import org.policygraph.model.applicability.TierRule;
import org.policygraph.model.applicability.TierRules;
import org.policygraph.web.ref.EntityRef;

/**
 * The Cypher behind the comparisons, and the mapping of its rows to records ({@link CompareRows}); two queries per
 * comparison at most (the facts, then the sources' titles).
 */
@ApplicationScoped
public class CompareRepository {

    private static final String REGULATIONS = """
            UNWIND $ids AS id
            MATCH (r:Regulation {id: id})
            CALL (r) {
              OPTIONAL MATCH (r)-[:HAS_PROVISION]->(p:Provision)-[i:IMPOSES]->(o:Obligation)
              RETURN collect({o: properties(o), p: p {.id, .name}, rel: properties(i)}) AS viaProvision
            }
            CALL (r) {
              OPTIONAL MATCH (r)-[i:IMPOSES]->(o:Obligation)
              RETURN collect({o: properties(o), rel: properties(i)}) AS direct
            }
            CALL (r) {
              CALL (r) {
                MATCH (r)-[:DEFINES]->(t:RiskTier)
                RETURN t
                UNION
                MATCH (r)-[:HAS_PROVISION]->(:Provision)-[:DEFINES]->(t:RiskTier)
                RETURN t
              }
              WITH DISTINCT t ORDER BY t.level, t.name
              RETURN collect(properties(t)) AS tiers
            }
            RETURN properties(r) AS reg, [(r)-[:APPLIES_IN]->(j) | j.name] AS places, viaProvision, direct, tiers
            """;

    private static final String ORGANISATIONS = """
            UNWIND $ids AS id
            MATCH (o:Organisation {id: id})
            CALL (o) {
              OPTIONAL MATCH (o)-[:DEVELOPS]->(m:Model)
              WITH m ORDER BY m.training_compute_flop DESC
              WITH collect(m) AS ms
              RETURN size(ms) AS modelCount,
                     [m IN ms WHERE m.training_compute_flop IS NOT NULL | m {.id, .name, .training_compute_flop, .sources, .locators, .quotes}][0] AS largest,
                     [m IN ms WHERE m.released IS NOT NULL | m {.id, .name, .released}] AS dated
            }
            CALL (o) {
              OPTIONAL MATCH (s:Stance)-[h:HELD_BY]->(o)
              RETURN collect(s {.id, .name, .topic, .position, .summary, .sources, .locators, .quotes,
                     by: [(s)-[:ASSERTED_BY]->(a) | a.name]}) AS stances
            }
            CALL (o) {
              OPTIONAL MATCH (o)-[e:ENDORSED|OPPOSED|SIGNED|DECLINED]->(r:Regulation)
              WITH e, r ORDER BY e.date DESC, r.name
              RETURN collect({type: type(e), reg: r {.id, .name}, rel: properties(e)}) AS positions
            }
            CALL (o) {
              OPTIONAL MATCH (i:Incident)-[a:ALLEGED_DEVELOPER|ALLEGED_DEPLOYER]->(o)
              WITH type(a) AS role, i ORDER BY i.date DESC, i.id
              WITH role, count(i) AS n, collect(i {.id, .name, .date, .sources, .locators, .quotes})[0] AS latest
              WHERE role IS NOT NULL
              RETURN collect({role: role, n: n, latest: latest}) AS incidents
            }
            CALL (o) {
              OPTIONAL MATCH (o)-[f:FALLS_UNDER]->(t:RiskTier)
              OPTIONAL MATCH (reg:Regulation)-[:DEFINES]->(t)
              RETURN collect({tier: t {.id, .name}, reg: reg {.id, .name}, rel: properties(f)}) AS direct
            }
            CALL (o) {
              OPTIONAL MATCH (r:Regulation)-[i:ISSUED_BY]->(o)
              WITH r, i ORDER BY r.adopted DESC, r.name
              RETURN collect({reg: r {.id, .name, .adopted, .instrument_type}, rel: properties(i)}) AS issued
            }
            CALL (o) {
              OPTIONAL MATCH (o)-[:DEVELOPS]->(m:Model)-[f:FALLS_UNDER]->(t:RiskTier)
              OPTIONAL MATCH (reg:Regulation)-[:DEFINES]->(t)
              WITH t, reg, f.status AS status, count(m) AS n, collect(m.name)[0..3] AS examples
              RETURN collect({tier: t {.id, .name}, reg: reg {.id, .name}, status: status, n: n, examples: examples}) AS viaModels
            }
            RETURN properties(o) AS org,
                   [(o)-[:HEADQUARTERED_IN]->(j) | j {.id, .name}] AS hq,
                   [(o)-[:SUBSIDIARY_OF]->(p) | p {.id, .name}] AS parents,
                   [(p:Person)-[:LEADS]->(o) | p {.id, .name}] AS leaders,
                   modelCount, largest, dated, stances, positions, incidents, direct, viaModels, issued
            """;

    private static final String MODELS = """
            UNWIND $ids AS id
            MATCH (m:Model {id: id})
            RETURN properties(m) AS model,
                   [(o:Organisation)-[:DEVELOPS]->(m) | o {.id, .name}] AS developers
            """;

    private static final String TIER_OBLIGATIONS = """
            MATCH (o:Obligation)-[:APPLIES_TO]->(t:RiskTier) WHERE t.id IN $tiers
            RETURN t.id AS tier, collect(o {.id, .name}) AS obligations
            """;

    private static final String TITLES = """
            MATCH (s:Source) WHERE s.id IN $ids
            RETURN s.id AS id, coalesce(s.title, s.name) AS title, s.url AS url
            """;

    private final Driver driver;

    CompareRepository(Driver driver) {
        this.driver = driver;
    }

    /** The regulations found, in the order asked, and the titles of every source they cite. */
    public Fetched<CompareRows.RegulationRow> regulations(List<String> ids) {
        return fetch(REGULATIONS, ids, CompareRows::regulation);
    }

    /** The organisations found, in the order asked, and the titles of every source they cite. */
    public Fetched<CompareRows.OrganisationRow> organisations(List<String> ids) {
        return fetch(ORGANISATIONS, ids, CompareRows::organisation);
    }

    /** The models found, in the order asked, and the titles of every source they cite. */
    public Fetched<CompareRows.ModelRow> models(List<String> ids) {
        return fetch(MODELS, ids, CompareRows::model);
    }

    /** The rules stated on tiers, read as ingest reads them ({@link TierRules}). */
    public List<TierRule> rules() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(TierRules.QUERY).list(r -> TierRules.of(r.asMap())));
        }
    }

    /** Every model's facts that rules use (for the what-if view over the whole graph). */
    public List<ModelFacts> allModelFacts() {
        try (var session = driver.session()) {
            return session.executeRead(tx ->
                    tx.run(ModelFacts.QUERY).list(r -> ModelFacts.of(r.get("m").asMap())));
        }
    }

    /** The obligations that apply to each of these tiers. */
    public Map<String, List<EntityRef>> obligations(Collection<String> tiers) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                Map<String, List<EntityRef>> out = new HashMap<>();
                tx.run(TIER_OBLIGATIONS, Map.of("tiers", List.copyOf(tiers)))
                        .forEachRemaining(r -> out.put(
                                r.get("tier").asString(),
                                r.get("obligations").asList(v -> CompareRows.ref(v, Kind.OBLIGATION))));
                return out;
            });
        }
    }

    /** Titles of sources, for citations. */
    public Sources titles(Collection<String> sourceIds) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> titles(tx, sourceIds));
        }
    }

    private <T> Fetched<T> fetch(String query, List<String> ids, Function<Record, T> mapping) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                List<Record> records = tx.run(query, Map.of("ids", ids)).list();
                Set<String> sourceIds = new LinkedHashSet<>();
                records.forEach(r -> collectSources(r.asMap(), sourceIds));
                return new Fetched<>(records.stream().map(mapping).toList(), titles(tx, sourceIds));
            });
        }
    }

    private static Sources titles(TransactionContext tx, Collection<String> ids) {
        Map<String, Sources.Title> out = new HashMap<>();
        tx.run(TITLES, Map.of("ids", List.copyOf(ids)))
                .forEachRemaining(r -> out.put(
                        r.get("id").asString(),
                        new Sources.Title(
                                r.get("title").asString(), r.get("url").asString(null))));
        return new Sources(out);
    }

    private static void collectSources(Object value, Set<String> out) {
        if (value instanceof Map<?, ?> map) {
            Object sources = map.get(Provenance.SOURCES);
            if (sources instanceof List<?> list) {
                list.forEach(s -> out.add(String.valueOf(s)));
            }
            map.values().forEach(v -> collectSources(v, out));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collectSources(v, out));
        }
    }

    /**
     * What a comparison query returned.
     *
     * @param rows    one record per requested id found, in the order asked
     * @param sources the titles of every source cited in the rows
     */
    public record Fetched<T>(List<T> rows, Sources sources) {}
}
