package org.policygraph.ingest.write;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.Neo4jException;
import org.policygraph.ingest.IngestException;
import org.policygraph.ingest.derive.ApplicabilityDeriver;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.Provenance;
import org.policygraph.model.RelType;
import org.policygraph.model.RelationshipRecord;
import org.policygraph.model.schema.SchemaScripts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes records with MERGE on ids. Every node gets its kind's label and {@code Entity}; its properties are
 * replaced by the record's (so a property removed from a file is removed from the graph, and writing the same
 * records twice changes nothing). All records go in one transaction: either everything is written or nothing.
 */
public final class GraphWriter {

    private static final int BATCH = 1000;

    private static final String MERGE_NODES = """
            UNWIND $rows AS row
            OPTIONAL MATCH (old:%1$s {id: row.id})
            WITH row, CASE WHEN old IS NULL THEN 'created'
                           WHEN properties(old) = row.props THEN 'unchanged'
                           ELSE 'updated' END AS outcome
            MERGE (n:%1$s {id: row.id})
            SET n = row.props, n:Entity
            RETURN outcome, count(*) AS n
            """;

    private static final String MERGE_RELATIONSHIPS = """
            UNWIND $rows AS row
            MATCH (a:Entity {id: row.from})
            MATCH (b:Entity {id: row.to})
            OPTIONAL MATCH (a)-[old:%1$s]->(b)
            WITH a, b, row, CASE WHEN old IS NULL THEN 'created'
                                 WHEN properties(old) = row.props THEN 'unchanged'
                                 ELSE 'updated' END AS outcome
            MERGE (a)-[r:%1$s]->(b)
            SET r = row.props
            RETURN outcome, count(*) AS n
            """;

    private static final String EXISTING_KINDS = """
            MATCH (n:Entity) WHERE n.id IN $ids
            RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label
            """;

    private final Driver driver;

    public GraphWriter(Driver driver) {
        this.driver = driver;
    }

    /** Applies every schema file; each statement is idempotent. */
    public void applySchema() {
        try (var session = driver.session(SessionConfig.defaultConfig())) {
            for (String statement : SchemaScripts.allStatements()) {
                session.run(statement).consume();
            }
        } catch (Neo4jException e) {
            throw new IngestException("cannot apply the schema: " + e.getMessage(), e);
        }
    }

    /** The kinds of the nodes already stored under these ids. */
    public Map<String, Kind> existingKinds(Collection<String> ids) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                Map<String, Kind> found = new HashMap<>();
                tx.run(EXISTING_KINDS, Map.of("ids", List.copyOf(ids))).forEachRemaining(r ->
                        Kind.byLabel(r.get("label").asString("")).ifPresent(k -> found.put(r.get("id").asString(), k)));
                return found;
            });
        }
    }

    /** Writes all records in one transaction and says what changed. */
    public WriteSummary write(List<NodeRecord> nodes, List<RelationshipRecord> relationships) {
        Map<Kind, List<Map<String, Object>>> nodeRows = new EnumMap<>(Kind.class);
        for (NodeRecord node : nodes) {
            nodeRows.computeIfAbsent(node.kind(), k -> new ArrayList<>()).add(Map.of("id", node.id(), "props", props(node)));
        }
        Map<RelType, List<Map<String, Object>>> relRows = new EnumMap<>(RelType.class);
        for (RelationshipRecord rel : relationships) {
            Map<String, Object> props = new LinkedHashMap<>(rel.properties());
            Provenance.put(props, rel.sources());
            relRows.computeIfAbsent(rel.type(), t -> new ArrayList<>())
                    .add(Map.of("from", rel.from(), "to", rel.to(), "props", props));
        }
        WriteSummary summary = new WriteSummary();
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                nodeRows.forEach((kind, rows) -> run(tx, MERGE_NODES.formatted(kind.label()), rows,
                        (outcome, n) -> summary.node(kind.label(), outcome, n)));
                relRows.forEach((type, rows) -> run(tx, MERGE_RELATIONSHIPS.formatted(type.name()), rows,
                        (outcome, n) -> summary.relationship(type.name(), outcome, n)));
                // who each threshold-based rule reaches, from what was just written, in the same transaction
                long removed = ApplicabilityDeriver.derive(tx,
                        (outcome, n) -> summary.relationship(RelType.FALLS_UNDER.name(), outcome, n));
                summary.removed(RelType.FALLS_UNDER.name(), removed);
            });
        } catch (Neo4jException e) {
            throw new IngestException("writing to Neo4j failed, nothing was written: " + e.getMessage(), e);
        }
        return summary;
    }

    /** The properties stored on a node: core fields, kind-specific properties and provenance. */
    static Map<String, Object> props(NodeRecord node) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", node.id());
        props.put("name", node.name());
        if (!node.aliases().isEmpty()) {
            props.put("aliases", node.aliases());
        }
        if (node.summary() != null && !node.summary().isBlank()) {
            props.put("summary", node.summary());
        }
        props.putAll(node.properties());
        Provenance.put(props, node.sources());
        return props;
    }

    private static void run(TransactionContext tx, String query, List<Map<String, Object>> rows,
                            java.util.function.ObjLongConsumer<String> counts) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            List<Map<String, Object>> slice = rows.subList(i, Math.min(rows.size(), i + BATCH));
            List<Record> result = tx.run(query, Values.parameters("rows", slice)).list();
            for (Record r : result) {
                counts.accept(r.get("outcome").asString(), r.get("n").asLong());
            }
        }
    }
}
