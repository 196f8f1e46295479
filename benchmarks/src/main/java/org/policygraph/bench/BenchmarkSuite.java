package org.policygraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.policygraph.bench.export.ApocCypherExport;
import org.policygraph.bench.export.CypherScriptExport;
import org.policygraph.bench.export.ExportBenchmark;
import org.policygraph.bench.export.SiteCypherExport;
import org.policygraph.bench.generate.GeneratedGraph;
import org.policygraph.bench.generate.GraphGenerator;
import org.policygraph.bench.generate.Scale;
import org.policygraph.bench.ingest.IngestBenchmark;
import org.policygraph.bench.ingest.LoadCsvBaseline;
import org.policygraph.bench.neo4j.BenchNeo4j;
import org.policygraph.bench.process.ChildProcess;
import org.policygraph.bench.report.Figure;
import org.policygraph.bench.report.Machine;
import org.policygraph.bench.report.Report;
import org.policygraph.bench.report.Target;
import org.policygraph.bench.web.AppProcess;
import org.policygraph.bench.web.LoadGenerator;
import org.policygraph.bench.web.LoadResult;
import org.policygraph.bench.web.PageBenchmark;
import org.policygraph.bench.web.PageSamples;
import org.policygraph.ingest.Ingest;
import org.policygraph.ingest.read.DataFiles;
import org.policygraph.ingest.write.GraphWriter;
import org.policygraph.model.NodeRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code BenchmarkSuite --scale 1m}: generates the data, then measures ingest against LOAD CSV, export against APOC,
 * the packaged site's pages against its static page, and the app's start and memory on the default data, and writes
 * {@code report.json} and {@code report.md}. Run it with {@code ./mvnw -B -pl benchmarks -am verify -Pbench
 * -Dscale=1m}. Its own output is the report's Markdown.
 */
@Command(
        name = "policygraph-benchmarks",
        mixinStandardHelpOptions = true,
        description = "Measures PolicyGraph at a scale against Neo4j's own tools and writes report.json and report.md.")
public final class BenchmarkSuite implements Callable<Integer> {

    /** The parts of the suite, each can be left out with --skip. */
    public static final Set<String> SECTIONS = Set.of("ingest", "export", "pages", "start");

    private static final Logger LOG = Logger.getLogger(BenchmarkSuite.class);

    @Option(
            names = "--scale",
            defaultValue = "1",
            description = "1 (the default data's size), x10, 10k, 100k or 1m models. Default: ${DEFAULT-VALUE}.")
    String scale;

    @Option(names = "--seed", defaultValue = "7", description = "The generator's seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = "--duration",
            defaultValue = "10",
            description = "Seconds of load per page and number of connections. Default: ${DEFAULT-VALUE}.")
    int duration;

    @Option(
            names = "--warmup",
            defaultValue = "-1",
            description = "Seconds of warm-up load per page before measuring. Default: the duration.")
    int warmup;

    @Option(
            names = "--connections",
            split = ",",
            defaultValue = "1,16,64",
            description = "Connections to measure pages at. Default: ${DEFAULT-VALUE}.")
    List<Integer> connections;

    @Option(names = "--work", defaultValue = "target/bench", description = "Where data and stores go.")
    Path work;

    @Option(names = "--report", defaultValue = "target", description = "Where report.json and report.md go.")
    Path reportFolder;

    @Option(
            names = "--app-jar",
            defaultValue = "../web/target/quarkus-app/quarkus-run.jar",
            description = "The packaged site.")
    Path appJar;

    @Option(
            names = "--apoc",
            defaultValue = "target/apoc",
            description = "APOC's jars (plugins/) and what they need (lib/), for the export baseline's server.")
    Path apoc;

    @Option(
            names = "--page-cache-mb",
            defaultValue = "1024",
            description =
                    "Page cache of the benchmark databases (ingest, LOAD CSV, export). Default: ${DEFAULT-VALUE}.")
    int pageCacheMb;

    @Option(
            names = "--app-page-cache-mb",
            description = "Page cache of the site's embedded database. Default: the app's own (256).")
    Integer appPageCacheMb;

    @Option(
            names = "--export-rounds",
            defaultValue = "2",
            description = "Runs of each export, taking turns; the fastest counts. Default: ${DEFAULT-VALUE}.")
    int exportRounds;

    @Option(names = "--skip", split = ",", description = "Sections to leave out: ingest, export, pages, start.")
    List<String> skip = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkSuite()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Report report = run();
        System.out.println(report.markdown());
        return 0;
    }

    /** One line in the log as each stage of the suite begins, and one when all are done, with the time taken. */
    private static final class Stages {

        private final int total;
        private final long started = System.nanoTime();
        private int current;

        Stages(int total) {
            this.total = total;
        }

        void next(String what) {
            LOG.infof("stage %d of %d: %s (%s)", ++current, total, what, elapsed());
        }

        void done() {
            LOG.infof("all %d stages done (%s)", total, elapsed());
        }

        private String elapsed() {
            return String.format(java.util.Locale.ROOT, "%.0f s so far", (System.nanoTime() - started) / 1e9);
        }
    }

    /** Runs the suite and writes the report; returns it. */
    public Report run() throws IOException {
        Scale s = Scale.parse(scale);
        Report report = new Report(s.toString(), seed, Machine.now());
        Duration measure = Duration.ofSeconds(duration);
        Duration warm = Duration.ofSeconds(warmup < 0 ? duration : warmup);
        LoadGenerator load = LoadGenerator.best(work.resolve("wrk"));
        report.fact("loadGenerator", load.name());
        try {
            GraphGenerator generator = new GraphGenerator(s, seed);
            Path store = work.resolve("store-" + s.label() + "-seed-" + seed);
            boolean ingest = !skip.contains("ingest") || !Files.exists(store);
            Stages stages = new Stages((ingest ? 2 : 0)
                    + (skip.contains("export") ? 0 : 1)
                    + (skip.contains("pages") ? 0 : 1)
                    + (skip.contains("start") ? 0 : 1));
            if (ingest) {
                stages.next("generate a graph at scale " + s);
                GeneratedGraph data = generate(generator, s, report);
                deleteTree(store);
                stages.next("ingest it into " + store);
                ingest(data, store, report);
            } else {
                report.note("Ingest was not measured (--skip ingest): the other sections used the store of an earlier "
                        + "run, " + store + ".");
            }
            if (!skip.contains("export")) {
                stages.next("export the store");
                export(store, report);
            }
            if (!skip.contains("pages")) {
                stages.next("pages under load with " + load.name());
                pages(generator, store, s, load, measure, warm, report);
            }
            if (!skip.contains("start")) {
                stages.next("start of the site");
                start(load, report);
            }
            stages.done();
        } finally {
            report.write(reportFolder);
        }
        LOG.infof("wrote %s and %s", reportFolder.resolve("report.json"), reportFolder.resolve("report.md"));
        return report;
    }

    private GeneratedGraph generate(GraphGenerator generator, Scale s, Report report) throws IOException {
        Path folder = work.resolve("data-" + s.label() + "-seed-" + seed);
        deleteTree(folder);
        GeneratedGraph data = generator.generate(folder);
        report.fact(
                "data",
                String.format(
                        Locale.ROOT,
                        "%,d nodes and %,d relationships in %d files (%,d MB), " + "generated in %.1f s: %s",
                        data.totalNodes(),
                        data.totalRelationships(),
                        data.files(),
                        data.bytes() >> 20,
                        data.millis() / 1000.0,
                        data.nodes()));
        return data;
    }

    private void ingest(GeneratedGraph data, Path store, Report report) throws IOException {
        long pageCache = pageCacheMb * 1024L * 1024;
        IngestBenchmark.Outcome ingested;
        GraphWriter.Options options = GraphWriter.Options.defaults();
        try (BenchNeo4j neo4j = BenchNeo4j.start(store, pageCache, null);
                Driver driver = GraphDatabase.driver(neo4j.boltUri())) {
            ingested = IngestBenchmark.run(data.folder(), driver, options);
        }
        // LOAD CSV of the same rows, in a fresh server process: as cold as the ingest was
        Path home = work.resolve("load-csv-" + data.scale().label());
        deleteTree(home);
        List<LoadCsvBaseline.CsvFile> files = LoadCsvBaseline.write(ingested.batch(), home.resolve("import"));
        ingested = ingested.withoutBatch();
        System.gc(); // the records are written out: let the heap shrink before another server starts
        LoadCsvBaseline.Outcome loaded;
        try (BenchNeo4j.Process server =
                        BenchNeo4j.startProcess(home, pageCache, null, "4g", work.resolve("logs/load-csv-server.log"));
                Driver driver = GraphDatabase.driver(server.boltUri())) {
            new GraphWriter(driver).applySchema();
            loaded = LoadCsvBaseline.load(driver, files);
        }
        deleteTree(home);
        if (loaded.nodes() != ingested.nodes() || loaded.relationships() != ingested.relationships()) {
            report.note(String.format(
                    Locale.ROOT,
                    "LOAD CSV wrote %d nodes and %d relationships, ingest %d and %d: "
                            + "the baseline did not write the same graph.",
                    loaded.nodes(),
                    loaded.relationships(),
                    ingested.nodes(),
                    ingested.relationships()));
        }
        double loadCsvRate = loaded.records() / (loaded.millis() / 1000.0);
        double endToEnd = ingested.records() / (ingested.totalMillis() / 1000.0);
        double writeOnly = ingested.records() / (ingested.writeMillis() / 1000.0);
        String mode = ingested.records() > options.singleTransactionLimit()
                ? "in batches of " + options.batchSize() + " records by " + options.threads() + " threads"
                : "in one transaction";
        report.add(Figure.of(
                "ingest",
                "Ingest, files to graph (read, validate, write)",
                endToEnd,
                "records/s",
                "LOAD CSV of the same rows (server-side, IN TRANSACTIONS OF 10000 ROWS)",
                loadCsvRate,
                Target.atLeast(">= 1.0x LOAD CSV", 1.0, "x"),
                endToEnd / loadCsvRate,
                String.format(
                        Locale.ROOT,
                        "%,d nodes + %,d relationships: read %.1f s, validated %.1f s, written "
                                + "%.1f s %s over Bolt; LOAD CSV %.1f s reading %,d MB of CSV. Ingest reads YAML and "
                                + "CSV, merges the records of one id and checks every reference; LOAD CSV only parses "
                                + "and writes.",
                        ingested.nodes(),
                        ingested.relationships(),
                        ingested.readMillis() / 1000.0,
                        ingested.validateMillis() / 1000.0,
                        ingested.writeMillis() / 1000.0,
                        mode,
                        loaded.millis() / 1000.0,
                        loaded.csvBytes() >> 20)));
        report.add(Figure.of(
                "ingest",
                "Ingest, the write alone (records already read)",
                writeOnly,
                "records/s",
                "LOAD CSV of the same rows",
                loadCsvRate,
                null,
                0,
                "The write over Bolt against LOAD CSV's parse and write inside the server."));
    }

    private void export(Path store, Report report) {
        List<ExportBenchmark.Timed> timed;
        // APOC runs in a server process of its own: it installs a URL handler for the whole JVM it is loaded in
        // and the packaged site reads the same server over Bolt, as it reads an external database
        try (BenchNeo4j.Process server = BenchNeo4j.startProcess(
                        store, pageCacheMb * 1024L * 1024, apoc, "4g", work.resolve("logs/export-server.log"));
                Driver driver = GraphDatabase.driver(server.boltUri());
                AppProcess app = AppProcess.start(
                        appJar,
                        Map.of(
                                "neo4j.uri",
                                server.boltUri(),
                                "policygraph.load-default-data",
                                "false",
                                "policygraph.warm-up",
                                "false"),
                        List.of(),
                        work.resolve("logs/app-export.log"))) {
            app.awaitPage("/", Duration.ofMinutes(5));
            List<CypherScriptExport> exporters = List.of(new SiteCypherExport(app.base()), new ApocCypherExport());
            timed = ExportBenchmark.run(driver, exporters, exportRounds, work.resolve("export"));
        }
        ExportBenchmark.Timed ours = timed.get(0);
        ExportBenchmark.Timed apoc = timed.get(1);
        report.add(Figure.of(
                "export",
                "Cypher-script export (" + ours.name() + ")",
                ours.perSecond(),
                "records/s",
                apoc.name(),
                apoc.perSecond(),
                Target.atLeast(">= 1.0x APOC", 1.0, "x"),
                ours.perSecond() / apoc.perSecond(),
                String.format(
                        Locale.ROOT,
                        "The packaged site's GET /api/export?format=cypher (web.export: "
                                + "constraints first, UNWIND batches of 100 rows with MERGE on ids, read in keyset pages "
                                + "of 500 over Bolt, streamed over HTTP) against APOC in the database's own process, "
                                + "streamed over Bolt. Ours %.1f s, %,d MB; APOC %.1f s, %,d MB (CREATE statements, "
                                + "UNWIND batches of 20); fastest of %d runs each, taking turns; both written to a file.",
                        ours.millis() / 1000.0,
                        ours.bytes() >> 20,
                        apoc.millis() / 1000.0,
                        apoc.bytes() >> 20,
                        exportRounds)));
    }

    private void pages(
            GraphGenerator generator,
            Path store,
            Scale s,
            LoadGenerator load,
            Duration measure,
            Duration warm,
            Report report) {
        Map<String, String> props = new java.util.LinkedHashMap<>();
        props.put("policygraph.embedded.dir", store.toAbsolutePath().toString());
        if (appPageCacheMb != null) {
            props.put("policygraph.embedded.page-cache-mb", String.valueOf(appPageCacheMb));
        }
        try (AppProcess app = AppProcess.start(appJar, props, List.of(), work.resolve("logs/app-pages.log"))) {
            Duration first = app.awaitPage("/", Duration.ofMinutes(10));
            report.fact(
                    "appStartOnThisStore",
                    String.format(
                            Locale.ROOT,
                            "%.1f s to the first page on the %s store",
                            first.toMillis() / 1000.0,
                            s.label()));
            report.fact(
                    "appPageCache",
                    appPageCacheMb == null || appPageCacheMb == 256
                            ? "the app's default (256 MiB)"
                            : appPageCacheMb + " MiB (policygraph.embedded.page-cache-mb; the app's default is 256)");
            new PageBenchmark(load, measure, warm, connections)
                    .run(
                            app,
                            PageSamples.of(generator, seed, 2_000),
                            report,
                            String.format(Locale.ROOT, "%s graph", s));
            report.fact("appResidentAfterPages", String.format(Locale.ROOT, "%,d MB", app.residentBytes() >> 20));
        }
    }

    /** Cold start on the default data, first with the load of the default data, then on the store it made. */
    private void start(LoadGenerator load, Report report) throws IOException {
        Path store = work.resolve("default-data-store");
        deleteTree(store);
        Map<String, String> props =
                Map.of("policygraph.embedded.dir", store.toAbsolutePath().toString());
        Duration firstStart;
        try (AppProcess app = AppProcess.start(appJar, props, List.of(), work.resolve("logs/app-first-start.log"))) {
            firstStart = app.awaitPage("/", Duration.ofMinutes(5));
        }
        Duration coldStart;
        long resident;
        long peak;
        List<NodeRecord> nodes = Ingest.defaults().read(DataFiles.defaults()).nodes();
        try (AppProcess app = AppProcess.start(appJar, props, List.of(), work.resolve("logs/app-cold-start.log"))) {
            coldStart = app.awaitPage("/", Duration.ofMinutes(5));
            PageSamples samples = PageSamples.of(nodes, seed, 1_000);
            List<String> mix = new ArrayList<>();
            for (int i = 0; i < samples.entity().size(); i++) {
                mix.add(samples.entity().get(i));
                mix.add(samples.search().get(i));
                if (i < samples.paths().size()) {
                    mix.add(samples.paths().get(i));
                }
            }
            LoadResult warmed = load.run(app.base(), mix, 16, Duration.ofSeconds(Math.max(10, duration)));
            resident = app.residentBytes();
            peak = app.process().peakResidentBytes();
            report.fact(
                    "memoryLoad",
                    String.format(
                            Locale.ROOT,
                            "%,d requests (entity, search and path pages of the "
                                    + "default data) at 16 connections before reading RSS; %d errors",
                            warmed.requests(),
                            warmed.errors()));
        }
        Duration staticFloor = staticStart();
        report.add(Figure.of(
                "start",
                "Cold start to the first page, existing store (default data)",
                coldStart.toMillis() / 1000.0,
                "s",
                "the same app with an external database (no embedded Neo4j to start)",
                staticFloor == null ? null : staticFloor.toMillis() / 1000.0,
                Target.atMost("<= 5 s", 5, "s"),
                coldStart.toMillis() / 1000.0,
                "From the java command to the first 200 of /, as the README runs it (no JVM options). Most of it is the "
                        + "embedded Neo4j starting; the baseline is the web tier alone."));
        report.add(Figure.of(
                "start",
                "First start to the first page, loading the default data",
                firstStart.toMillis() / 1000.0,
                "s",
                "cold start on the existing store",
                coldStart.toMillis() / 1000.0,
                Target.atMost("<= 5 s", 5, "s"),
                firstStart.toMillis() / 1000.0,
                "An empty store: Neo4j creates it, the schema is applied, the default data (2,089 nodes, 2,668 "
                        + "relationships) is read, validated and written in one transaction."));
        report.add(Figure.of(
                "start",
                "Resident memory (RSS) on the default data, after load",
                resident / 1048576.0,
                "MiB",
                null,
                null,
                Target.atMost("<= 1 GiB", 1024, "MiB"),
                resident / 1048576.0,
                String.format(
                        Locale.ROOT,
                        "VmRSS from /proc/PID/status after the load (peak VmHWM %,d MiB); JVM "
                                + "defaults (no -Xmx: the heap may grow to a quarter of the machine's memory), embedded "
                                + "page cache 256 MiB.",
                        peak >> 20)));
    }

    /**
     * The web tier's own start: the app pointed at a Neo4j already running in another process, so no embedded
     * server starts. Null if that cannot be measured.
     */
    private Duration staticStart() throws IOException {
        Path home = work.resolve("external-for-start");
        deleteTree(home);
        try (ChildProcess server = ChildProcess.start(
                ChildProcess.java(
                        "-Xmx1g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.policygraph.data.StandaloneNeo4j",
                        home.resolve("db").toString(),
                        String.valueOf(ChildProcess.freePort())),
                Map.of(),
                work.resolve("logs/external-for-start.log"),
                "READY ")) {
            String uri = server.awaitReady(Duration.ofMinutes(2));
            Map<String, String> props = Map.of("neo4j.uri", uri, "policygraph.load-default-data", "false");
            try (AppProcess app = AppProcess.start(appJar, props, List.of(), work.resolve("logs/app-external.log"))) {
                return app.awaitPage("/", Duration.ofMinutes(2));
            }
        } catch (RuntimeException e) {
            LOG.warnf("cannot measure the web tier's own start: %s", e.getMessage());
            return null;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
