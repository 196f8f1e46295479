package org.policygraph.web.cache;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionConfig;
import org.policygraph.model.GraphVersionNode;

/**
 * The graph's version as the site last read it ({@link GraphVersionNode}, the node ingest bumps on every write that
 * changes the graph), polled every {@code policygraph.cache.poll-interval} (2 s): a write by the app's own first load,
 * by the {@code ingest} command through Bolt, or by another app instance on a shared external server is seen within
 * that time. When it changes, the page cache is emptied. While the database cannot be read the version is unknown
 * ({@link #UNKNOWN}): the cache is emptied and bypassed, so that pages say the database is unavailable (503) rather
 * than serve what they held, and it fills again once the database answers.
 */
@ApplicationScoped
public class GraphVersionWatch {

    /** The version while the database cannot be read (or before the first read). */
    public static final long UNKNOWN = -1;

    private static final TransactionConfig POLL =
            TransactionConfig.builder().withTimeout(Duration.ofSeconds(5)).build();

    private final Driver driver;
    private final CacheConfig config;
    private final PageCache cache;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "policygraph-version-poll");
        t.setDaemon(true);
        return t;
    });
    private volatile long current = UNKNOWN;

    GraphVersionWatch(Driver driver, CacheConfig config, PageCache cache) {
        this.driver = driver;
        this.config = config;
        this.cache = cache;
    }

    /** The version last read, or {@link #UNKNOWN}. */
    public long current() {
        return current;
    }

    /** Reads the version now; empties the cache when it changed. */
    public synchronized long poll() {
        long read;
        try (var session = driver.session()) {
            read = session.executeRead(
                    tx -> tx.run(GraphVersionNode.READ).single().get("version").asLong(), POLL);
        } catch (RuntimeException e) {
            if (current != UNKNOWN) {
                Log.warnf(
                        "cannot read the graph's version (%s); the page cache is bypassed until it can",
                        e.getMessage());
            }
            read = UNKNOWN;
        }
        if (read != current) {
            cache.clear();
            if (read != UNKNOWN) {
                Log.infof(
                        "the graph's version is %d (was %s); the page cache is emptied",
                        read, current == UNKNOWN ? "unknown" : String.valueOf(current));
            }
            current = read;
        }
        return read;
    }

    /** After the default data is loaded (DatabaseBootstrap observes at the default priority). */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        poll();
        long every = Math.max(50, config.pollInterval().toMillis());
        poller.scheduleWithFixedDelay(this::pollQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            Log.warnf("the graph's version poll failed: %s", e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        poller.shutdownNow();
    }
}
