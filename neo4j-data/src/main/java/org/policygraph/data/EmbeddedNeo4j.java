package org.policygraph.data;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * A Neo4j Community server running inside this JVM, reachable over Bolt on 127.0.0.1 only, with file URLs
 * disallowed (so {@code LOAD CSV} cannot read local files). Clients talk to it through the Neo4j Java driver like
 * to any other server.
 *
 * <p>Bolt asks for a password, so that other users and processes on the machine cannot read or write the graph:
 * at the first start on a store, a random password is set for the user {@code neo4j} (through the system
 * database, while Bolt is still closed) and kept in {@value #CREDENTIALS_FILE} in the store directory, readable by
 * its owner only; later starts read it from there. {@link #authToken()} gives it to this JVM's drivers; another
 * process (ingest into a running site's store) reads the file ({@link #readCredentials}).
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private final DatabaseManagementService service;
    private final Path home;
    private final int boltPort;

    private EmbeddedNeo4j(DatabaseManagementService service, Path home, int boltPort, String password) {
        this.service = service;
        this.home = home;
        this.boltPort = boltPort;
        this.password = password;
    }

    /** The file in the store directory that holds the Bolt user and password, owner-only. */
    public static final String CREDENTIALS_FILE = "policygraph-credentials";

    /** The user the app connects as. */
    public static final String USER = "neo4j";

    /** The Bolt password, or null for a server without authentication. */
    private final String password;

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
     * The product's server settings, not yet built: Bolt on 127.0.0.1 only without encryption, no HTTP, no file
     * URLs (LOAD CSV cannot read the disk), the page cache given, a 10-minute transaction timeout and a quick
     * shutdown; authentication off, which {@link #start} turns on. The benchmarks build their own servers from
     * these (without a password: their servers live in a temporary folder for one run), changing only what they must.
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
        return start(home, boltPort, pageCacheBytes, true);
    }

    /**
     * Starts a server on a store directory without authentication: for test fixtures that stand for "a Neo4j
     * outside the app" ({@link StandaloneNeo4j}), never for the site's own store.
     */
    public static EmbeddedNeo4j startWithoutAuthentication(Path home, int boltPort) {
        return start(home, boltPort, DEFAULT_PAGE_CACHE_BYTES, false);
    }

    /**
     * Whether starting a store failed because another process holds its lock (a site, or an ingest, on the same
     * directory): what the ingest command and the site say in one sentence instead of a stack trace.
     */
    public static boolean heldByAnotherProcess(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String message = String.valueOf(t.getMessage());
            if (name.equals("FileLockException")
                    || name.equals("OverlappingFileLockException")
                    || message.contains("locked by another process")) {
                return true;
            }
        }
        return false;
    }

    private static EmbeddedNeo4j start(Path home, int boltPort, long pageCacheBytes, boolean authenticate) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the embedded Neo4j directory " + home, e);
        }
        int port = boltPort > 0 ? boltPort : freePort();
        String password = authenticate ? credentials(home, pageCacheBytes) : null;
        DatabaseManagementService service = configure(home, port, pageCacheBytes)
                .setConfig(GraphDatabaseSettings.auth_enabled, authenticate)
                .build();
        // fail fast if the default database did not come up
        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        db.executeTransactionally("RETURN 1");
        return new EmbeddedNeo4j(service, home, port, password);
    }

    /**
     * The store's Bolt password: read from its credentials file, or, when there is none (a new store, or one made
     * before passwords), made up and set on the user {@value #USER} with the server's Bolt port closed, then written
     * to the file (owner read and write only) before the server opens Bolt.
     */
    private static String credentials(Path home, long pageCacheBytes) {
        Path file = home.resolve(CREDENTIALS_FILE);
        if (Files.exists(file)) {
            ownerOnly(file);
            return readCredentials(file).password();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        DatabaseManagementService setup = configure(home, 0, pageCacheBytes)
                .setConfig(BoltConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .build();
        try {
            setup.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                    .executeTransactionally(
                            "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                            Map.of("password", password));
        } finally {
            setup.shutdown();
        }
        writeCredentials(file, new Credentials(USER, password));
        return password;
    }

    /** A Bolt user and password, as the credentials file holds them. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }

    /**
     * Reads a credentials file: {@code user=} and {@code password=} lines (the file {@link #start} writes in the
     * store directory), or a file whose first line is the password alone (the user is then {@value #USER}).
     */
    public static Credentials readCredentials(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Properties properties = new Properties();
            properties.load(new StringReader(text));
            String password = properties.getProperty("password");
            if (password == null) {
                String first = text.lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .findFirst()
                        .orElse("");
                if (first.isEmpty()) {
                    throw new IllegalStateException(file + " holds no password");
                }
                return new Credentials(USER, first);
            }
            return new Credentials(properties.getProperty("user", USER).strip(), password.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the credentials in " + file, e);
        }
    }

    private static void writeCredentials(Path file, Credentials credentials) {
        String text = "# The Bolt user and password of this store's embedded Neo4j, made at its first start.\n"
                + "# Keep this file readable by its owner only. Delete it to have a new password set at the next start.\n"
                + "user=" + credentials.user() + "\npassword=" + credentials.password() + "\n";
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temp);
            }
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            ownerOnly(temp);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the credentials file " + file, e);
        }
    }

    /** Makes the file readable and writable by its owner only (where the file system knows POSIX permissions). */
    private static void ownerOnly(Path file) {
        try {
            if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the permissions of " + file, e);
        }
    }

    /** How this JVM's drivers log in: the store's credentials, or none when the server was started without. */
    public AuthToken authToken() {
        return password == null ? AuthTokens.none() : AuthTokens.basic(USER, password);
    }

    /** The credentials file in the store directory. */
    public Path credentialsFile() {
        return home.resolve(CREDENTIALS_FILE);
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
