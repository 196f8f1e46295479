package org.policygraph.ingest;

import org.neo4j.driver.Driver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A checksum of every node, relationship and property, to prove that a refused ingest changed nothing. */
final class GraphFingerprint {

    private GraphFingerprint() {
    }

    static String of(Driver driver) {
        try (var session = driver.session()) {
            String dump = session.executeRead(tx -> {
                StringBuilder sb = new StringBuilder();
                tx.run("MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY n.id")
                        .forEachRemaining(r -> sb.append(r.get("l")).append(new java.util.TreeMap<>(r.get("p").asMap())).append('\n'));
                tx.run("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p ORDER BY a, t, b")
                        .forEachRemaining(r -> sb.append(r.get("a")).append(r.get("t")).append(r.get("b"))
                                .append(new java.util.TreeMap<>(r.get("p").asMap())).append('\n'));
                return sb.toString();
            });
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(dump.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(Driver driver, String query) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(query).single().get(0).asLong());
        }
    }
}
