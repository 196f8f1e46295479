package org.policygraph.web.warmup;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.policygraph.model.Kind;
import org.policygraph.web.compare.ReachRepository;
import org.policygraph.web.entity.EntityPageResource;
import org.policygraph.web.entity.EntityRepository;
import org.policygraph.web.entity.IndexQuery;
import org.policygraph.web.entity.IndexRepository;
import org.policygraph.web.home.StatsRepository;
import org.policygraph.web.paths.PathQuery;
import org.policygraph.web.paths.PathRepository;
import org.policygraph.web.search.SearchRepository;
import org.policygraph.web.system.PolicyGraphConfig;

/**
 * Runs the queries of the site's main pages once, after the start-up has loaded the data: an entity page and the
 * index page of each kind, a regulation's "who this reaches", a search and a path. Neo4j plans each query text the
 * first time it sees it, and on a cold JVM that takes a good part of a second per query; without the warm-up, the
 * first visitors after a start pay for it together (measured on 2 cores under 64 connections: 71 requests/s and a 7 s
 * maximum in the first 20 s, 1,100/s and 0.4 s once warm). It runs in the background, so the first page does not wait
 * for it; a failure is logged and changes nothing.
 */
@ApplicationScoped
public class WarmUp {

    /**
     * An index page reads every node of its kind to count the facets (see IndexRepository); above this many, its
     * warm-up would cost more than it saves, and it is left out.
     */
    static final long INDEX_WARM_UP_LIMIT = 20_000;

    /** Readiness waits for the warm-up at most this long. */
    static final Duration READINESS_LIMIT = Duration.ofMinutes(2);

    /** What one warm-up did: the pages it ran the queries of, the ones that failed and why, and how long it took. */
    public record Report(List<String> pages, Map<String, String> failures, long millis) {}

    private final Driver driver;
    private final EntityRepository entities;
    private final IndexRepository indexes;
    private final ReachRepository reach;
    private final SearchRepository search;
    private final PathRepository paths;
    private final StatsRepository stats;
    private final boolean enabled;
    private volatile boolean done;
    private volatile long startedNanos = System.nanoTime();

    WarmUp(
            Driver driver,
            EntityRepository entities,
            IndexRepository indexes,
            ReachRepository reach,
            SearchRepository search,
            PathRepository paths,
            StatsRepository stats,
            PolicyGraphConfig config) {
        this.driver = driver;
        this.entities = entities;
        this.indexes = indexes;
        this.reach = reach;
        this.search = search;
        this.paths = paths;
        this.stats = stats;
        this.enabled = config.warmUp();
    }

    /** Whether the warm-up has ended (or is off, or has run for longer than readiness waits). */
    public boolean done() {
        return done || !enabled || System.nanoTime() - startedNanos > READINESS_LIMIT.toNanos();
    }

    /** After the database bootstrap (a later priority than its observer), in a background thread. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        if (!enabled) {
            return;
        }
        startedNanos = System.nanoTime();
        Thread thread = new Thread(
                () -> {
                    Report report;
                    try {
                        report = run();
                    } finally {
                        done = true;
                    }
                    if (report.failures().isEmpty()) {
                        Log.infof(
                                "warmed up the queries of %d pages in %d ms",
                                report.pages().size(), report.millis());
                    } else {
                        Log.warnf(
                                "warmed up the queries of %d pages in %d ms; these failed: %s",
                                report.pages().size(), report.millis(), report.failures());
                    }
                },
                "policygraph-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs the queries once; never throws. */
    public Report run() {
        long start = System.nanoTime();
        List<String> pages = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        Map<Kind, String> samples = new LinkedHashMap<>();
        attempt("samples", pages, failures, () -> samples.putAll(samples()));
        attempt("/", pages, failures, stats::stats);
        Map<Kind, Long> counts = new LinkedHashMap<>();
        attempt("counts", pages, failures, () -> counts.putAll(counts()));
        for (Kind kind : Kind.values()) {
            if (counts.getOrDefault(kind, 0L) <= INDEX_WARM_UP_LIMIT) {
                attempt(
                        "/" + kind.plural(),
                        pages,
                        failures,
                        () -> indexes.page(IndexQuery.firstPage(kind), EntityPageResource.PAGE_SIZE));
            }
            String id = samples.get(kind);
            if (id != null) {
                attempt("/" + kind.plural() + "/" + id, pages, failures, () -> entities.find(kind, id));
                if (kind == Kind.REGULATION) {
                    attempt("/" + kind.plural() + "/" + id + " (reach)", pages, failures, () -> reach.reach(id, 25));
                }
            }
        }
        Optional.ofNullable(samples.get(Kind.MODEL))
                .ifPresent(model -> attempt("/search?q=" + model, pages, failures, () -> search.search(model, 100)));
        String from = samples.get(Kind.MODEL);
        String to = samples.get(Kind.REGULATION);
        if (from != null && to != null) {
            attempt("/paths?from=" + from + "&to=" + to, pages, failures, () -> {
                paths.node(from);
                paths.find(from, to, PathQuery.DEFAULT_MAX, PathQuery.LIMIT, List.of(), List.of());
            });
        }
        return new Report(pages, failures, (System.nanoTime() - start) / 1_000_000);
    }

    /** The nodes of each kind, from Neo4j's count store (no scan). */
    private Map<Kind, Long> counts() {
        Map<Kind, Long> found = new LinkedHashMap<>();
        try (var session = driver.session()) {
            for (Kind kind : Kind.values()) {
                found.put(
                        kind,
                        session.executeRead(tx -> tx.run("MATCH (n:" + kind.label() + ") RETURN count(n) AS n")
                                .single()
                                .get("n")
                                .asLong()));
            }
        }
        return found;
    }

    /** One node id per kind that has any. */
    private Map<Kind, String> samples() {
        Map<Kind, String> found = new LinkedHashMap<>();
        try (var session = driver.session()) {
            for (Kind kind : Kind.values()) {
                session
                        .executeRead(tx -> tx.run("MATCH (n:" + kind.label() + ") RETURN n.id AS id LIMIT 1")
                                .list())
                        .stream()
                        .findFirst()
                        .ifPresent(r -> found.put(kind, r.get("id").asString()));
            }
        }
        return found;
    }

    private static void attempt(String page, List<String> pages, Map<String, String> failures, Runnable queries) {
        try {
            queries.run();
            pages.add(page);
        } catch (RuntimeException e) {
            failures.put(page, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
