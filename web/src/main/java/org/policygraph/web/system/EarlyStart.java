package org.policygraph.web.system;

import io.quarkus.logging.Log;
import org.policygraph.data.EmbeddedNeo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the embedded Neo4j in a thread of its own as soon as the JVM runs {@link PolicyGraphMain}, while Quarkus
 * boots the web tier beside it: on 2 cores the two take about 3 s and 2 s, one after the other before. The
 * settings are read the way Quarkus reads them for the packaged app (system property, environment variable,
 * {@code %prod.} then plain key in {@code application.properties}); {@link DatabaseProducer} then takes the server
 * only if its own configuration asks for exactly this one, and otherwise closes it and starts its own. Nothing is
 * started early when {@code NEO4J_URI} is set, or when the store is to be wiped at start.
 */
public final class EarlyStart {

    /** What was started, with what. */
    private record Started(Path dir, int requestedPort, long pageCacheBytes, long startNanos,
                           CompletableFuture<EmbeddedNeo4j> server) {
    }

    private static volatile Started started;

    private EarlyStart() {
    }

    /** Begins the start if the settings say the embedded server is wanted; returns at once. */
    static void begin() {
        Properties app = new Properties();
        try (InputStream in = EarlyStart.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                app.load(in);
            }
        } catch (IOException e) {
            return; // Quarkus will report it
        }
        if (setting(app, "neo4j.uri").filter(s -> !s.isBlank()).isPresent()
                || setting(app, "policygraph.embedded.wipe-on-start").map(Boolean::parseBoolean).orElse(false)) {
            return;
        }
        try {
            Path dir = Path.of(setting(app, "policygraph.embedded.dir").orElse("policygraph-db")).toAbsolutePath();
            int port = Integer.parseInt(setting(app, "policygraph.embedded.bolt-port").orElse("0").strip());
            long pageCache = Long.parseLong(setting(app, "policygraph.embedded.page-cache-mb").orElse("256").strip())
                    * 1024L * 1024;
            long start = System.nanoTime();
            CompletableFuture<EmbeddedNeo4j> server = CompletableFuture.supplyAsync(
                    () -> EmbeddedNeo4j.start(dir, port, pageCache), runnable -> {
                        Thread t = new Thread(runnable, "policygraph-early-neo4j");
                        t.setDaemon(true);
                        t.start();
                    });
            started = new Started(dir, port, pageCache, start, server);
        } catch (RuntimeException e) {
            // a malformed setting: Quarkus's own validation reports it, and the producer starts the server itself
        }
    }

    /**
     * The server begun early, if it was started with exactly these settings; a server started with others is
     * closed. Waits for the start to finish.
     */
    static Optional<EmbeddedNeo4j> take(Path dir, int port, long pageCacheBytes) {
        Started s = started;
        started = null;
        if (s == null) {
            return Optional.empty();
        }
        EmbeddedNeo4j server;
        try {
            server = s.server().join();
        } catch (RuntimeException e) {
            Log.debugf("the early start of the embedded Neo4j failed (%s); starting it again", e.getMessage());
            return Optional.empty();
        }
        boolean same = s.dir().equals(dir.toAbsolutePath()) && s.pageCacheBytes() == pageCacheBytes
                && (port == 0 ? s.requestedPort() == 0 : server.boltPort() == port);
        if (!same) {
            Log.infof("the embedded Neo4j begun early in %s does not match the configuration; closing it", s.dir());
            server.close();
            return Optional.empty();
        }
        Log.infof("the embedded Neo4j was started beside the web tier, ready %d ms after the JVM began it",
                (System.nanoTime() - s.startNanos()) / 1_000_000);
        return Optional.of(server);
    }

    /** Closes a server begun early that the configuration does not want (it names an external database). */
    static void discard() {
        Started s = started;
        started = null;
        if (s != null) {
            try {
                s.server().join().close();
            } catch (RuntimeException e) {
                // it did not start: nothing to close
            }
        }
    }

    private static Optional<String> setting(Properties app, String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        if (value == null) {
            value = app.getProperty("%prod." + key, app.getProperty(key));
        }
        return Optional.ofNullable(value);
    }
}
