package org.policygraph.web.cypher;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;

/**
 * The console's access to Neo4j: every session is a READ session and every transaction carries the console's
 * timeout, so the server itself stops writes and long queries. Owns the console's own Cypher (the plan, the
 * lookup of relationship ends, the list of built-in functions). Queries run on the driver the console's
 * {@link ConsoleDatabase} lends them; the list of built-in functions comes from the site's own server.
 */
@ApplicationScoped
public class ConsoleRepository {

    /** The prefix that asks for the plan only; the console subtracts its length from positions on line 1. */
    static final String EXPLAIN = "EXPLAIN ";

    private static final String BUILT_IN_FUNCTIONS = """
            SHOW FUNCTIONS YIELD name, isBuiltIn WHERE isBuiltIn RETURN collect(name) AS names
            """;

    private static final String NODES_BY_ELEMENT_ID = """
            MATCH (n) WHERE elementId(n) IN $ids
            RETURN elementId(n) AS element, n.id AS id, n.name AS name, labels(n) AS labels
            """;

    private final Driver site;

    ConsoleRepository(Driver site) {
        this.site = site;
    }

    /**
     * What the planner says about a query, without running it.
     *
     * @param columns   the result's column names
     * @param type      read-only, read-write, write-only or schema-write
     * @param operators every operator of the plan, e.g. {@code ProcedureCall@neo4j}
     * @param details   each operator's details (the procedure called, the expression evaluated), in the same order
     * @param database  the database the session runs on
     */
    public record QueryPlan(
            List<String> columns, QueryType type, List<String> operators, List<String> details, String database) {}

    /**
     * The rows a query returned.
     *
     * @param columns   the column names
     * @param records   at most the row cap
     * @param truncated whether the query had more rows than the cap, or its answer more bytes
     * @param cutAtBytes whether the rows were cut because the answer reached the byte cap
     * @param elapsedMs how long the query ran, until the last row read
     */
    public record Rows(
            List<String> columns, List<Record> records, boolean truncated, boolean cutAtBytes, long elapsedMs) {}

    /** A node found by its element id: its business id, name and labels. */
    public record NodeInfo(String id, String name, List<String> labels) {}

    /** Plans a query with EXPLAIN in a read transaction; syntax errors come out here, as Neo4j's exceptions. */
    public QueryPlan explain(Driver driver, String query, Map<String, Object> parameters, Duration timeout) {
        try (var session = driver.session(readSession());
                var tx = session.beginTransaction(
                        TransactionConfig.builder().withTimeout(timeout).build())) {
            var result = tx.run(EXPLAIN + query, parameters);
            List<String> columns = result.keys();
            ResultSummary summary = result.consume();
            List<String> operators = new ArrayList<>();
            List<String> details = new ArrayList<>();
            if (summary.hasPlan()) {
                walk(summary.plan(), operators, details);
            }
            return new QueryPlan(
                    columns,
                    summary.queryType(),
                    operators,
                    details,
                    summary.database().name());
        }
    }

    private static void walk(Plan plan, List<String> operators, List<String> details) {
        operators.add(plan.operatorType());
        var d = plan.arguments().get("Details");
        details.add(d == null || d.isNull() ? "" : d.asString(""));
        for (Plan child : plan.children()) {
            walk(child, operators, details);
        }
    }

    /**
     * Runs a query in a read transaction with a server-side timeout, reading at most {@code maxRows} rows. The
     * transaction is rolled back when the rows are read, which also stops a query that had more.
     */
    public Rows run(
            Driver driver, String query, Map<String, Object> parameters, Duration timeout, int maxRows, long maxBytes) {
        long start = System.nanoTime();
        try (var session = driver.session(readSession());
                var tx = session.beginTransaction(TransactionConfig.builder()
                        .withTimeout(timeout)
                        .withMetadata(Map.of("app", "policygraph-console"))
                        .build())) {
            var result = tx.run(query, parameters);
            List<String> columns = result.keys();
            List<Record> records = new ArrayList<>();
            long bytes = 0;
            boolean cutAtBytes = false;
            while (records.size() < maxRows && result.hasNext()) {
                Record record = result.next();
                bytes += AnswerSize.of(record);
                if (bytes > maxBytes) {
                    cutAtBytes = true;
                    break;
                }
                records.add(record);
            }
            boolean truncated = cutAtBytes || result.hasNext();
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            tx.rollback();
            return new Rows(columns, records, truncated, cutAtBytes, elapsed);
        }
    }

    /** Business ids, names and labels of nodes known by element id (the ends of relationships in a result). */
    public Map<String, NodeInfo> nodes(Driver driver, Collection<String> elementIds) {
        if (elementIds.isEmpty()) {
            return Map.of();
        }
        try (var session = driver.session(readSession())) {
            return session.executeRead(
                    tx -> {
                        Map<String, NodeInfo> found = new HashMap<>();
                        tx.run(NODES_BY_ELEMENT_ID, Map.of("ids", List.copyOf(elementIds)))
                                .forEachRemaining(r -> found.put(
                                        r.get("element").asString(),
                                        new NodeInfo(
                                                r.get("id").isNull()
                                                        ? null
                                                        : String.valueOf(
                                                                r.get("id").asObject()),
                                                r.get("name").isNull()
                                                        ? null
                                                        : String.valueOf(
                                                                r.get("name").asObject()),
                                                r.get("labels").asList(v -> v.asString()))));
                        return found;
                    },
                    TransactionConfig.builder()
                            .withTimeout(Duration.ofSeconds(10))
                            .build());
        }
    }

    /** The names of Neo4j's built-in functions, as the server lists them. */
    public Set<String> builtInFunctions() {
        try (var session = site.session(readSession())) {
            return new HashSet<>(session.executeRead(
                    tx -> tx.run(BUILT_IN_FUNCTIONS).single().get("names").asList(v -> v.asString())));
        }
    }

    private static SessionConfig readSession() {
        return SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();
    }
}
