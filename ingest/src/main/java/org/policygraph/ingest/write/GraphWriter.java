package org.policygraph.ingest.write;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
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

/**
 * Writes records with MERGE on ids. Every node gets its kind's label and {@code Entity}; its properties are
 * replaced by the record's (so a property removed from a file is removed from the graph, and writing the same
 * records twice changes nothing: unchanged records are only read).
 *
 * <p>Two modes, chosen by the input's size ({@link Options#singleTransactionLimit()}):
 * <ul>
 *   <li>Up to the limit (the default data and any curated folder), everything goes in <b>one transaction</b>:
 *       either all of it is written or nothing is.</li>
 *   <li>Above it (a dataset of a million models), nodes and then relationships are written in <b>batches</b> of
 *       {@link Options#batchSize()} records, each its own transaction, by {@link Options#threads()} threads. A
 *       write stopped half way (a crash, {@code kill -9}) leaves the batches committed so far; running the same
 *       ingest again completes it, and MERGE on ids means nothing is written twice.</li>
 * </ul>
 *
 * <p>The graph's version ({@link GraphVersion}) moves with the writes, so that the site knows its cached pages are
 * out of date: in one-transaction mode it is bumped in the write's own transaction, and only when the write created,
 * updated or removed something (writing the same records again leaves the version, and so every cached page, as it
 * was); in batched mode it is bumped before the first batch and again in the transaction after the last (the one that
 * derives {@code FALLS_UNDER}), whatever the batches changed: a write stopped half way leaves a version no page was
 * cached for while it was complete, and running it again bumps it again.
 *
 * <p>Whatever the input holds, two query shapes do all the work: one for nodes (the kind's label is a parameter)
 * and one for relationships (the type is a parameter), so the server plans two queries instead of one per kind and
 * type; on a fresh server planning is most of the cost of writing the default data.
 */
public final class GraphWriter {

    private static final Logger LOG = Logger.getLogger(GraphWriter.class);

    /**
     * One query for every kind: MERGE on the {@code Entity} id constraint (an index seek), then the kind's label.
     * A stored node of another kind with the same id is a conflict and is left alone; a node whose properties are
     * already the record's is only read.
     */
    static final String MERGE_NODES = """
            UNWIND $rows AS row
            OPTIONAL MATCH (old:Entity {id: row.id})
            WITH row, CASE WHEN old IS NULL THEN 'created'
                           WHEN NOT row.label IN labels(old) THEN 'conflict'
                           WHEN properties(old) = row.props THEN 'unchanged'
                           ELSE 'updated' END AS outcome
            CALL (row, outcome) {
              WITH * WHERE outcome IN ['created', 'updated']
              MERGE (n:Entity {id: row.id})
              SET n = row.props, n:$(row.label)
            }
            RETURN row.label AS key, outcome, count(*) AS n,
                   collect(CASE WHEN outcome = 'conflict' THEN row.id END)[..5] AS conflicts
            """;

    /**
     * The query for relationships of one type. Both ends are found by the {@code Entity} id constraint; the
     * relationship (a, type, b) is created when missing, its properties replaced when they differ. The type is
     * written into the query, one query per type: with a dynamic type ({@code $(row.type)}, or a filter on
     * {@code type(r)}) Neo4j 5.26 plans the existence check as a scan of all relationships whenever the statistics
     * say the store is empty, so every row scanned every relationship written so far in the transaction (the
     * default data's 26,000 relationships took four minutes); with a static type it is an {@code OptionalExpand(Into)}
     * between the two bound ends. Ingest is the only writer of these relationships, and the records of one write hold
     * each (from, type, to) once (the validator checks), so this is as safe as MERGE.
     */
    static String mergeRelationships(RelType type) {
        return MERGE_RELATIONSHIPS.computeIfAbsent(type, t -> """
                UNWIND $rows AS row
                MATCH (a:Entity {id: row.from})
                MATCH (b:Entity {id: row.to})
                OPTIONAL MATCH (a)-[old:%1$s]->(b)
                WITH a, b, row, old, CASE WHEN old IS NULL THEN 'created'
                                          WHEN properties(old) = row.props THEN 'unchanged'
                                          ELSE 'updated' END AS outcome
                CALL (a, b, row, outcome) {
                  WITH * WHERE outcome = 'created'
                  CREATE (a)-[r:%1$s]->(b)
                  SET r = row.props
                }
                CALL (old, row, outcome) {
                  WITH * WHERE outcome = 'updated'
                  SET old = row.props
                }
                RETURN '%1$s' AS key, outcome, count(*) AS n, [] AS conflicts
                """.formatted(t.name()));
    }

    private static final Map<RelType, String> MERGE_RELATIONSHIPS =
            Collections.synchronizedMap(new EnumMap<>(RelType.class));

    /** The name a schema statement gives its constraint or index. */
    private static final Pattern SCHEMA_NAME = Pattern.compile(
            "CREATE\\s+(?:CONSTRAINT|"
                    + "(?:FULLTEXT\\s+|RANGE\\s+|TEXT\\s+|POINT\\s+|LOOKUP\\s+)?INDEX)\\s+(\\w+)\\s+IF\\s+NOT\\s+EXISTS",
            Pattern.CASE_INSENSITIVE);

    private static final String EXISTING_KINDS = """
            MATCH (n:Entity) WHERE n.id IN $ids
            RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label
            """;

    /**
     * How a write is cut into transactions.
     *
     * @param batchSize              records per query (and, in batched mode, per transaction)
     * @param singleTransactionLimit inputs of up to this many records (nodes and relationships) are written in one
     *                               transaction; larger ones in batches
     * @param threads                how many batches are written at the same time in batched mode
     */
    public record Options(int batchSize, int singleTransactionLimit, int threads) {

        /**
         * Records per query and per batch. Measured on the 100k-model benchmark data (419,000 records, 2 cores):
         * batches of 1,000 or 2,000 wrote in 23 to 27 s, of 5,000 in 32 to 37 s.
         */
        public static final int DEFAULT_BATCH_SIZE = 2_000;

        /** The largest input written in one transaction: ten times the default data. */
        public static final int DEFAULT_SINGLE_TRANSACTION_LIMIT = 50_000;

        public Options {
            if (batchSize < 1) {
                throw new IllegalArgumentException("the batch size must be at least 1, not " + batchSize);
            }
            if (singleTransactionLimit < 0) {
                throw new IllegalArgumentException("the single-transaction limit must not be negative");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("at least one thread must write, not " + threads);
            }
        }

        /** Batches of 2,000, one transaction up to 50,000 records, one thread per processor (at most 8). */
        public static Options defaults() {
            return new Options(
                    DEFAULT_BATCH_SIZE,
                    DEFAULT_SINGLE_TRANSACTION_LIMIT,
                    Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())));
        }
    }

    private final Driver driver;
    private final Options options;
    private LongConsumer progress = done -> {};

    public GraphWriter(Driver driver) {
        this(driver, Options.defaults());
    }

    public GraphWriter(Driver driver, Options options) {
        this.driver = driver;
        this.options = options;
    }

    /**
     * Tells {@code done} how many records {@link #removals} has compared and {@link #write} has written so far (a
     * count from zero for each call; batches written at the same time may report out of order).
     */
    public GraphWriter progress(LongConsumer done) {
        this.progress = done;
        return this;
    }

    /**
     * Applies every schema file; each statement is idempotent. Statements that create a constraint or index whose
     * name the database already has are not sent: on an existing store one query replaces seventeen, which the app
     * runs at every start.
     */
    public void applySchema() {
        try (var session = driver.session(SessionConfig.defaultConfig())) {
            Set<String> existing = new HashSet<>();
            session.run("SHOW CONSTRAINTS YIELD name")
                    .forEachRemaining(r -> existing.add(r.get("name").asString()));
            session.run("SHOW INDEXES YIELD name")
                    .forEachRemaining(r -> existing.add(r.get("name").asString()));
            for (String statement : SchemaScripts.allStatements()) {
                Matcher named = SCHEMA_NAME.matcher(statement);
                if (named.find() && existing.contains(named.group(1))) {
                    continue;
                }
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
                tx.run(EXISTING_KINDS, Map.of("ids", List.copyOf(ids)))
                        .forEachRemaining(r -> Kind.byLabel(r.get("label").asString(""))
                                .ifPresent(k -> found.put(r.get("id").asString(), k)));
                return found;
            });
        }
    }

    private static final String GIVEN_BY_NODES = """
            MATCH (n:Entity) UNWIND coalesce(n.sources, []) AS s
            RETURN s, count(DISTINCT n) AS n
            """;

    private static final String GIVEN_BY_RELATIONSHIPS = """
            MATCH ()-[r]->() WHERE NOT r:FALLS_UNDER UNWIND coalesce(r.sources, []) AS s
            RETURN s, count(DISTINCT r) AS n
            """;

    private static final String STORED_NODES = """
            UNWIND $ids AS id MATCH (n:Entity {id: id})
            RETURN n.id AS id, keys(n) AS keys, coalesce(n.sources, []) AS sources
            """;

    /**
     * What writing these records would take away from the store (see {@link Removals}): for each record whose node
     * or relationship is stored, the sources and properties it has now and the record lacks. Derived
     * {@code FALLS_UNDER} is not counted: it is derived again after every write.
     */
    public Removals removals(List<NodeRecord> nodes, List<RelationshipRecord> relationships) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                Map<String, Long> given = new HashMap<>();
                tx.run(GIVEN_BY_NODES)
                        .forEachRemaining(r ->
                                given.merge(r.get("s").asString(), r.get("n").asLong(), Long::sum));
                if (given.isEmpty()) {
                    progress.accept((long) nodes.size() + relationships.size());
                    return Removals.none();
                }
                tx.run(GIVEN_BY_RELATIONSHIPS)
                        .forEachRemaining(r ->
                                given.merge(r.get("s").asString(), r.get("n").asLong(), Long::sum));
                List<Removals.Removal> removals = new ArrayList<>();
                for (int i = 0; i < nodes.size(); i += options.batchSize()) {
                    Map<String, NodeRecord> byId = new LinkedHashMap<>();
                    for (NodeRecord node : nodes.subList(i, Math.min(nodes.size(), i + options.batchSize()))) {
                        byId.put(node.id(), node);
                    }
                    tx.run(STORED_NODES, Map.of("ids", List.copyOf(byId.keySet())))
                            .forEachRemaining(r -> {
                                NodeRecord node = byId.get(r.get("id").asString());
                                compare(node.kind().label() + " " + node.id(), r, props(node), removals);
                            });
                    progress.accept(Math.min(nodes.size(), i + options.batchSize()));
                }
                long compared = nodes.size();
                Map<RelType, List<RelationshipRecord>> byType = new EnumMap<>(RelType.class);
                relationships.forEach(rel -> byType.computeIfAbsent(rel.type(), t -> new ArrayList<>())
                        .add(rel));
                for (Map.Entry<RelType, List<RelationshipRecord>> e : byType.entrySet()) {
                    String query = """
                            UNWIND $rows AS row
                            MATCH (a:Entity {id: row.from})-[r:%s]->(b:Entity {id: row.to})
                            RETURN row.from + '|' + row.to AS key, keys(r) AS keys, coalesce(r.sources, []) AS sources
                            """.formatted(e.getKey().name());
                    List<RelationshipRecord> list = e.getValue();
                    for (int i = 0; i < list.size(); i += options.batchSize()) {
                        Map<String, RelationshipRecord> byKey = new LinkedHashMap<>();
                        List<Map<String, Object>> rows = new ArrayList<>();
                        for (RelationshipRecord rel : list.subList(i, Math.min(list.size(), i + options.batchSize()))) {
                            byKey.put(rel.from() + "|" + rel.to(), rel);
                            rows.add(Map.of("from", rel.from(), "to", rel.to()));
                        }
                        tx.run(query, Map.of("rows", rows)).forEachRemaining(r -> {
                            RelationshipRecord rel = byKey.get(r.get("key").asString());
                            Map<String, Object> props = new LinkedHashMap<>(rel.properties());
                            Provenance.put(props, rel.sources());
                            compare(rel.type().name() + " " + rel.from() + " -> " + rel.to(), r, props, removals);
                        });
                        compared += Math.min(list.size(), i + options.batchSize()) - i;
                        progress.accept(compared);
                    }
                }
                return new Removals(given, removals);
            });
        } catch (Neo4jException e) {
            throw new IngestException(
                    "reading the store before writing failed, nothing was written: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void compare(String what, Record stored, Map<String, Object> props, List<Removals.Removal> out) {
        List<String> cited = stored.get("sources").asList(Value::asString).stream()
                .distinct()
                .toList();
        List<String> keeps = props.get(Provenance.SOURCES) instanceof List<?> l ? (List<String>) l : List.of();
        List<String> sources = cited.stream().filter(s -> !keeps.contains(s)).toList();
        List<String> properties = stored.get("keys").asList(Value::asString).stream()
                .filter(k -> !props.containsKey(k) && !Provenance.isProvenance(k))
                .sorted()
                .toList();
        if (!sources.isEmpty() || !properties.isEmpty()) {
            // the loss counts against the sources it would lose; if it keeps them all, against those it cites
            out.add(new Removals.Removal(what, sources, properties, sources.isEmpty() ? cited : sources));
        }
    }

    /**
     * Writes the records and says what changed: in one transaction when there are at most
     * {@link Options#singleTransactionLimit()} of them, else in batches (see the class comment).
     *
     * @throws IngestException when the database fails or a node's id is stored for another kind; in one-transaction
     *                         mode nothing is written then
     */
    public WriteSummary write(List<NodeRecord> nodes, List<RelationshipRecord> relationships) {
        long records = (long) nodes.size() + relationships.size();
        if (records <= options.singleTransactionLimit()) {
            return writeAtOnce(nodes, relationships);
        }
        LOG.infof(
                "writing %d nodes and %d relationships in batches of %d with %d threads: a write stopped half way "
                        + "is completed by running it again",
                nodes.size(), relationships.size(), options.batchSize(), options.threads());
        return writeInBatches(nodes, relationships);
    }

    private WriteSummary writeAtOnce(List<NodeRecord> nodes, List<RelationshipRecord> relationships) {
        try (var session = driver.session()) {
            // the summary is built inside the function: a retried transaction starts from zero
            return session.executeWrite(tx -> {
                WriteSummary summary = new WriteSummary();
                for (int i = 0; i < nodes.size(); i += options.batchSize()) {
                    int end = Math.min(nodes.size(), i + options.batchSize());
                    writeNodes(tx, nodes.subList(i, end), summary, "nothing was written");
                    progress.accept(end);
                }
                for (int i = 0; i < relationships.size(); i += options.batchSize()) {
                    int end = Math.min(relationships.size(), i + options.batchSize());
                    writeRelationships(tx, relationships.subList(i, end), summary);
                    progress.accept((long) nodes.size() + end);
                }
                // who each threshold-based rule reaches, from what was just written, in the same transaction
                derive(tx, summary);
                // the site's cached pages are out of date only when something changed
                if (summary.changed()) {
                    summary.version(GraphVersion.bump(tx));
                }
                return summary;
            });
        } catch (Neo4jException e) {
            throw new IngestException("writing to Neo4j failed, nothing was written: " + e.getMessage(), e);
        }
    }

    private WriteSummary writeInBatches(List<NodeRecord> nodes, List<RelationshipRecord> relationships) {
        WriteSummary summary = new WriteSummary();
        // relationships of one start node stay in one batch where they can: fewer batches lock the same node
        List<RelationshipRecord> sorted = new ArrayList<>(relationships);
        sorted.sort(Comparator.comparing(RelationshipRecord::from, Comparator.nullsFirst(Comparator.naturalOrder())));
        // the batches become visible one by one: pages cached from here on are cached for a version that is not final
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(GraphVersion::bump);
        } catch (Neo4jException e) {
            throw new IngestException("writing to Neo4j failed, nothing was written: " + e.getMessage(), e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), new NamedThreads());
        AtomicLong written = new AtomicLong();
        try {
            inBatches(
                    pool,
                    "nodes",
                    nodes,
                    (tx, slice) -> writeNodes(tx, slice, new WriteSummary(), "this batch was not written"),
                    summary,
                    written);
            inBatches(
                    pool,
                    "relationships",
                    sorted,
                    (tx, slice) -> writeRelationships(tx, slice, new WriteSummary()),
                    summary,
                    written);
        } finally {
            pool.shutdownNow();
        }
        // derived facts need every batch in place; a re-run after a crash derives them again
        try (var session = driver.session()) {
            summary.version(session.executeWrite(tx -> {
                derive(tx, summary);
                return GraphVersion.bump(tx);
            }));
        }
        return summary;
    }

    /** Derives {@code FALLS_UNDER} from the rules on tiers and the facts just written (see ApplicabilityDeriver). */
    private static void derive(TransactionContext tx, WriteSummary summary) {
        long removed = ApplicabilityDeriver.derive(
                tx, (outcome, n) -> summary.relationship(RelType.FALLS_UNDER.name(), outcome, n));
        summary.removed(RelType.FALLS_UNDER.name(), removed);
    }

    /** What one batch does inside its transaction; returns what it wrote. */
    @FunctionalInterface
    private interface BatchWrite<T> {
        WriteSummary write(TransactionContext tx, List<T> slice);
    }

    private <T> void inBatches(
            ExecutorService pool,
            String what,
            List<T> records,
            BatchWrite<T> write,
            WriteSummary summary,
            AtomicLong recordsWritten) {
        int batches = (records.size() + options.batchSize() - 1) / options.batchSize();
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(batches);
        for (int i = 0; i < records.size(); i += options.batchSize()) {
            List<T> slice = records.subList(i, Math.min(records.size(), i + options.batchSize()));
            futures.add(pool.submit(() -> {
                WriteSummary written;
                try (var session = driver.session()) {
                    written = session.executeWrite(tx -> write.write(tx, slice));
                }
                summary.add(written);
                progress.accept(recordsWritten.addAndGet(slice.size()));
                int n = done.incrementAndGet();
                if (n % 20 == 0 || n == batches) {
                    LOG.infof("wrote %d of %d batches of %s", n, batches, what);
                }
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(f -> f.cancel(true));
                throw new IngestException(
                        "ingest was interrupted after " + done.get() + " of " + batches + " batches of " + what
                                + "; run it again to complete it",
                        e);
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                Throwable cause = e.getCause();
                if (cause instanceof IngestException ingest) {
                    throw new IngestException(ingest.getMessage() + " (" + done.get() + " of " + batches
                            + " batches of " + what + " were written)");
                }
                throw new IngestException(
                        "writing to Neo4j failed after " + done.get() + " of " + batches
                                + " batches of " + what + " were written: " + cause.getMessage()
                                + "; the input is written in batches because it has more than "
                                + options.singleTransactionLimit() + " records, so run ingest again to complete it "
                                + "(MERGE leaves what is written unchanged)",
                        cause);
            }
        }
    }

    private WriteSummary writeNodes(
            TransactionContext tx, List<NodeRecord> slice, WriteSummary summary, String whatIsWritten) {
        List<Map<String, Object>> rows = new ArrayList<>(slice.size());
        for (NodeRecord node : slice) {
            rows.add(Map.of("id", node.id(), "label", node.kind().label(), "props", props(node)));
        }
        run(tx, MERGE_NODES, rows, summary::node, conflicts -> {
            throw new IngestException("these ids are stored in the database for nodes of another kind: "
                    + String.join(", ", conflicts) + "; ids are unique across all kinds, so " + whatIsWritten);
        });
        return summary;
    }

    private WriteSummary writeRelationships(
            TransactionContext tx, List<RelationshipRecord> slice, WriteSummary summary) {
        Map<RelType, List<Map<String, Object>>> rowsByType = new EnumMap<>(RelType.class);
        for (RelationshipRecord rel : slice) {
            Map<String, Object> props = new LinkedHashMap<>(rel.properties());
            Provenance.put(props, rel.sources());
            rowsByType
                    .computeIfAbsent(rel.type(), t -> new ArrayList<>())
                    .add(Map.of("from", rel.from(), "to", rel.to(), "props", props));
        }
        rowsByType.forEach(
                (type, rows) -> run(tx, mergeRelationships(type), rows, summary::relationship, conflicts -> null));
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

    /** Counts per key (label or type) and outcome. */
    @FunctionalInterface
    private interface Counter {
        void count(String key, String outcome, long n);
    }

    private static void run(
            TransactionContext tx,
            String query,
            List<Map<String, Object>> rows,
            Counter counts,
            Function<List<String>, Void> onConflicts) {
        List<Record> result = tx.run(query, Values.parameters("rows", rows)).list();
        List<String> conflicts = new ArrayList<>();
        for (Record r : result) {
            String outcome = r.get("outcome").asString();
            if (outcome.equals("conflict")) {
                conflicts.addAll(r.get("conflicts").asList(Value::asString));
            } else {
                counts.count(r.get("key").asString(), outcome, r.get("n").asLong());
            }
        }
        if (!conflicts.isEmpty()) {
            onConflicts.apply(conflicts);
        }
    }

    /** Names the writer's threads, so a thread dump says what they are. */
    private static final class NamedThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger next = new AtomicInteger(1);

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "policygraph-writer-" + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        }
    }
}
