package org.policygraph.web.cypher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Point;
import org.neo4j.driver.types.Relationship;
import org.neo4j.driver.types.TypeSystem;
import org.policygraph.model.Kind;
import org.policygraph.model.RelType;
import org.policygraph.web.cypher.ConsoleResult.Cell;
import org.policygraph.web.cypher.ConsoleResult.GraphEdge;
import org.policygraph.web.cypher.ConsoleResult.GraphNode;
import org.policygraph.web.cypher.ConsoleResult.Part;

/**
 * Turns driver records into the console's JSON values, table cells and graph. Nodes and relationships are named by
 * their business ids ({@code id} property), never by Neo4j's element ids; a node without an {@code id} (a virtual
 * node from {@code db.schema.visualization}) gets a stand-in key for the drawing only.
 */
final class ResultReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeSystem TYPES = TypeSystem.getDefault();

    private final Map<String, ConsoleRepository.NodeInfo> known = new LinkedHashMap<>();
    private final Map<String, String> standIns = new LinkedHashMap<>();
    private final Map<String, GraphNode> graphNodes = new LinkedHashMap<>();
    private final Map<String, GraphEdge> graphEdges = new LinkedHashMap<>();
    private final int maxListSize;
    private boolean listCut;

    private ResultReader(int maxListSize) {
        this.maxListSize = maxListSize;
    }

    /**
     * Reads the rows of a result.
     *
     * @param rows        what the query returned
     * @param maxListSize the longest list returned; the query asked for one more item to tell a cut list
     * @param lookup      finds the business ids of nodes known only as relationship ends, by element id
     */
    static ConsoleResult read(
            ConsoleRepository.Rows rows,
            int maxListSize,
            int maxRows,
            String maxBytes,
            Function<Collection<String>, Map<String, ConsoleRepository.NodeInfo>> lookup) {
        ResultReader reader = new ResultReader(maxListSize);
        Set<String> ends = new HashSet<>();
        for (Record r : rows.records()) {
            for (Value v : r.values()) {
                reader.collect(v, ends);
            }
        }
        ends.removeAll(reader.known.keySet());
        reader.known.putAll(lookup.apply(ends));
        List<List<Object>> json = new ArrayList<>();
        List<List<Cell>> table = new ArrayList<>();
        for (Record r : rows.records()) {
            List<Object> row = new ArrayList<>();
            List<Cell> cells = new ArrayList<>();
            for (Value v : r.values()) {
                row.add(reader.json(v));
                cells.add(reader.cell(v));
            }
            json.add(row);
            table.add(cells);
        }
        String truncation = rows.cutAtBytes()
                ? "The answer reached " + maxBytes + ", the most the console sends; the rows after it are left out."
                : rows.truncated()
                        ? "The query had more than " + maxRows + " rows; the first " + maxRows + " are shown."
                        : reader.listCut
                                ? "A list held more than " + maxListSize + " items; the first " + maxListSize
                                        + " are shown."
                                : null;
        return new ConsoleResult(
                rows.columns(),
                json,
                rows.truncated() || reader.listCut,
                truncation,
                rows.elapsedMs(),
                table,
                new ConsoleResult.ResultGraph(
                        List.copyOf(reader.graphNodes.values()), List.copyOf(reader.graphEdges.values())));
    }

    /** First pass: the nodes present, and the ends of relationships whose nodes may not be. */
    private void collect(Value v, Set<String> ends) {
        if (v.hasType(TYPES.NODE())) {
            Node n = v.asNode();
            known.putIfAbsent(n.elementId(), info(n));
        } else if (v.hasType(TYPES.RELATIONSHIP())) {
            Relationship r = v.asRelationship();
            ends.add(r.startNodeElementId());
            ends.add(r.endNodeElementId());
        } else if (v.hasType(TYPES.PATH())) {
            Path p = v.asPath();
            p.nodes().forEach(n -> known.putIfAbsent(n.elementId(), info(n)));
        } else if (v.hasType(TYPES.LIST())) {
            v.values().forEach(x -> collect(x, ends));
        } else if (v.hasType(TYPES.MAP())) {
            v.values().forEach(x -> collect(x, ends));
        }
    }

    private static ConsoleRepository.NodeInfo info(Node n) {
        Object id = n.containsKey("id") ? n.get("id").asObject() : null;
        Object name = n.containsKey("name") ? n.get("name").asObject() : null;
        List<String> labels = new ArrayList<>();
        n.labels().forEach(labels::add);
        return new ConsoleRepository.NodeInfo(
                id == null ? null : String.valueOf(id), name == null ? null : String.valueOf(name), labels);
    }

    private Object json(Value v) {
        if (v.isNull()) {
            return null;
        }
        if (v.hasType(TYPES.NODE())) {
            return nodeJson(v.asNode());
        }
        if (v.hasType(TYPES.RELATIONSHIP())) {
            return relationshipJson(v.asRelationship());
        }
        if (v.hasType(TYPES.PATH())) {
            Path p = v.asPath();
            List<Object> nodes = new ArrayList<>();
            p.nodes().forEach(n -> nodes.add(nodeJson(n)));
            List<Object> rels = new ArrayList<>();
            p.relationships().forEach(r -> rels.add(relationshipJson(r)));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("$type", "path");
            m.put("nodes", nodes);
            m.put("relationships", rels);
            return m;
        }
        if (v.hasType(TYPES.LIST())) {
            List<Value> items = v.asList(x -> x);
            if (items.size() > maxListSize) {
                listCut = true;
                items = items.subList(0, maxListSize);
            }
            List<Object> out = new ArrayList<>();
            items.forEach(x -> out.add(json(x)));
            return out;
        }
        if (v.hasType(TYPES.MAP())) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String k : v.keys()) {
                out.put(k, json(v.get(k)));
            }
            return out;
        }
        return scalar(v);
    }

    private Map<String, Object> nodeJson(Node n) {
        draw(n.elementId());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("$type", "node");
        m.put("id", known.get(n.elementId()).id());
        m.put("labels", known.get(n.elementId()).labels());
        m.put("properties", new LinkedHashMap<>(n.asMap(x -> json(x))));
        return m;
    }

    private Map<String, Object> relationshipJson(Relationship r) {
        drawEdge(r);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("$type", "relationship");
        m.put("type", r.type());
        m.put("start", idOf(r.startNodeElementId()));
        m.put("end", idOf(r.endNodeElementId()));
        m.put("properties", new LinkedHashMap<>(r.asMap(x -> json(x))));
        return m;
    }

    private static Object scalar(Value v) {
        if (v.hasType(TYPES.INTEGER())) {
            return v.asLong();
        }
        if (v.hasType(TYPES.FLOAT())) {
            double d = v.asDouble();
            return Double.isFinite(d) ? d : String.valueOf(d);
        }
        if (v.hasType(TYPES.BOOLEAN())) {
            return v.asBoolean();
        }
        if (v.hasType(TYPES.STRING())) {
            return v.asString();
        }
        if (v.hasType(TYPES.BYTES())) {
            return Base64.getEncoder().encodeToString(v.asByteArray());
        }
        if (v.hasType(TYPES.POINT())) {
            Point p = v.asPoint();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("srid", p.srid());
            m.put("x", p.x());
            m.put("y", p.y());
            if (!Double.isNaN(p.z())) {
                m.put("z", p.z());
            }
            return m;
        }
        if (v.hasType(TYPES.DURATION())) {
            IsoDuration d = v.asIsoDuration();
            return d.toString();
        }
        return String.valueOf(v.asObject()); // dates and times in ISO 8601
    }

    private String idOf(String elementId) {
        ConsoleRepository.NodeInfo info = known.get(elementId);
        return info == null ? null : info.id();
    }

    /** The node's key in the drawing: its business id, or a stand-in that says nothing about Neo4j's ids. */
    private String key(String elementId) {
        String id = idOf(elementId);
        return id != null ? id : standIns.computeIfAbsent(elementId, e -> "node-" + (standIns.size() + 1));
    }

    private void draw(String elementId) {
        ConsoleRepository.NodeInfo info = known.get(elementId);
        String key = key(elementId);
        if (graphNodes.containsKey(key)) {
            return;
        }
        Optional<Kind> kind = info == null
                ? Optional.empty()
                : info.labels().stream()
                        .map(Kind::byLabel)
                        .flatMap(Optional::stream)
                        .findFirst();
        String name = info == null
                ? key
                : info.name() != null ? info.name() : info.id() != null ? info.id() : String.join(":", info.labels());
        String url = kind.isPresent() && info.id() != null ? "/" + kind.get().plural() + "/" + info.id() : null;
        graphNodes.put(key, new GraphNode(key, kind.map(Kind::label).orElse(null), name, url));
    }

    private void drawEdge(Relationship r) {
        draw(r.startNodeElementId());
        draw(r.endNodeElementId());
        String source = key(r.startNodeElementId());
        String target = key(r.endNodeElementId());
        String id = source + "|" + r.type() + "|" + target;
        graphEdges.putIfAbsent(
                id,
                new GraphEdge(
                        source,
                        target,
                        r.type(),
                        RelType.byName(r.type())
                                .map(RelType::verb)
                                .orElse(r.type().toLowerCase())));
    }

    private Cell cell(Value v) {
        if (v.isNull()) {
            return new Cell("null", List.of());
        }
        if (v.hasType(TYPES.NODE())) {
            return new Cell("node", List.of(nodePart(v.asNode().elementId())));
        }
        if (v.hasType(TYPES.RELATIONSHIP())) {
            return new Cell(
                    "relationship", List.of(new Part(":" + v.asRelationship().type(), null)));
        }
        if (v.hasType(TYPES.PATH())) {
            List<Part> parts = new ArrayList<>();
            Path p = v.asPath();
            parts.add(nodePart(p.start().elementId()));
            for (Path.Segment s : p) {
                boolean forward =
                        s.relationship().startNodeElementId().equals(s.start().elementId());
                parts.add(new Part(
                        forward
                                ? "-[:" + s.relationship().type() + "]->"
                                : "<-[:" + s.relationship().type() + "]-",
                        null));
                parts.add(nodePart(s.end().elementId()));
            }
            return new Cell("path", parts);
        }
        if (v.hasType(TYPES.LIST())) {
            List<Part> parts = new ArrayList<>();
            List<Value> items = v.asList(x -> x);
            for (Value item : items.subList(0, Math.min(items.size(), maxListSize))) {
                if (item.hasType(TYPES.NODE())) {
                    parts.add(nodePart(item.asNode().elementId()));
                } else if (item.hasType(TYPES.RELATIONSHIP())) {
                    parts.add(new Part(":" + item.asRelationship().type(), null));
                } else {
                    parts.add(new Part(text(item), null));
                }
            }
            return new Cell("list", parts);
        }
        if (v.hasType(TYPES.MAP())) {
            return new Cell("map", List.of(new Part(text(v), null)));
        }
        String kind = v.hasType(TYPES.INTEGER()) || v.hasType(TYPES.FLOAT())
                ? "number"
                : v.hasType(TYPES.BOOLEAN()) ? "boolean" : "text";
        return new Cell(kind, List.of(new Part(text(v), null)));
    }

    private Part nodePart(String elementId) {
        draw(elementId);
        GraphNode node = graphNodes.get(key(elementId));
        return new Part(node.name(), node.url());
    }

    /** A value as text: strings as they are, other values as compact JSON. */
    private String text(Value v) {
        Object json = json(v);
        if (json instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            return String.valueOf(json);
        }
    }

    /** A JSON-ready value as CSV text: strings as they are, null empty, other values as compact JSON. */
    static String csv(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
