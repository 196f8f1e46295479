package org.policygraph.data;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Neo4j Community server running inside this JVM, reachable over Bolt on 127.0.0.1 only, with authentication
 * off (nothing outside this machine can reach it) and file URLs disallowed (so {@code LOAD CSV} cannot read local
 * files). Clients talk to it through the Neo4j Java driver like to any other server.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private final DatabaseManagementService service;
    private final Path home;
    private final int boltPort;

    private EmbeddedNeo4j(DatabaseManagementService service, Path home, int boltPort) {
        this.service = service;
        this.home = home;
        this.boltPort = boltPort;
    }

    /** The page cache of a server started without saying: enough for the default data many times over. */
    public static final long DEFAULT_PAGE_CACHE_BYTES = 256L * 1024 * 1024;

    /**
     * Starts a server on a store directory, creating it if needed, with the default page cache.
     *
     * @param home     the store directory
     * @param boltPort the Bolt port on 127.0.0.1, or 0 for a free one
     */
    public static EmbeddedNeo4j start(Path home, int boltPort) {
        return start(home, boltPort, DEFAULT_PAGE_CACHE_BYTES);
    }

    /**
     * The product's server settings, not yet built: Bolt on 127.0.0.1 only without encryption, no HTTP, no
     * authentication, no file URLs (LOAD CSV cannot read the disk), the page cache given, a 10-minute transaction
     * timeout and a quick shutdown. The benchmarks build their own servers from these, changing only what they must.
     *
     * @param home           the store directory
     * @param port           the Bolt port on 127.0.0.1
     * @param pageCacheBytes the page cache
     */
    public static DatabaseManagementServiceBuilder configure(Path home, int port, long pageCacheBytes) {
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(200))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(200));
    }

    /**
     * Starts a server on a store directory, creating it if needed.
     *
     * @param home           the store directory
     * @param boltPort       the Bolt port on 127.0.0.1, or 0 for a free one
     * @param pageCacheBytes the page cache: the store's hot part should fit (a million-model store is gigabytes)
     */
    public static EmbeddedNeo4j start(Path home, int boltPort, long pageCacheBytes) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the embedded Neo4j directory " + home, e);
        }
        int port = boltPort > 0 ? boltPort : freePort();
        DatabaseManagementService service = configure(home, port, pageCacheBytes).build();
        // fail fast if the default database did not come up
        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        db.executeTransactionally("RETURN 1");
        return new EmbeddedNeo4j(service, home, port);
    }

    /** The Bolt URI clients use, e.g. {@code bolt://127.0.0.1:7687}. */
    public String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    public int boltPort() {
        return boltPort;
    }

    public Path home() {
        return home;
    }

    /** The default database, for tools in this JVM that need more than Bolt (tests, benchmarks). */
    public GraphDatabaseService database() {
        return service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    @Override
    public void close() {
        service.shutdown();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port for Bolt", e);
        }
    }
}
