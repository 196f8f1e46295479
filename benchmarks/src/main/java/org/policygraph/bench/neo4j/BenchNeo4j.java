package org.policygraph.bench.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.policygraph.bench.process.ChildProcess;
import org.policygraph.data.EmbeddedNeo4j;
import org.policygraph.data.StandaloneNeo4j;

/**
 * A Neo4j Community server inside the benchmark's JVM, configured as the product's embedded server is (Bolt on
 * 127.0.0.1, no authentication, the same store layout, so the packaged app can open its store afterwards), except
 * that {@code LOAD CSV} may read its import folder and, when given APOC's jars, it loads them as plugins with
 * {@code apoc.*} unrestricted. The product's server never does either.
 */
public final class BenchNeo4j implements AutoCloseable {

    private final DatabaseManagementService service;
    private final Path home;
    private final int port;

    private BenchNeo4j(DatabaseManagementService service, Path home, int port) {
        this.service = service;
        this.home = home;
        this.port = port;
    }

    /**
     * Starts a server.
     *
     * @param home           the server's folder (store under {@code data/}, files for LOAD CSV under {@code import/})
     * @param pageCacheBytes the page cache
     * @param apoc           a folder holding APOC's jars in {@code plugins/} and what it needs in {@code lib/} (both
     *                       must also be on this JVM's class path: see {@link #startProcess}), or null for a server
     *                       without APOC
     */
    public static BenchNeo4j start(Path home, long pageCacheBytes, Path apoc) {
        int port = ChildProcess.freePort();
        try {
            Files.createDirectories(home.resolve("import"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the benchmark database in " + home, e);
        }
        // the product's settings, but LOAD CSV may read the import folder, and transactions may run for hours
        DatabaseManagementServiceBuilder builder = EmbeddedNeo4j.configure(home, port, pageCacheBytes)
                .setConfig(GraphDatabaseSettings.allow_file_urls, true)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, home.resolve("import"))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofHours(2));
        if (apoc != null) {
            // APOC's own folder, never one in the store's home: the app opens that home afterwards, and must not
            // load APOC
            builder.setConfig(
                    GraphDatabaseSettings.plugin_dir, apoc.resolve("plugins").toAbsolutePath());
            builder.setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"));
        }
        DatabaseManagementService service = builder.build();
        service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        return new BenchNeo4j(service, home, port);
    }

    /** A benchmark server running in its own process. */
    public record Process(org.policygraph.bench.process.ChildProcess process, String boltUri) implements AutoCloseable {
        @Override
        public void close() {
            process.stop(Duration.ofMinutes(2));
        }
    }

    /**
     * Starts a benchmark server in its own JVM (this one's class path): for the LOAD CSV baseline, which should start
     * as cold as the ingest it is compared with, and for APOC, which installs a URL handler for the whole JVM it runs
     * in and must stay out of the benchmark's own.
     *
     * @param apoc the folder of APOC's jars ({@code plugins/}) and what they need ({@code lib/}), or null
     * @param heap the server's -Xmx, e.g. {@code 4g}
     * @param log  where its output goes
     */
    public static Process startProcess(Path home, long pageCacheBytes, Path apoc, String heap, Path log) {
        StringBuilder classPath = new StringBuilder(System.getProperty("java.class.path"));
        if (apoc != null) {
            for (String sub : java.util.List.of("plugins", "lib")) {
                try (Stream<Path> jars = Files.list(apoc.resolve(sub))) {
                    jars.filter(p -> p.toString().endsWith(".jar"))
                            .forEach(j ->
                                    classPath.append(java.io.File.pathSeparator).append(j.toAbsolutePath()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list APOC's jars in " + apoc.resolve(sub), e);
                }
            }
        }
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "-Xmx" + heap,
                "-Dorg.jboss.logging.provider=jdk",
                "-cp",
                classPath.toString(),
                BenchNeo4j.class.getName(),
                home.toAbsolutePath().toString(),
                String.valueOf(pageCacheBytes)));
        if (apoc != null) {
            args.add(apoc.toAbsolutePath().toString());
        }
        var child = org.policygraph.bench.process.ChildProcess.start(
                org.policygraph.bench.process.ChildProcess.java(args.toArray(String[]::new)),
                java.util.Map.of(),
                log,
                "READY ");
        try {
            return new Process(child, child.awaitReady(Duration.ofMinutes(10)));
        } catch (RuntimeException e) {
            child.kill();
            throw e;
        }
    }

    /**
     * Runs a benchmark server as its own process: {@code BenchNeo4j HOME PAGE_CACHE_BYTES [APOC_FOLDER]}; prints
     * {@code READY bolt://127.0.0.1:PORT} once it answers and stops on SIGTERM. The LOAD CSV baseline runs in such a
     * fresh process, so that it starts as cold as the ingest it is compared with.
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: BenchNeo4j HOME PAGE_CACHE_BYTES [APOC_FOLDER]");
            System.exit(2);
        }
        BenchNeo4j neo4j = start(Path.of(args[0]), Long.parseLong(args[1]), args.length > 2 ? Path.of(args[2]) : null);
        StandaloneNeo4j.serveUntilStopped(neo4j::close, neo4j.boltUri());
    }

    /** The Bolt URI. */
    public String boltUri() {
        return "bolt://127.0.0.1:" + port;
    }

    /** The server's folder; the packaged app opens it as {@code policygraph.embedded.dir}. */
    public Path home() {
        return home;
    }

    /** Where {@code LOAD CSV} reads {@code file:///name.csv}. */
    public Path importFolder() {
        return home.resolve("import");
    }

    @Override
    public void close() {
        service.shutdown();
    }
}
