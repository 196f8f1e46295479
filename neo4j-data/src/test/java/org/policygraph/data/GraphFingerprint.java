package org.policygraph.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

/**
 * A checksum of every node (its labels and properties) and every relationship (its ends, type and properties), in
 * id order: two databases, or one before and after, hold the same graph when their fingerprints are equal. The
 * graph's version node ({@code GraphVersion}, not an entity: it says how often and when the graph was written) is
 * left out. Shared with the ingest and benchmark tests through this module's test jar.
 */
public final class GraphFingerprint {

    private GraphFingerprint() {}

    public static String of(Driver driver) {
        try (var session = driver.session()) {
            String dump = session.executeRead(tx -> {
                StringBuilder sb = new StringBuilder();
                tx.run("MATCH (n) WHERE NOT n:GraphVersion RETURN labels(n) AS l, properties(n) AS p ORDER BY n.id")
                        .forEachRemaining(
                                r -> sb.append(new TreeSet<>(r.get("l").asList(Value::asString)))
                                        .append(new TreeMap<>(r.get("p").asMap()))
                                        .append('\n'));
                tx.run("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p "
                                + "ORDER BY a, t, b")
                        .forEachRemaining(r -> sb.append(r.get("a"))
                                .append(r.get("t"))
                                .append(r.get("b"))
                                .append(new TreeMap<>(r.get("p").asMap()))
                                .append('\n'));
                return sb.toString();
            });
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(dump.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single number a counting query returns. */
    public static long count(Driver driver, String query) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(query).single().get(0).asLong());
        }
    }
}
