package org.policygraph.web.quality;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.policygraph.data.DefaultData;
import org.policygraph.model.Kind;
import org.policygraph.model.resolution.Organisation;
import org.policygraph.model.resolution.OrganisationTable;
import org.policygraph.model.resolution.Problems;
import org.policygraph.model.resolution.ResolutionTables;
import org.policygraph.web.entity.ClaimView;
import org.policygraph.web.instrument.LikelyDuplicates;
import org.policygraph.web.quality.QualityReport.Check;
import org.policygraph.web.quality.QualityReport.ConflictingClaim;
import org.policygraph.web.quality.QualityReport.MissingSource;
import org.policygraph.web.quality.QualityReport.UnresolvedAlias;
import org.policygraph.web.quality.QualityReport.UnsourcedFact;
import org.policygraph.web.ref.EntityRef;

/**
 * Runs the data-quality checks over the whole graph; owns their Cypher. Every check counts all its findings and
 * lists the first {@link #LIMIT}.
 */
@ApplicationScoped
public class QualityRepository {

    /** How many findings each list of the report holds at most. */
    public static final int LIMIT = 100;

    /** A fact {@code f} lacks a located source: no source, no locators, a locator list of another length, or a blank one. */
    private static final String UNSOURCED = """
            (f.sources IS NULL OR size(f.sources) = 0
             OR f.locators IS NULL OR size(f.locators) <> size(f.sources)
             OR any(l IN f.locators WHERE l IS NULL OR trim(toString(l)) = ''))
            """;

    private static final String UNSOURCED_NODES = """
            MATCH (f:Entity) WHERE %s
            WITH f ORDER BY f.id
            RETURN count(f) AS count,
                   collect({node: f {.id, .name, labels: labels(f)}, sources: f.sources, locators: f.locators})[..$limit] AS items
            """.formatted(UNSOURCED);

    private static final String UNSOURCED_RELATIONSHIPS = """
            MATCH (a:Entity)-[f]->(b:Entity) WHERE %s
            WITH a, f, b ORDER BY a.id, type(f), b.id
            RETURN count(f) AS count,
                   collect({node: a {.id, .name, labels: labels(a)}, type: type(f), other: b {.id, .name, labels: labels(b)},
                            sources: f.sources, locators: f.locators})[..$limit] AS items
            """.formatted(UNSOURCED);

    /** Source ids cited by nodes or relationships that no Source node has, with how many facts cite each. */
    private static final String MISSING_SOURCES = """
            MATCH (s:Source) WITH collect(s.id) AS known
            CALL (known) {
              MATCH (n:Entity) WHERE n.sources IS NOT NULL
              UNWIND n.sources AS id
              WITH n, id WHERE NOT id IN known
              RETURN id, elementId(n) AS fact, n AS node
              UNION ALL
              MATCH (n:Entity)-[r]->(:Entity) WHERE r.sources IS NOT NULL
              UNWIND r.sources AS id
              WITH n, r, id WHERE NOT id IN known
              RETURN id, elementId(r) AS fact, n AS node
            }
            WITH id, count(DISTINCT fact) AS facts, collect(DISTINCT node {.id, .name, labels: labels(node)})[..3] AS citedBy
            ORDER BY facts DESC, id
            WITH collect({source: toString(id), facts: facts, citedBy: citedBy}) AS found
            RETURN size(found) AS count, found[..$limit] AS items
            """;

    /** Nodes without relationships; a Source is connected by the facts that cite it (other than itself). */
    private static final String ORPHANS = """
            CALL () {
              MATCH (m:Entity) WHERE m.sources IS NOT NULL
              UNWIND m.sources AS id
              WITH m, id WHERE m.id <> id
              RETURN collect(DISTINCT id) AS byNodes
            }
            CALL () {
              MATCH (:Entity)-[r]->(:Entity) WHERE r.sources IS NOT NULL
              UNWIND r.sources AS id
              RETURN collect(DISTINCT id) AS byRelationships
            }
            MATCH (n:Entity) WHERE NOT (n)--() AND NOT (n:Source AND (n.id IN byNodes OR n.id IN byRelationships))
            WITH n ORDER BY [l IN labels(n) WHERE l <> 'Entity'][0], toLower(n.name), n.id
            RETURN count(n) AS count, collect(n {.id, .name, labels: labels(n)})[..$limit] AS items
            """;

    /**
     * Names (ignoring case and surrounding spaces) that two or more nodes of one kind carry. Events are left out: an
     * event is named by what happened to its instrument ("Read second time"), which repeats by nature.
     */
    private static final String SHARED_NAMES = """
            MATCH (n:Entity) WHERE NOT n:Event
            UNWIND [n.name] + coalesce(n.aliases, []) AS name
            WITH n, name, toLower(trim(toString(name))) AS key WHERE key <> ''
            WITH [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, key, collect(DISTINCT name) AS spellings,
                 collect(DISTINCT n {.id, .name, labels: labels(n)}) AS nodes
            WHERE size(nodes) > 1
            RETURN kind, spellings[0] AS name, nodes
            ORDER BY kind, key
            """;

    /** Organisations that facts of a dataset cite, with every name they go by. */
    /**
     * The organisations datasets name. The AI Incident Database is left out: it names organisations by entity slug,
     * which resolution/aiid-entities.yaml resolves (its last rule makes any other slug an organisation of its own by
     * design), so its more than a thousand small organisations are not unlisted spellings of the datasets'.
     */
    private static final String DATASET_ORGANISATIONS = """
            MATCH (s:Source {source_type: 'dataset'}) WHERE s.id <> 'ai-incident-database'
            WITH collect(s.id) AS datasets
            MATCH (o:Organisation) WHERE any(id IN coalesce(o.sources, []) WHERE id IN datasets)
            RETURN o {.id, .name, labels: labels(o)} AS node, [o.name] + coalesce(o.aliases, []) AS names
            ORDER BY o.id
            """;

    private static final String CONFLICTING_CLAIMS = """
            MATCH (c:Claim) WHERE toLower(trim(c.verdict)) IN $disagreeing
            WITH c ORDER BY CASE toLower(trim(c.verdict)) WHEN 'inaccurate' THEN 0 WHEN 'disputed' THEN 1 ELSE 2 END, c.name
            RETURN count(c) AS count,
                   collect(c {.id, .name, .claim, .verdict, .correction,
                              about: [(c)-[:ABOUT]->(m:Entity) | m {.id, .name, labels: labels(m)}],
                              by: [(c)-[:ASSERTED_BY]->(a:Entity) | a {.id, .name, labels: labels(a)}]})[..$limit] AS items
            """;

    private static final String CLAIMS_NOT_ASSESSED = """
            MATCH (c:Claim) WHERE c.verdict IS NULL OR trim(toString(c.verdict)) = ''
            RETURN count(c) AS count
            """;

    private final Driver driver;
    private final OrganisationTable organisations;

    QualityRepository(Driver driver) {
        this.driver = driver;
        // the table ingest resolves names with (a test of ingest checks it has no problems)
        this.organisations =
                ResolutionTables.read(DefaultData::read, Problems.IGNORE).organisations();
    }

    /** Every check over the whole graph, in one read transaction. */
    public QualityReport report() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> new QualityReport(
                    unsourced(tx),
                    missingSources(tx),
                    orphans(tx),
                    unresolvedAliases(tx),
                    conflictingClaims(tx),
                    tx.run(CLAIMS_NOT_ASSESSED).single().get("count").asLong(),
                    LIMIT,
                    likelyDuplicates(tx)));
        }
    }

    private static Check<UnsourcedFact> unsourced(TransactionContext tx) {
        Map<String, Object> params = Map.of("limit", LIMIT);
        Record nodes = tx.run(UNSOURCED_NODES, params).single();
        Record relationships = tx.run(UNSOURCED_RELATIONSHIPS, params).single();
        List<UnsourcedFact> items = new ArrayList<>();
        for (Value v : nodes.get("items").values()) {
            ref(v.get("node"))
                    .ifPresent(node -> items.add(
                            new UnsourcedFact(node, null, null, problem(v.get("sources"), v.get("locators")))));
        }
        for (Value v : relationships.get("items").values()) {
            Optional<EntityRef> from = ref(v.get("node"));
            Optional<EntityRef> to = ref(v.get("other"));
            if (from.isPresent() && to.isPresent()) {
                items.add(new UnsourcedFact(
                        from.get(), v.get("type").asString(), to.get(), problem(v.get("sources"), v.get("locators"))));
            }
        }
        return new Check<>(
                nodes.get("count").asLong() + relationships.get("count").asLong(),
                items.subList(0, Math.min(LIMIT, items.size())));
    }

    /** What is wrong with a fact's provenance, as the end of a sentence whose subject is the fact. */
    static String problem(Value sources, Value locators) {
        List<Object> ids = sources.isNull() ? List.of() : sources.asList();
        if (ids.isEmpty()) {
            return "has no source";
        }
        if (locators.isNull() || locators.asList().isEmpty()) {
            return "has " + count(ids.size(), "source") + " but no locator";
        }
        List<Object> where = locators.asList();
        if (where.size() != ids.size()) {
            return "has " + count(ids.size(), "source") + " but " + count(where.size(), "locator");
        }
        for (int i = 0; i < ids.size(); i++) {
            if (where.get(i) == null || where.get(i).toString().isBlank()) {
                return "has no locator for the source " + ids.get(i);
            }
        }
        return "has a source without a locator";
    }

    private static Check<MissingSource> missingSources(TransactionContext tx) {
        Record r = tx.run(MISSING_SOURCES, Map.of("limit", LIMIT)).single();
        List<MissingSource> items = r.get("items")
                .asList(v -> new MissingSource(
                        v.get("source").asString(), v.get("facts").asLong(), refs(v.get("citedBy"))));
        return new Check<>(r.get("count").asLong(), items);
    }

    private static Check<EntityRef> orphans(TransactionContext tx) {
        Record r = tx.run(ORPHANS, Map.of("limit", LIMIT)).single();
        return new Check<>(r.get("count").asLong(), refs(r.get("items")));
    }

    private Check<UnresolvedAlias> unresolvedAliases(TransactionContext tx) {
        List<UnresolvedAlias> all = new ArrayList<>();
        tx.run(SHARED_NAMES).forEachRemaining(r -> {
            List<EntityRef> nodes = refs(r.get("nodes"));
            nodes.sort(Comparator.comparing(EntityRef::id));
            String kind =
                    Kind.byLabel(r.get("kind").asString("")).map(Kind::plural).orElse("nodes");
            all.add(new UnresolvedAlias(
                    r.get("name").asString(),
                    nodes.size() + " " + kind + " go by this name, "
                            + "so a search for it, or a record that uses it, cannot tell which one is meant.",
                    nodes));
        });
        tx.run(DATASET_ORGANISATIONS).forEachRemaining(r -> {
            List<String> names = r.get("names")
                    .asList(v -> v.asObject() == null ? "" : v.asObject().toString());
            if (names.stream().noneMatch(this::listed)) {
                ref(r.get("node")).ifPresent(node -> {
                    // a candidate merge: the listed organisation whose name this one begins with, or is begun by
                    var candidate = names.stream()
                            .map(this::candidate)
                            .flatMap(Optional::stream)
                            .findFirst();
                    all.add(new UnresolvedAlias(
                            node.name(),
                            "A dataset names this organisation, but "
                                    + "resolution/organisations.yaml does not list the name, so it became an organisation of "
                                    + "its own under the slug of the name; "
                                    + candidate
                                            .map(c -> "it may be another spelling " + "of " + c.name() + " (" + c.id()
                                                    + "): if so, add the name to its aliases there.")
                                            .orElse("it may be another spelling of one already in the graph."),
                            List.of(node)));
                });
            }
        });
        return new Check<>(all.size(), all.subList(0, Math.min(LIMIT, all.size())));
    }

    private static Check<UnresolvedAlias> likelyDuplicates(TransactionContext tx) {
        List<UnresolvedAlias> all = LikelyDuplicates.find(tx).stream()
                .map(g -> new UnresolvedAlias(g.key(), g.reason(), g.nodes()))
                .toList();
        return new Check<>(all.size(), all.subList(0, Math.min(LIMIT, all.size())));
    }

    private Optional<Organisation> candidate(String name) {
        try {
            return organisations.candidate(name);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private boolean listed(String name) {
        try {
            return organisations.lists(name);
        } catch (IllegalArgumentException e) {
            return false; // a name without letters or digits is listed nowhere
        }
    }

    private static Check<ConflictingClaim> conflictingClaims(TransactionContext tx) {
        Record r = tx.run(CONFLICTING_CLAIMS, Map.of("limit", LIMIT, "disagreeing", List.copyOf(ClaimView.DISAGREEING)))
                .single();
        List<ConflictingClaim> items = new ArrayList<>();
        for (Value c : r.get("items").values()) {
            List<EntityRef> about = refs(c.get("about"));
            about.sort(Comparator.comparing(EntityRef::name, String.CASE_INSENSITIVE_ORDER));
            String id = c.get("id").asString();
            items.add(new ConflictingClaim(
                    new EntityRef(id, Kind.CLAIM, c.get("name").asString(id)),
                    c.get("claim").asString(null),
                    c.get("verdict").asString(),
                    c.get("correction").asString(null),
                    about,
                    refs(c.get("by"))));
        }
        return new Check<>(r.get("count").asLong(), items);
    }

    /** A node map {@code {id, name, labels}} as a link, if it has a PolicyGraph kind. */
    private static Optional<EntityRef> ref(Value node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String id = node.get("id").asString(null);
        return node.get("labels").asList(Value::asString).stream()
                .map(Kind::byLabel)
                .flatMap(Optional::stream)
                .findFirst()
                .filter(k -> id != null)
                .map(kind -> new EntityRef(id, kind, node.get("name").asString(id)));
    }

    private static List<EntityRef> refs(Value nodes) {
        List<EntityRef> refs = new ArrayList<>();
        nodes.values().forEach(v -> ref(v).ifPresent(refs::add));
        return refs;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
