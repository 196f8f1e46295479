package org.policygraph.web.cypher;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.policygraph.data.ConsoleNeo4j;
import org.policygraph.model.schema.SchemaScripts;

/**
 * Where console queries run. With {@code policygraph.console.isolation=process} (the default) that is a Neo4j of the
 * console's own ({@link ConsoleNeo4j}): a child process, started at the first console query, holding a copy of the
 * site's graph, with a heap, transaction memory caps and a lower CPU priority of its own. A watchdog kills it when a
 * query runs past its timeout plus {@code kill-after}, and after any query the server stopped for its time or memory
 * (Neo4j marks such a transaction as ended but may go on computing an expression that never reaches a check): killing
 * the process is the one way to be sure no CPU and no memory stays spent on it. The next console query starts a
 * fresh process (and waits for it at most {@code start-wait}, else it is answered 503 with {@code Retry-After}). The site's pages never run there, so they never share a runaway query's fate.
 *
 * <p>A killed process leaves its store behind, and the next process starts on it when the site's graph has not
 * changed since the copy was made: its queries only read, so what is on disk is the copy, and Neo4j's recovery
 * brings it back within seconds, where copying the graph again over Bolt takes tens of seconds (and a hostile user
 * kills the process over and over). The kept store is checked (its node and relationship counts) before it answers;
 * if it fails, it is deleted and a fresh copy is made.
 *
 * <p>The copy is refreshed when the site's graph changes (its version, see {@code GraphVersion}, or its node or
 * relationship count), checked at most every ten seconds. The copy holds the entities and their relationships, not
 * the version node; {@link #copiedVersion()} says which version it was made from. With {@code isolation=shared} console queries run on the site's own driver.
 */
@ApplicationScoped
public class ConsoleDatabase {

    /** Every node but the graph's version node, which is not an entity (the copy's version is kept here instead). */
    private static final String COPY_NODES = """
            MATCH (n) WHERE NOT n:GraphVersion RETURN labels(n) AS labels, properties(n) AS props
            """;

    private static final String COPY_RELATIONSHIPS = """
            MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL
            RETURN a.id AS a, b.id AS b, type(r) AS type, properties(r) AS props
            """;
    private static final String SIGNATURE = """
            OPTIONAL MATCH (v:GraphVersion)
            RETURN coalesce(max(v.version), 0) AS version, COUNT { (n) } AS nodes, COUNT { ()-[r]->() } AS relationships
            """;
    private static final int BATCH = 2_000;
    private static final org.neo4j.driver.TransactionConfig COPY_TX = org.neo4j.driver.TransactionConfig.builder()
            .withTimeout(Duration.ofMinutes(5))
            .build();
    private static final Duration CHECK_EVERY = Duration.ofSeconds(10);

    private final Driver site;
    private final ConsoleConfig config;
    private final Map<Long, Lease> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "policygraph-console-watchdog");
        t.setDaemon(true);
        return t;
    });
    private long nextLease;

    private java.util.concurrent.CompletableFuture<Child> starting;
    /** The copy that keeps answering while a new one is made after the graph changed, or null. */
    private Child previous;

    private volatile String copiedSignature;
    private volatile long copiedVersion = -1;
    private long checkedAt;
    private volatile int restarts;
    /** The store a killed console Neo4j left, for the next start while the site's graph is unchanged; or null. */
    private Spare spare;

    private volatile int reusedStores;

    ConsoleDatabase(Driver site, ConsoleConfig config) {
        this.site = site;
        this.config = config;
        long period = 200;
        watchdog.scheduleWithFixedDelay(this::watch, period, period, TimeUnit.MILLISECONDS);
    }

    /** A console query in flight: the driver it runs on, and whether the watchdog killed its process. */
    public final class Lease implements AutoCloseable {
        private final long id;
        private final long started = System.nanoTime();
        private final Driver driver;
        private final Child owner;
        private volatile boolean killed;

        private Lease(long id, Driver driver, Child owner) {
            this.id = id;
            this.driver = driver;
            this.owner = owner;
        }

        public Driver driver() {
            return driver;
        }

        /** Whether the watchdog ended the query's process because the query outlived its deadline. */
        public boolean killed() {
            return killed;
        }

        /**
         * The server stopped the query for its time or memory: its process may still be computing it, so it is
         * killed now; the next query gets a fresh one.
         */
        public void stoppedByServer() {
            if (owner != null) {
                kill(owner, "a query was stopped by the server for its time or memory");
            }
        }

        @Override
        public void close() {
            running.remove(id);
        }
    }

    /**
     * Takes a driver for one console query; the query must run inside the lease, and close it after. While the
     * console's own Neo4j starts (or restarts after a kill) a query waits for it at most {@code start-wait}, then is
     * answered 503 with {@code Retry-After}: never queued behind a start for long.
     */
    public Lease lease() {
        if (config.isolation() == ConsoleConfig.Isolation.SHARED) {
            return register(site, null);
        }
        java.util.concurrent.CompletableFuture<Child> future = current();
        Child c;
        try {
            c = future.get(config.startWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw QueryException.starting("The console's own database is starting (it restarts after a query that "
                    + "outlived its deadline); try again in a few seconds.");
        } catch (java.util.concurrent.ExecutionException e) {
            synchronized (this) {
                if (starting == future) {
                    starting = null;
                }
            }
            throw new IllegalStateException(
                    "the console's Neo4j could not start: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QueryException.starting("The console's own database is starting; try again in a few seconds.");
        }
        return register(c.driver, c);
    }

    /**
     * Whether the lease's process died while its query ran (it ran out of heap: the process exits on an
     * OutOfMemoryError rather than stay sick). Waits a moment for the process to be gone.
     */
    public boolean died(Lease lease) {
        if (lease.owner == null) {
            return false;
        }
        try {
            lease.owner.process.waitFor(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !lease.owner.process.isAlive();
    }

    /**
     * Makes the console's copy of the graph again now (after a write the count check would not see, or in tests);
     * queries running on the old copy are ended with it.
     */
    public void refresh() {
        Child c;
        Child old;
        synchronized (this) {
            c = started();
            old = previous;
            previous = null;
            copiedSignature = null;
            checkedAt = 0;
            dropSpare();
        }
        if (c != null) {
            c.close();
        }
        if (old != null) {
            old.close();
        }
    }

    /**
     * The running console Neo4j, or the start of a new one (begun here if none is under way). When the site's graph
     * changed, the new copy is made while the old one keeps answering; the old one is closed once the new one is
     * ready and no query runs on it.
     */
    private synchronized java.util.concurrent.CompletableFuture<Child> current() {
        if (starting != null && !starting.isDone()) {
            if (previous != null && previous.process.isAlive()) {
                return java.util.concurrent.CompletableFuture.completedFuture(previous);
            }
            return starting;
        }
        retirePrevious();
        Child c = started();
        if (c != null && c.process.isAlive()) {
            long now = System.nanoTime();
            if (now - checkedAt > CHECK_EVERY.toNanos() && running.isEmpty()) {
                checkedAt = now;
                if (!signature().equals(copiedSignature)) {
                    Log.info("the site's graph changed; a new copy is made, and the old one answers until it is ready");
                    if (previous != null) {
                        previous.close();
                    }
                    previous = c;
                    startNext();
                    return java.util.concurrent.CompletableFuture.completedFuture(c);
                }
            }
            return starting;
        } else if (c != null) {
            keep(c);
        }
        return startNext();
    }

    /** Closes the copy that answered while a new one was made, once the new one is ready and nothing runs on it. */
    private void retirePrevious() {
        if (previous == null) {
            return;
        }
        Child old = previous;
        if (started() == null && old.process.isAlive()) {
            return; // the new copy failed to start: the old one answers while another attempt is made
        }
        boolean busy = running.values().stream().anyMatch(lease -> lease.owner == old);
        if (!busy || !old.process.isAlive()) {
            previous = null;
            old.close();
        }
    }

    private java.util.concurrent.CompletableFuture<Child> startNext() {
        java.util.concurrent.CompletableFuture<Child> next = new java.util.concurrent.CompletableFuture<>();
        starting = next;
        Thread t = new Thread(
                () -> {
                    try {
                        next.complete(start());
                    } catch (RuntimeException | Error e) {
                        Log.warnf("cannot start the console's Neo4j: %s", e.getMessage());
                        next.completeExceptionally(e);
                    }
                },
                "policygraph-console-start");
        t.setDaemon(true);
        t.start();
        return next;
    }

    private synchronized Lease register(Driver driver, Child owner) {
        Lease lease = new Lease(nextLease++, driver, owner);
        running.put(lease.id, lease);
        return lease;
    }

    /** The process id of the console's Neo4j, if one runs (tests measure its CPU). */
    /** The console Neo4j started, or null while none is (or its start failed). */
    private synchronized Child started() {
        if (starting == null || !starting.isDone() || starting.isCompletedExceptionally()) {
            return null;
        }
        return starting.getNow(null);
    }

    public synchronized java.util.OptionalLong processId() {
        Child c = started();
        return c != null && c.process.isAlive()
                ? java.util.OptionalLong.of(c.process.pid())
                : java.util.OptionalLong.empty();
    }

    /** Waits until the console's Neo4j is up (tests, after a kill); false if it is not within the time given. */
    public boolean awaitReady(Duration within) {
        if (config.isolation() == ConsoleConfig.Isolation.SHARED) {
            return true;
        }
        try {
            Child c = current().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return c.process.isAlive();
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * The graph version the console's copy was made from, or -1 when there is no copy ({@code isolation=shared},
     * or none made yet): console answers carry it.
     */
    public long copiedVersion() {
        return config.isolation() == ConsoleConfig.Isolation.SHARED || started() == null ? -1 : copiedVersion;
    }

    /** How many times the console's Neo4j was killed since the app started. */
    public int restarts() {
        return restarts;
    }

    /** How many times a console Neo4j started on the store a killed one left, instead of a new copy. */
    public int reusedStores() {
        return reusedStores;
    }

    /** Keeps the store of a console Neo4j that is gone, for the next start; a store kept before is deleted. */
    private synchronized void keep(Child dead) {
        Spare kept = dead.stopKeepingStore();
        dropSpare();
        spare = kept;
    }

    /** Deletes the store a killed console Neo4j left, if one is kept. */
    private synchronized void dropSpare() {
        if (spare != null) {
            Child.delete(spare.dir());
            spare = null;
        }
    }

    private String signature() {
        try (var session = site.session()) {
            var r = session.executeRead(tx -> tx.run(SIGNATURE).single());
            return r.get("version").asLong() + "/" + r.get("nodes").asLong() + "/"
                    + r.get("relationships").asLong();
        }
    }

    private void watch() {
        long deadline = config.timeout().plus(config.killAfter()).toNanos();
        long now = System.nanoTime();
        for (Lease lease : running.values()) {
            if (lease.owner != null && !lease.killed && now - lease.started > deadline) {
                lease.killed = true;
                kill(lease.owner, "a query ran past its deadline");
            }
        }
    }

    private void kill(Child victim, String why) {
        synchronized (this) {
            for (Lease l : running.values()) {
                if (l.owner == victim) {
                    l.killed = true;
                }
            }
        }
        if (victim.process.isAlive()) {
            Log.warnf("killing the console's Neo4j (pid %d): %s", victim.process.pid(), why);
            victim.process.destroyForcibly();
            try {
                victim.process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            restarts++;
            // the next console query starts a fresh one: not now, so that the copy of the graph it makes does not
            // compete with the site's pages while a hostile user keeps the console busy
        }
    }

    /**
     * Starts the console's Neo4j: on the store a killed one left when the site's graph is unchanged since, else on a
     * new directory into which it copies the site's graph.
     */
    private Child start() {
        Spare reuse;
        synchronized (this) {
            reuse = spare;
            spare = null;
        }
        if (reuse != null) {
            if (reuse.signature().equals(signature())) {
                try {
                    Child c = launch(reuse.dir(), reuse);
                    reusedStores++;
                    return c;
                } catch (RuntimeException e) {
                    Log.warnf(
                            "the store a killed console Neo4j left cannot be used (%s); a new copy is made",
                            e.getMessage());
                }
            }
            Child.delete(reuse.dir());
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("policygraph-console-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the console's Neo4j", e);
        }
        return launch(dir, null);
    }

    /** Starts a console Neo4j on the directory; copies the site's graph into it unless it holds the kept copy. */
    private Child launch(Path dir, Spare reuse) {
        long t0 = System.nanoTime();
        int port = freePort();
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            command.addAll(List.of("/usr/bin/nice", "-n", "10"));
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + config.processHeap(),
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xss1m",
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp",
                classpath(),
                ConsoleNeo4j.class.getName(),
                dir.toString(),
                String.valueOf(port),
                String.valueOf(config.timeout().toMillis()),
                String.valueOf(config.transactionMemory().asLongValue()),
                String.valueOf(config.totalTransactionMemory().asLongValue())));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(ConsoleNeo4j.PASSWORD_VARIABLE, password);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the console's Neo4j", e);
        }
        String uri = awaitReady(process);
        long started = System.nanoTime();
        Driver driver = GraphDatabase.driver(
                uri,
                AuthTokens.basic("neo4j", password),
                Config.builder()
                        .withMaxConnectionPoolSize(config.maxConcurrent() + 2)
                        .withConnectionAcquisitionTimeout(5, TimeUnit.SECONDS)
                        // a few records at a time: the byte cap is counted as records arrive
                        .withFetchSize(8)
                        .withLogging(org.neo4j.driver.Logging.none())
                        .build());
        Child c;
        try {
            if (reuse == null) {
                String signature = copy(driver);
                long[] counts = counts(driver);
                c = new Child(process, driver, dir, signature, counts[0], counts[1]);
            } else {
                long[] counts = counts(driver);
                if (counts[0] != reuse.nodes() || counts[1] != reuse.relationships()) {
                    throw new IllegalStateException("it holds " + counts[0] + " nodes and " + counts[1]
                            + " relationships, where the copy held " + reuse.nodes() + " and " + reuse.relationships());
                }
                c = new Child(process, driver, dir, reuse.signature(), reuse.nodes(), reuse.relationships());
            }
            copiedSignature = c.signature();
            copiedVersion =
                    Long.parseLong(c.signature().substring(0, c.signature().indexOf('/')));
            checkedAt = System.nanoTime();
        } catch (RuntimeException e) {
            new Child(process, driver, dir, "", 0, 0).close();
            throw e;
        }
        Log.infof(
                "the console's Neo4j (pid %d) is ready with %s, in %d ms (start %d ms, %s %d ms)",
                process.pid(),
                reuse == null ? "a copy of the graph" : "the store the last one left",
                (System.nanoTime() - t0) / 1_000_000,
                (started - t0) / 1_000_000,
                reuse == null ? "copy" : "check",
                (System.nanoTime() - started) / 1_000_000);
        return c;
    }

    /** The nodes and relationships in a console Neo4j. */
    private static long[] counts(Driver driver) {
        try (var session = driver.session()) {
            var r = session.executeRead(
                    tx -> tx.run("RETURN COUNT { (n) } AS nodes, COUNT { ()-[r]->() } AS relationships")
                            .single());
            return new long[] {r.get("nodes").asLong(), r.get("relationships").asLong()};
        }
    }

    private static String awaitReady(Process process) {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        try {
            String line;
            while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
                if (line.startsWith("READY ")) {
                    Thread drain = new Thread(
                            () -> {
                                try {
                                    while (out.readLine() != null) {
                                        // the child's log: read so that its pipe never fills
                                    }
                                } catch (IOException ignored) {
                                    // the process ended
                                }
                            },
                            "policygraph-console-log");
                    drain.setDaemon(true);
                    drain.start();
                    return line.substring("READY ".length()).strip();
                }
                if (seen.length() < 4000) {
                    seen.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's Neo4j output", e);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the console's Neo4j did not start:\n" + seen);
    }

    /** Copies every node and relationship of the site's graph, and the schema, into the console's database. */
    private String copy(Driver target) {
        String signature = signature();
        try (var from = site.session();
                var to = target.session()) {
            from.executeRead(tx -> {
                Map<List<String>, List<Value>> byLabels = new LinkedHashMap<>();
                int[] pending = {0};
                tx.run(COPY_NODES).forEachRemaining(r -> {
                    List<String> labels = r.get("labels").asList(Value::asString);
                    byLabels.computeIfAbsent(labels, k -> new ArrayList<>()).add(r.get("props"));
                    if (++pending[0] >= BATCH) {
                        writeNodes(to, byLabels);
                        pending[0] = 0;
                    }
                });
                writeNodes(to, byLabels);
                return null;
            });
            // the schema after the nodes: indexes populate faster in one go than node by node
            for (String statement : SchemaScripts.allStatements()) {
                to.run(statement).consume();
            }
            to.run("CALL db.awaitIndexes(300)").consume();
            from.executeRead(tx -> {
                Map<String, List<Value>> byType = new LinkedHashMap<>();
                int[] pending = {0};
                tx.run(COPY_RELATIONSHIPS).forEachRemaining(r -> {
                    byType.computeIfAbsent(r.get("type").asString(), k -> new ArrayList<>())
                            .add(Values.value(Map.of(
                                    "a",
                                    r.get("a").asObject(),
                                    "b",
                                    r.get("b").asObject(),
                                    "props",
                                    r.get("props").asMap())));
                    if (++pending[0] >= BATCH) {
                        writeRelationships(to, byType);
                        pending[0] = 0;
                    }
                });
                writeRelationships(to, byType);
                return null;
            });
        }
        return signature;
    }

    private static void writeNodes(org.neo4j.driver.Session to, Map<List<String>, List<Value>> byLabels) {
        byLabels.forEach((labels, rows) -> {
            if (rows.isEmpty()) {
                return;
            }
            String label = labels.isEmpty()
                    ? ""
                    : labels.stream().map(ConsoleDatabase::quote).collect(Collectors.joining(":", ":", ""));
            to.executeWrite(
                    tx -> tx.run(
                                    "UNWIND $rows AS props CREATE (n" + label + ") SET n = props",
                                    Map.of("rows", List.copyOf(rows)))
                            .consume(),
                    COPY_TX);
            rows.clear();
        });
    }

    private static void writeRelationships(org.neo4j.driver.Session to, Map<String, List<Value>> byType) {
        byType.forEach((type, rows) -> {
            if (rows.isEmpty()) {
                return;
            }
            to.executeWrite(
                    tx -> tx.run(
                                    "UNWIND $rows AS row MATCH (a:Entity {id: row.a}) MATCH (b:Entity {id: row.b}) "
                                            + "CREATE (a)-[r:" + quote(type) + "]->(b) SET r = row.props",
                                    Map.of("rows", List.copyOf(rows)))
                            .consume(),
                    COPY_TX);
            rows.clear();
        });
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /**
     * The classpath of the app's own libraries: in the packaged app the directory of the jars holding Neo4j and
     * PolicyGraph's data module (Quarkus' launcher jar does not list them); in tests, the JVM's own classpath.
     */
    private static String classpath() {
        Set<String> entries = new java.util.LinkedHashSet<>();
        for (Class<?> c : List.of(
                ConsoleNeo4j.class,
                org.neo4j.graphdb.GraphDatabaseService.class,
                org.neo4j.dbms.api.DatabaseManagementServiceBuilder.class)) {
            try {
                Path location = Path.of(
                        c.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isRegularFile(location)
                        && location.getParent() != null
                        && location.getParent().getFileName().toString().equals("main")
                        && location.getParent().getParent() != null
                        && location.getParent()
                                .getParent()
                                .getFileName()
                                .toString()
                                .equals("lib")) {
                    entries.add(location.getParent() + "/*");
                } else {
                    entries.add(location.toString());
                }
            } catch (Exception e) {
                // fall back on the JVM's classpath below
            }
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port for the console's Neo4j", e);
        }
    }

    /** After the default data is loaded (DatabaseBootstrap observes at the default priority). */
    void start(
            @Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000)
                    io.quarkus.runtime.StartupEvent event) {
        if (config.isolation() == ConsoleConfig.Isolation.PROCESS && config.startAtBoot()) {
            watchdog.execute(this::current);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        watchdog.shutdownNow();
        java.util.concurrent.CompletableFuture<Child> s = starting;
        if (s != null) {
            s.thenAccept(Child::close);
        }
        dropSpare();
    }

    /** The store a console Neo4j left: its directory, the site's graph signature it was copied at, its counts. */
    private record Spare(Path dir, String signature, long nodes, long relationships) {}

    /** A running console Neo4j. */
    private record Child(Process process, Driver driver, Path dir, String signature, long nodes, long relationships) {
        void close() {
            stopKeepingStore();
            delete(dir);
        }

        /** Ends the process (if it still runs) and returns its store for a later start, or null if it still runs. */
        Spare stopKeepingStore() {
            try {
                driver.close();
            } catch (RuntimeException ignored) {
                // the process may be gone already
            }
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (process.isAlive() || signature.isEmpty()) {
                delete(dir);
                return null;
            }
            return new Spare(dir, signature, nodes, relationships);
        }

        static void delete(Path dir) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // a temporary directory; the OS cleans it up eventually
            }
        }
    }
}
