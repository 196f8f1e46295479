package org.policygraph.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.summary.Plan;
import org.policygraph.data.EmbeddedNeo4j;
import org.policygraph.ingest.Ingest;
import org.policygraph.ingest.read.DataFiles;

/**
 * EXPLAINs page queries through the driver on the default data (the app's own database in a {@code @QuarkusTest},
 * else an embedded Neo4j started once per test JVM), and says where each plan starts: the leftmost leaf of the plan tree is the operator that produces the
 * first rows.
 */
public final class QueryPlans {

    /** Operators that find nodes by an index (or the full-text index procedure). */
    public static final Set<String> INDEX_STARTS = Set.of(
            "NodeUniqueIndexSeek",
            "NodeUniqueIndexSeek(Locking)",
            "NodeIndexSeek",
            "NodeIndexSeekByRange",
            "MultiNodeIndexSeek",
            "ProcedureCall");

    /** Operators that read every node of a label, or every node or relationship. */
    public static final Set<String> SCANS = Set.of(
            "NodeByLabelScan",
            "AllNodesScan",
            "NodeIndexScan",
            "UnionNodeByLabelsScan",
            "IntersectionNodeByLabelsScan",
            "DirectedAllRelationshipsScan",
            "UndirectedAllRelationshipsScan",
            "DirectedRelationshipTypeScan",
            "UndirectedRelationshipTypeScan");

    private static EmbeddedNeo4j neo4j;
    private static Driver driver;

    private QueryPlans() {}

    /** The plan of a query, with its parameters, as the server would run it. */
    public static Plan explain(String query, Map<String, Object> parameters) {
        try (var session = driver().session()) {
            return session.run("EXPLAIN " + query, parameters).consume().plan();
        }
    }

    /** The operator the plan starts from: its leftmost leaf, without the {@code @neo4j} suffix. */
    public static String start(Plan plan) {
        Plan p = plan;
        while (!p.children().isEmpty()) {
            p = p.children().get(0);
        }
        return name(p);
    }

    /** Every operator of the plan, depth first. */
    public static List<String> operators(Plan plan) {
        List<String> out = new ArrayList<>();
        collect(plan, out);
        return out;
    }

    /** The operators of the plan that scan a label or the whole store. */
    public static List<String> scans(Plan plan) {
        return operators(plan).stream().filter(SCANS::contains).toList();
    }

    private static void collect(Plan plan, List<String> out) {
        out.add(name(plan));
        plan.children().forEach(c -> collect(c, out));
    }

    private static String name(Plan plan) {
        String type = plan.operatorType();
        int at = type.indexOf('@');
        return at < 0 ? type : type.substring(0, at);
    }

    /**
     * The site's own driver when the test runs in the app ({@code @QuarkusTest}: the default data is loaded there
     * already), else an embedded Neo4j of its own loaded with the default data, once per JVM.
     */
    private static synchronized Driver driver() {
        io.quarkus.arc.ArcContainer arc = io.quarkus.arc.Arc.container();
        if (arc != null && arc.isRunning()) {
            return arc.instance(Driver.class).get();
        }
        if (driver == null) {
            Path home = Path.of("target/query-plans-db");
            deleteTree(home);
            neo4j = EmbeddedNeo4j.start(home, 0);
            driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
            Ingest.defaults().run(DataFiles.defaults(), driver, false);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                driver.close();
                                neo4j.close();
                            },
                            "query-plans-db-shutdown"));
        }
        return driver;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + dir, e);
        }
    }
}
