package org.policygraph.web.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;

/**
 * Reads what exports write, a page at a time, so that no export holds the graph in memory: nodes per label set and
 * relationships per type, each paged by business id ({@code id > $after ORDER BY id LIMIT $limit}, on the id
 * constraints' indexes). Only nodes with the {@code Entity} label and an {@code id} are exported, and relationships
 * between them. A scope narrows every query: {@code $ids} (the nodes, or null for all) and {@code $pairs} (per
 * type, the [start, end] pairs of the relationships, or null for all between the nodes).
 *
 * <p>Labels and types are written into the Cypher text (Cypher cannot parameterise them); they come from the
 * database's own shape pass, never from a request, and are backtick-quoted.
 */
@ApplicationScoped
public class ExportRepository {

    private static final TransactionConfig PAGE =
            TransactionConfig.builder().withTimeout(Duration.ofSeconds(60)).build();

    private static final String NODE_SHAPE = """
            MATCH (n:Entity) WHERE n.id IS NOT NULL AND ($ids IS NULL OR n.id IN $ids)
            UNWIND CASE WHEN size(keys(n)) = 0 THEN [null] ELSE keys(n) END AS key
            RETURN labels(n) AS labels, count(DISTINCT n) AS count,
                   collect(DISTINCT [key, CASE WHEN key IS NULL THEN null ELSE valueType(n[key]) END]) AS keys
            """;

    private static final String RELATIONSHIP_SHAPE = """
            MATCH (a:Entity)-[r]->(b:Entity)
            WHERE a.id IS NOT NULL AND b.id IS NOT NULL AND ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
              AND ($pairs IS NULL OR [a.id, b.id] IN $pairs[type(r)])
            UNWIND CASE WHEN size(keys(r)) = 0 THEN [null] ELSE keys(r) END AS key
            RETURN type(r) AS type, count(DISTINCT r) AS count,
                   collect(DISTINCT [key, CASE WHEN key IS NULL THEN null ELSE valueType(r[key]) END]) AS keys
            ORDER BY type
            """;

    private static final String NODE_PAGE = """
            MATCH (n:%s) WHERE size(labels(n)) = $size AND n.id > $after AND ($ids IS NULL OR n.id IN $ids)
            RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
            ORDER BY n.id LIMIT $limit
            """;

    private static final String RELATIONSHIP_PAGE = """
            MATCH (a:Entity)-[:%1$s]->(b:Entity)
            WHERE a.id > $after AND b.id IS NOT NULL AND ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
              AND ($pairs IS NULL OR [a.id, b.id] IN $pairs)
            WITH DISTINCT a ORDER BY a.id LIMIT $limit
            MATCH (a)-[r:%1$s]->(b:Entity)
            WHERE b.id IS NOT NULL AND ($ids IS NULL OR b.id IN $ids) AND ($pairs IS NULL OR [a.id, b.id] IN $pairs)
            RETURN a.id AS start, b.id AS end, properties(r) AS props
            ORDER BY start, end
            """;

    private static final String SOURCES = """
            CALL () {
              MATCH (n:Entity) WHERE n.id IS NOT NULL AND ($ids IS NULL OR n.id IN $ids)
              UNWIND coalesce(n.sources, []) AS s RETURN s
              UNION
              MATCH (n:Source) WHERE $ids IS NULL OR n.id IN $ids RETURN n.id AS s
              UNION
              MATCH (a:Entity)-[r]->(b:Entity)
              WHERE a.id IS NOT NULL AND b.id IS NOT NULL AND ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
                AND ($pairs IS NULL OR [a.id, b.id] IN $pairs[type(r)])
              UNWIND coalesce(r.sources, []) AS s RETURN s
            }
            WITH collect(DISTINCT s) AS used
            MATCH (src:Source) WHERE src.id IN used
            RETURN src.id AS id, coalesce(src.title, src.name) AS title, src.publisher AS publisher, src.url AS url,
                   src.licence AS licence
            ORDER BY id
            """;

    private static final String NODE = """
            MATCH (n:Entity {id: $id}) RETURN n.name AS name
            """;

    private static final String NEIGHBOURS = """
            MATCH (n:Entity) WHERE n.id IN $frontier
            MATCH (n)--(m:Entity) WHERE m.id IS NOT NULL
            RETURN DISTINCT m.id AS id
            """;

    private final Driver driver;

    ExportRepository(Driver driver) {
        this.driver = driver;
    }

    /** The name of the node with this id, if there is one (its id when it has no name). */
    public Optional<String> nodeName(String id) {
        try (var session = driver.session(read())) {
            return session.executeRead(
                    tx -> {
                        var result = tx.run(NODE, Map.of("id", id)).list();
                        return result.isEmpty()
                                ? Optional.<String>empty()
                                : Optional.of(
                                        result.get(0).get("name").isNull()
                                                ? id
                                                : String.valueOf(result.get(0)
                                                        .get("name")
                                                        .asObject()));
                    },
                    PAGE);
        }
    }

    /** The ids of the nodes within {@code depth} hops of the root, the root included, in id order. */
    public List<String> neighbourhood(String root, int depth) {
        Set<String> seen = new TreeSet<>(List.of(root));
        Set<String> frontier = Set.of(root);
        try (var session = driver.session(read())) {
            for (int hop = 0; hop < depth && !frontier.isEmpty(); hop++) {
                List<String> current = List.copyOf(frontier);
                List<String> found = session.executeRead(
                        tx -> tx.run(NEIGHBOURS, Map.of("frontier", current))
                                .list(r -> r.get("id").asString()),
                        PAGE);
                Set<String> next = new LinkedHashSet<>();
                for (String id : found) {
                    if (seen.add(id)) {
                        next.add(id);
                    }
                }
                frontier = next;
            }
        }
        return List.copyOf(seen);
    }

    /** The label sets and relationship types in scope, with counts and property value types. */
    public GraphShape shape(ExportScope scope) {
        try (var session = driver.session(read())) {
            return session.executeRead(
                    tx -> {
                        List<GraphShape.NodeGroup> nodes = new ArrayList<>();
                        tx.run(NODE_SHAPE, scopeParameters(scope, true))
                                .forEachRemaining(r -> nodes.add(new GraphShape.NodeGroup(
                                        r.get("labels").asList(Value::asString),
                                        r.get("count").asLong(),
                                        keys(r.get("keys")))));
                        nodes.sort((a, b) -> String.join(":", a.labels()).compareTo(String.join(":", b.labels())));
                        List<GraphShape.RelationshipGroup> rels = new ArrayList<>();
                        tx.run(RELATIONSHIP_SHAPE, scopeParameters(scope, true))
                                .forEachRemaining(r -> rels.add(new GraphShape.RelationshipGroup(
                                        r.get("type").asString(), r.get("count").asLong(), keys(r.get("keys")))));
                        return new GraphShape(nodes, rels);
                    },
                    PAGE);
        }
    }

    private static Map<String, Set<String>> keys(Value pairs) {
        Map<String, Set<String>> keys = new TreeMap<>();
        for (Value pair : pairs.values()) {
            if (!pair.get(0).isNull()) {
                keys.computeIfAbsent(pair.get(0).asString(), k -> new TreeSet<>())
                        .add(pair.get(1).asString());
            }
        }
        return keys;
    }

    /**
     * One page of the nodes of a label set, in id order.
     *
     * @param after the last id of the previous page ("" for the first)
     */
    public List<ExportNode> nodes(ExportScope scope, List<String> labels, String after, int limit) {
        Map<String, Object> params = new HashMap<>(scopeParameters(scope, false));
        params.put("size", labels.size());
        params.put("after", after);
        params.put("limit", limit);
        String query =
                NODE_PAGE.formatted(labels.stream().map(CypherLiterals::name).collect(Collectors.joining(":")));
        try (var session = driver.session(read())) {
            return session.executeRead(
                    tx -> tx.run(query, params)
                            .list(r -> new ExportNode(
                                    r.get("id").asString(),
                                    r.get("labels").asList(Value::asString),
                                    new LinkedHashMap<>(r.get("props").asMap()))),
                    PAGE);
        }
    }

    /**
     * One page of the relationships of a type: all those of up to {@code limit} start nodes, in (start, end) order.
     *
     * @param after the last start id of the previous page ("" for the first)
     */
    public List<ExportRelationship> relationships(ExportScope scope, String type, String after, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("ids", scope.nodeIds());
        params.put(
                "pairs",
                scope.relationshipPairs() == null
                        ? null
                        : scope.relationshipPairs().getOrDefault(type, List.of()));
        params.put("after", after);
        params.put("limit", limit);
        String query = RELATIONSHIP_PAGE.formatted(CypherLiterals.name(type));
        try (var session = driver.session(read())) {
            return session.executeRead(
                    tx -> tx.run(query, params)
                            .list(r -> new ExportRelationship(
                                    r.get("start").asString(),
                                    type,
                                    r.get("end").asString(),
                                    new LinkedHashMap<>(r.get("props").asMap()))),
                    PAGE);
        }
    }

    /** The Source nodes whose data is in scope: those cited by its nodes and relationships, and those in it. */
    public List<Licences.SourceLicence> sources(ExportScope scope) {
        try (var session = driver.session(read())) {
            return session.executeRead(
                    tx -> tx.run(SOURCES, scopeParameters(scope, true))
                            .list(r -> new Licences.SourceLicence(
                                    r.get("id").asString(),
                                    text(r.get("title")),
                                    text(r.get("publisher")),
                                    text(r.get("url")),
                                    text(r.get("licence")))),
                    PAGE);
        }
    }

    private static String text(Value v) {
        return v.isNull() ? null : String.valueOf(v.asObject());
    }

    private static Map<String, Object> scopeParameters(ExportScope scope, boolean allPairs) {
        Map<String, Object> params = new HashMap<>();
        params.put("ids", scope.nodeIds());
        params.put("pairs", allPairs ? scope.relationshipPairs() : null);
        return params;
    }

    private static SessionConfig read() {
        return SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();
    }
}
