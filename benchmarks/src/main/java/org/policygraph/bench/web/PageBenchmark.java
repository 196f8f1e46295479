package org.policygraph.bench.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.policygraph.bench.report.PageFigure;
import org.policygraph.bench.report.Report;
import org.policygraph.bench.report.Target;

/**
 * Measures the site's pages under load at each number of connections, each beside the static page
 * ({@code /static/site.css}) measured the same way just before: the web tier's ceiling on this machine.
 */
public final class PageBenchmark {

    /** The static page every page is compared with. */
    public static final String STATIC = "/static/site.css";

    private static final String HUBS = "entity (biggest hubs)";

    private static final Logger LOG = Logger.getLogger(PageBenchmark.class);

    private final LoadGenerator load;
    private final Duration duration;
    private final Duration warmup;
    private final List<Integer> connections;

    public PageBenchmark(LoadGenerator load, Duration duration, Duration warmup, List<Integer> connections) {
        this.load = load;
        this.duration = duration;
        this.warmup = warmup;
        this.connections = List.copyOf(connections);
    }

    /**
     * Runs every page at every number of connections and adds the figures to the report.
     *
     * @param graph a few words on the graph the app serves, for the notes
     */
    public void run(AppProcess app, PageSamples samples, Report report, String graph) {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("entity", samples.entity());
        pages.put("search", samples.search());
        pages.put("paths", samples.paths());
        pages.put("compare", samples.compare());
        pages.put(HUBS, samples.hubs());
        for (Map.Entry<String, List<String>> page : pages.entrySet()) {
            for (String path :
                    page.getValue().subList(0, Math.min(3, page.getValue().size()))) {
                int status = app.status(path);
                if (status != 200) {
                    report.note("Before the load: " + path + " answered " + status + ".");
                }
            }
        }
        LOG.infof("warming the app up: %d s per page", warmup.toSeconds());
        load.run(app.base(), List.of(STATIC), 16, warmup);
        pages.values().forEach(paths -> load.run(app.base(), paths, 16, warmup));

        Map<Integer, LoadResult> statics = new LinkedHashMap<>();
        for (int c : connections) {
            LoadResult stat = load.run(app.base(), List.of(STATIC), c, duration);
            statics.put(c, stat);
            log("static", stat);
            for (Map.Entry<String, List<String>> page : pages.entrySet()) {
                if (!page.getKey().equals(HUBS)) {
                    measure(app, page.getKey(), page.getValue(), c, stat, report, graph);
                }
            }
        }
        // the hubs last: their pages list every relationship, and on a large graph they can fill the app's heap
        for (int c : connections) {
            measure(app, HUBS, pages.get(HUBS), c, statics.get(c), report, graph);
        }
    }

    private void measure(
            AppProcess app, String page, List<String> paths, int c, LoadResult stat, Report report, String graph) {
        LoadResult r = load.run(app.base(), paths, c, duration);
        log(page, r);
        Target target = c != 64
                ? null
                : page.equals("entity")
                        ? Target.atMost("p99 <= 20 ms at 64 connections (1M models)", 20, "ms")
                        : page.equals("paths")
                                ? Target.atMost("p99 <= 100 ms at 64 connections (1M models)", 100, "ms")
                                : null;
        String note = describe(page, paths.size(), graph)
                + (r.errors() > 0 ? " Errors: " + String.join("; ", r.examples()) + "." : "");
        report.add(new PageFigure(
                page,
                c,
                r.p50Ms(),
                r.p99Ms(),
                r.perSecond(),
                r.requests(),
                r.errors(),
                stat.p50Ms(),
                stat.p99Ms(),
                stat.perSecond(),
                target == null ? null : target.text(),
                target == null ? null : target.met(r.p99Ms()),
                target == null ? "" : target.missedBy(r.p99Ms()),
                note));
    }

    private static void log(String page, LoadResult r) {
        LOG.infof(
                "%-22s c=%-3d p50 %7.2f ms  p99 %7.2f ms  %8.0f req/s  errors %d",
                page, r.connections(), r.p50Ms(), r.p99Ms(), r.perSecond(), r.errors());
    }

    private static String describe(String page, int paths, String graph) {
        return switch (page) {
            case "entity" ->
                "entity: " + paths + " pages of nodes drawn uniformly from the " + graph + " (so mostly models).";
            case "search" -> "search: " + paths + " searches: a node's name, or one or two words of the texts.";
            case "paths" ->
                "paths: " + paths + " path pages from a uniformly drawn node to a regulation (up to 4 hops).";
            case "compare" ->
                "compare: " + paths + " comparison pages, taking turns: three models (with the tier each "
                        + "regulation puts them in, and why), three organisations, two regulations, drawn uniformly.";
            default ->
                "entity (biggest hubs): the organisations that develop the most models and the longest regulation;"
                        + " their pages list every relationship.";
        };
    }
}
