package org.policygraph.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;

/**
 * A canonical text of a whole database: every node (sorted labels, every property with its type) and every
 * relationship (ends by business id, type, properties), sorted; and, for checksums, the schema and the label, type
 * and property-key tokens. Two databases with the same dump hold the same graph, value types included. The graph's
 * version node ({@code GraphVersion}: how often and when ingest wrote, not an entity, never exported) and its tokens
 * are left out.
 */
public final class GraphDump {

    private static final TypeSystem TYPES = TypeSystem.getDefault();

    private GraphDump() {}

    /** Every node and relationship, one line each, sorted. */
    public static List<String> elements(Driver driver) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                List<String> lines = new ArrayList<>();
                tx.run("MATCH (n) WHERE NOT n:GraphVersion RETURN labels(n) AS labels, properties(n) AS props")
                        .forEachRemaining(r -> {
                            List<String> labels =
                                    new ArrayList<>(r.get("labels").asList(Value::asString));
                            labels.sort(null);
                            lines.add("N " + labels + " " + props(r.get("props")));
                        });
                tx.run("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props")
                        .forEachRemaining(r -> lines.add("R " + r.get("a").asString() + " -"
                                + r.get("type").asString() + "-> " + r.get("b").asString() + " "
                                + props(r.get("props"))));
                lines.sort(null);
                return lines;
            });
        }
    }

    /** A SHA-256 over the elements, the schema (indexes and constraints) and the token lists. */
    public static String checksum(Driver driver) {
        return checksum(driver, elements(driver));
    }

    /** The same, over elements already dumped from that database (a dump of 40,000 elements takes seconds). */
    public static String checksum(Driver driver, List<String> elements) {
        StringBuilder sb = new StringBuilder();
        elements.forEach(l -> sb.append(l).append('\n'));
        try (var session = driver.session()) {
            session.executeRead(tx -> {
                for (String q : List.of(
                        "SHOW INDEXES YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name",
                        "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name",
                        "CALL db.labels() YIELD label WHERE label <> 'GraphVersion' RETURN label ORDER BY label",
                        "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType ORDER BY relationshipType",
                        // the keys only the graph's version node has (version, written_at) are not the graph's
                        """
                        CALL db.propertyKeys() YIELD propertyKey
                        WHERE NOT (EXISTS { MATCH (v:GraphVersion) WHERE v[propertyKey] IS NOT NULL }
                                   AND NOT EXISTS { MATCH (n) WHERE NOT n:GraphVersion AND n[propertyKey] IS NOT NULL }
                                   AND NOT EXISTS { MATCH ()-[r]->() WHERE r[propertyKey] IS NOT NULL })
                        RETURN propertyKey ORDER BY propertyKey
                        """)) {
                    tx.run(q).forEachRemaining(r -> sb.append(r.values()).append('\n'));
                }
                return null;
            });
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(Driver driver, String query) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(query).single().get(0).asLong());
        }
    }

    private static String props(Value props) {
        Map<String, String> sorted = new TreeMap<>();
        for (String key : props.keys()) {
            sorted.put(key, typed(props.get(key)));
        }
        return sorted.toString();
    }

    /** A value with its type, so that 5 (integer) and 5.0 (float) differ. */
    private static String typed(Value v) {
        if (v.hasType(TYPES.LIST())) {
            List<String> items = new ArrayList<>();
            v.values().forEach(x -> items.add(typed(x)));
            return "list" + items;
        }
        return v.type().name() + ":" + v.asObject();
    }
}
