package org.policygraph.web.graph;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.policygraph.model.Kind;
import org.policygraph.model.RelType;

/**
 * A node and its neighbours, one query. Neighbours are grouped by relationship type and direction; a group with
 * more than {@code cap} members is cut to its first {@code cap} by name and gets a group node that says how many
 * there are and links to the full list, so that a regulation with hundreds of provisions stays readable.
 */
@ApplicationScoped
public class NeighbourhoodRepository {

    /** The neighbourhood query. Package-visible for the query-plan test. */
    static final String NEIGHBOURS = neighbours();

    /**
     * One subquery per relationship type and direction, each following only that type and stopping at the cap;
     * the count of each comes from the node's degree. A node with a million relationships of one type reads
     * {@code $cap} of them.
     */
    private static String neighbours() {
        StringBuilder q = new StringBuilder("MATCH (n:Entity {id: $id})\n");
        List<String> groups = new ArrayList<>();
        for (RelType type : RelType.values()) {
            for (boolean outgoing : new boolean[] {true, false}) {
                String g = "g" + groups.size();
                String rel = outgoing ? "-[:" + type.name() + "]->" : "<-[:" + type.name() + "]-";
                q.append("CALL (n) {\n  OPTIONAL MATCH (n)")
                        .append(rel)
                        .append("(m:Entity)\n")
                        .append("  WITH m LIMIT $cap\n  WITH m ORDER BY toLower(m.name)\n")
                        .append("  WITH collect(m {.id, .name, labels: labels(m)}) AS sample\n")
                        .append("  RETURN {type: '")
                        .append(type.name())
                        .append("', outgoing: ")
                        .append(outgoing)
                        .append(", total: COUNT { (n)")
                        .append(rel)
                        .append("() }, sample: sample} AS ")
                        .append(g)
                        .append("\n}\n");
                groups.add(g);
            }
        }
        q.append("RETURN n {.id, .name, labels: labels(n)} AS node, [g IN [")
                .append(String.join(", ", groups))
                .append("] WHERE g.total > 0] AS groups\n");
        return q.toString();
    }

    private final Driver driver;

    NeighbourhoodRepository(Driver driver) {
        this.driver = driver;
    }

    /** The neighbourhood of a node, or empty if there is no node with this id. */
    public Optional<Neighbourhood> around(String id, int cap) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                var result = tx.run(NEIGHBOURS, Map.of("id", id, "cap", cap));
                if (!result.hasNext()) {
                    return Optional.<Neighbourhood>empty();
                }
                return Optional.of(map(result.single()));
            });
        }
    }

    private static Neighbourhood map(Record r) {
        GraphNode centre = node(r.get("node"));
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        nodes.add(centre);
        java.util.Set<String> seen = new java.util.HashSet<>(List.of(centre.id()));
        for (Value g : r.get("groups").values()) {
            String type = g.get("type").asString();
            boolean outgoing = g.get("outgoing").asBoolean();
            int total = g.get("total").asInt();
            List<Value> sample = g.get("sample").asList(v -> v);
            for (Value m : sample) {
                GraphNode other = node(m);
                if (other.kind() == null || other.id().equals(centre.id())) {
                    continue;
                }
                if (seen.add(other.id())) {
                    nodes.add(other);
                }
                edges.add(
                        outgoing
                                ? new GraphEdge(centre.id(), other.id(), type, label(type, true))
                                : new GraphEdge(other.id(), centre.id(), type, label(type, true)));
            }
            if (total > sample.size()) {
                String groupId = "group:" + centre.id() + ":" + type + ":" + (outgoing ? "out" : "in");
                int more = total - sample.size();
                String url = groupUrl(centre, type, outgoing);
                nodes.add(new GraphNode(groupId, null, "+" + more + " more", url, more));
                edges.add(
                        outgoing
                                ? new GraphEdge(centre.id(), groupId, type, label(type, true))
                                : new GraphEdge(groupId, centre.id(), type, label(type, true)));
            }
        }
        return new Neighbourhood(centre.id(), nodes, edges);
    }

    /** Where the full list of a cut group can be read: a filtered index where one exists, else the node's page. */
    private static String groupUrl(GraphNode centre, String type, boolean outgoing) {
        String enc = java.net.URLEncoder.encode(centre.id(), java.nio.charset.StandardCharsets.UTF_8);
        if (type.equals("HAS_PROVISION") && outgoing) {
            return "/provisions?regulation=" + enc;
        }
        if (type.equals("DEVELOPS") && outgoing) {
            return "/models?developer=" + enc;
        }
        return centre.url() + "#" + type.toLowerCase().replace('_', '-') + (outgoing ? "-outgoing" : "-incoming");
    }

    private static String label(String type, boolean outgoing) {
        return RelType.byName(type)
                .map(t -> outgoing ? t.verb() : t.inverseVerb())
                .orElse(type.toLowerCase());
    }

    private static GraphNode node(Value v) {
        Kind kind = v.get("labels").asList(Value::asString).stream()
                .map(Kind::byLabel)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(null);
        String id = v.get("id").asString();
        return new GraphNode(
                id,
                kind == null ? null : kind.label(),
                v.get("name").asString(id),
                kind == null ? null : "/" + kind.plural() + "/" + id,
                0);
    }

    /**
     * A node of the drawing.
     *
     * @param id    the node's id, or {@code group:...} for a group of cut neighbours
     * @param kind  its kind's label, or null for a group
     * @param name  what to write on it
     * @param url   its page (or the full list, for a group)
     * @param more  for a group, how many neighbours it stands for
     */
    public record GraphNode(String id, String kind, String name, String url, int more) {}

    /** An edge of the drawing, from start to end, with its type and verb. */
    public record GraphEdge(String source, String target, String type, String label) {}

    /** The drawing: the centre's id, nodes and edges. */
    public record Neighbourhood(String centre, List<GraphNode> nodes, List<GraphEdge> edges) {}
}
