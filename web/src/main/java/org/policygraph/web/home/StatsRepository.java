package org.policygraph.web.home;

import jakarta.enterprise.context.ApplicationScoped;
import org.neo4j.driver.Driver;
import org.policygraph.model.Kind;
import org.policygraph.model.RelType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Counts nodes per kind and relationships per type. */
@ApplicationScoped
public class StatsRepository {

    private final Driver driver;

    StatsRepository(Driver driver) {
        this.driver = driver;
    }

    /** One query over the count store for nodes per kind, one for relationships per type. */
    private static final String NODE_COUNTS = java.util.Arrays.stream(Kind.values())
            .map(k -> "MATCH (n:" + k.label() + ") RETURN '" + k.label() + "' AS key, count(n) AS n")
            .collect(java.util.stream.Collectors.joining(" UNION ALL "));
    private static final String REL_COUNTS = java.util.Arrays.stream(RelType.values())
            .map(t -> "MATCH ()-[r:" + t.name() + "]->() RETURN '" + t.name() + "' AS key, count(r) AS n")
            .collect(java.util.stream.Collectors.joining(" UNION ALL "));

    /** Nodes per kind label (every kind, in the vocabulary's order) and relationships per type (non-zero only). */
    public Stats stats() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                Map<String, Long> nodes = new LinkedHashMap<>();
                tx.run(NODE_COUNTS).forEachRemaining(r -> nodes.put(r.get("key").asString(), r.get("n").asLong()));
                Map<String, Long> rels = new TreeMap<>();
                tx.run(REL_COUNTS).forEachRemaining(r -> {
                    if (r.get("n").asLong() > 0) {
                        rels.put(r.get("key").asString(), r.get("n").asLong());
                    }
                });
                return new Stats(nodes, rels);
            });
        }
    }

    /**
     * The counts.
     *
     * @param nodes         nodes per kind label
     * @param relationships relationships per type
     */
    public record Stats(Map<String, Long> nodes, Map<String, Long> relationships) {
        public long totalNodes() {
            return nodes.values().stream().mapToLong(Long::longValue).sum();
        }

        public long totalRelationships() {
            return relationships.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
