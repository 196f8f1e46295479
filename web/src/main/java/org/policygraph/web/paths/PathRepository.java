package org.policygraph.web.paths;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.policygraph.model.Provenance;
import org.policygraph.model.RelType;
import org.policygraph.model.SourceRef;
import org.policygraph.web.ref.Citation;
import org.policygraph.web.ref.EntityRef;

/**
 * Finds the shortest paths between two nodes up to a length, optionally avoiding relationship types and nodes,
 * and ranks paths of equal length so that those through specific nodes come before those through hubs (a path
 * through "European Union" says less than one through a shared article).
 */
@ApplicationScoped
public class PathRepository {

    /** How the paths found are ranked and written out, with their sources: the end of both path queries. */
    private static final String RANK_AND_CITE = """
            WITH p, reduce(s = 0.0, n IN nodes(p)[1..-1] | s + log(1.0 + COUNT { (n)--() })) AS hubness
            ORDER BY length(p), hubness
            LIMIT $limit
            WITH p, [n IN nodes(p) | n {.id, .name, labels: labels(n)}] AS ns,
                 [r IN relationships(p) | {type: type(r), from: startNode(r).id, props: properties(r)}] AS rs,
                 [n IN nodes(p)[1..-1] WHERE COUNT { (n)--() } > $busy | n.name] AS busy
            WITH collect({nodes: ns, rels: rs, busy: busy}) AS paths
            UNWIND paths AS path
            UNWIND path.rels AS rel
            WITH paths, collect(DISTINCT rel.props.sources) AS lists
            WITH paths, reduce(acc = [], l IN lists | acc + coalesce(l, [])) AS ids
            OPTIONAL MATCH (s:Source) WHERE s.id IN ids
            RETURN paths, collect(s {.id, .name, .title, .url}) AS sources
            """;

    /**
     * The path query; the {@code %d} are how many shortest paths to find and the maximum length. Interior nodes
     * are not busy. Package-visible for the query-plan test.
     */
    static final String PATHS = """
            MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
            USING INDEX a:Entity(id) USING INDEX b:Entity(id)
            MATCH p = SHORTEST %d (a)(()-[r]-(x:Entity) WHERE NOT type(r) IN $excludeTypes AND NOT x.id IN $excludeNodes
                                      AND (x = b OR COUNT { (x)--() } <= $busy)){1,%d}(b)
            """ + RANK_AND_CITE;

    /**
     * The one shortest path through busy nodes, when no other exists; {@code %d} is the maximum length. Neo4j's
     * bidirectional {@code shortestPath} meets in the middle without reading a busy node's relationships (on the
     * 1M-model graph, 30 to 50 ms where {@code SHORTEST 1} took 150 to 650 ms). Package-visible for the query-plan
     * test.
     */
    static final String THROUGH_BUSY = """
            MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
            USING INDEX a:Entity(id) USING INDEX b:Entity(id)
            MATCH p = shortestPath((a)-[*..%d]-(b))
            WHERE all(r IN relationships(p) WHERE NOT type(r) IN $excludeTypes)
              AND all(n IN nodes(p) WHERE NOT n.id IN $excludeNodes)
            """ + RANK_AND_CITE;

    /**
     * The length of the one shortest path that keeps busy nodes out of its inside; {@code %d} is the maximum
     * length. Package-visible for the query-plan test.
     */
    static final String SHORTEST_LENGTH = """
            MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
            USING INDEX a:Entity(id) USING INDEX b:Entity(id)
            MATCH p = SHORTEST 1 (a)(()-[r]-(x:Entity) WHERE NOT type(r) IN $excludeTypes AND NOT x.id IN $excludeNodes
                                     AND (x = b OR COUNT { (x)--() } <= $busy)){1,%d}(b)
            RETURN length(p) AS length
            """;

    /**
     * A node with more relationships than this is busy: a country that hundreds of thousands of organisations are
     * headquartered in, a risk tier a million models fall under. A path through one says little (it joins almost
     * anything to anything), and searching through one reads all its relationships.
     */
    public static final int BUSY = 10_000;

    private final Driver driver;

    PathRepository(Driver driver) {
        this.driver = driver;
    }

    /**
     * Up to {@code limit} paths of at most {@code maxLength} hops, best first: those of the shortest length and of
     * one hop more, that pass through no {@link #BUSY busy} node. The shortest length is found first; longer paths
     * are not searched, since a path two hops longer than the shortest one says little more. Only when no path
     * avoids the busy nodes is the one shortest path through them looked for, and it says which busy nodes it runs
     * through.
     */
    public List<Path> find(
            String from, String to, int maxLength, int limit, List<String> excludeTypes, List<String> excludeNodes) {
        Map<String, Object> params = Map.of(
                "from",
                from,
                "to",
                to,
                "limit",
                limit,
                "excludeTypes",
                excludeTypes,
                "excludeNodes",
                excludeNodes,
                "busy",
                BUSY);
        try (var session = driver.session()) {
            return session.executeRead(
                    tx -> {
                        var shortest = tx.run(SHORTEST_LENGTH.formatted(maxLength), params)
                                .list();
                        String cypher = shortest.isEmpty()
                                ? THROUGH_BUSY.formatted(maxLength)
                                : PATHS.formatted(
                                        Math.max(limit * 2, 10),
                                        Math.min(
                                                maxLength,
                                                shortest.get(0).get("length").asInt() + 1));
                        var result = tx.run(cypher, params);
                        if (!result.hasNext()) {
                            return List.<Path>of();
                        }
                        var record = result.single();
                        Map<String, Map<String, Object>> sources = new HashMap<>();
                        for (Value s : record.get("sources").values()) {
                            sources.put(s.get("id").asString(), s.asMap());
                        }
                        List<Path> paths = new ArrayList<>();
                        for (Value p : record.get("paths").values()) {
                            List<EntityRef> nodes = p.get("nodes").asList(PathRepository::ref);
                            List<Hop> hops = new ArrayList<>();
                            List<Value> rels = p.get("rels").asList(v -> v);
                            for (int i = 0; i < rels.size(); i++) {
                                Value r = rels.get(i);
                                EntityRef here = nodes.get(i);
                                EntityRef next = nodes.get(i + 1);
                                boolean forward = r.get("from").asString().equals(here.id());
                                RelType type =
                                        RelType.byName(r.get("type").asString()).orElse(null);
                                if (type == null) {
                                    continue;
                                }
                                List<Citation> citations = new ArrayList<>();
                                for (SourceRef ref :
                                        Provenance.read(r.get("props").asMap())) {
                                    citations.add(Citation.of(ref, sources.getOrDefault(ref.source(), Map.of())));
                                }
                                EntityRef subject = forward ? here : next;
                                EntityRef object = forward ? next : here;
                                hops.add(new Hop(subject, type.name(), type.verb(), object, citations));
                            }
                            paths.add(new Path(nodes, hops, p.get("busy").asList(Value::asString)));
                        }
                        return paths;
                    },
                    TransactionConfig.builder()
                            .withTimeout(Duration.ofSeconds(10))
                            .build());
        }
    }

    /** Resolves a node id to a reference, if the node exists. */
    public Optional<EntityRef> node(String id) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                var result = tx.run(
                        "MATCH (n:Entity {id: $id}) RETURN n {.id, .name, labels: labels(n)} AS n", Map.of("id", id));
                return result.hasNext()
                        ? Optional.ofNullable(ref(result.single().get("n")))
                        : Optional.<EntityRef>empty();
            });
        }
    }

    private static EntityRef ref(Value v) {
        return EntityRef.of(v).orElseThrow(() -> new IllegalStateException("not a PolicyGraph node: " + v));
    }

    /**
     * One hop, written as "subject verb object", always in the relationship's own direction.
     *
     * @param subject   the start of the relationship
     * @param type      its type
     * @param verb      its verb phrase
     * @param object    its end
     * @param sources   where it comes from
     */
    public record Hop(EntityRef subject, String type, String verb, EntityRef object, List<Citation> sources) {
        public String sentence() {
            return subject.name() + " " + verb + " " + object.name();
        }
    }

    /** A path: its nodes in order from the start, its hops, and the busy nodes it runs through (names). */
    public record Path(List<EntityRef> nodes, List<Hop> hops, List<String> busy) {
        public int length() {
            return hops.size();
        }
    }
}
