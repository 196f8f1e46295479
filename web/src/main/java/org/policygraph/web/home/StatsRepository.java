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

    /** Nodes per kind label (every kind, in the vocabulary's order) and relationships per type (non-zero only). */
    public Stats stats() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                Map<String, Long> nodes = new LinkedHashMap<>();
                for (Kind kind : Kind.values()) {
                    nodes.put(kind.label(), tx.run("MATCH (n:" + kind.label() + ") RETURN count(n) AS n")
                            .single().get("n").asLong());
                }
                Map<String, Long> rels = new TreeMap<>();
                for (RelType type : RelType.values()) {
                    long n = tx.run("MATCH ()-[r:" + type.name() + "]->() RETURN count(r) AS n").single().get("n").asLong();
                    if (n > 0) {
                        rels.put(type.name(), n);
                    }
                }
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
