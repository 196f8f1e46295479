package org.policygraph.web.home;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.policygraph.model.Kind;
import org.policygraph.model.RelType;

/**
 * Counts nodes per kind and relationships per type, in one query: every count comes from Neo4j's count store, and
 * one query is planned once where thirty-three were planned one by one (a second on the first page after a start).
 */
@ApplicationScoped
public class StatsRepository {

    /** {@code RETURN COUNT { (:Kind) } AS Kind, ..., COUNT { ()-[:TYPE]->() } AS TYPE}, from the vocabulary. */
    static final String COUNTS = "RETURN "
            + Arrays.stream(Kind.values())
                    .map(k -> "COUNT { (:" + k.label() + ") } AS " + k.label())
                    .collect(Collectors.joining(", "))
            + ", "
            + Arrays.stream(RelType.values())
                    .map(t -> "COUNT { ()-[:" + t.name() + "]->() } AS " + t.name())
                    .collect(Collectors.joining(", "));

    private final Driver driver;

    StatsRepository(Driver driver) {
        this.driver = driver;
    }

    /** Nodes per kind label (every kind, in the vocabulary's order) and relationships per type (non-zero only). */
    public Stats stats() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                Record counts = tx.run(COUNTS).single();
                Map<String, Long> nodes = new LinkedHashMap<>();
                for (Kind kind : Kind.values()) {
                    nodes.put(kind.label(), counts.get(kind.label()).asLong());
                }
                Map<String, Long> rels = new TreeMap<>();
                for (RelType type : RelType.values()) {
                    long n = counts.get(type.name()).asLong();
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
