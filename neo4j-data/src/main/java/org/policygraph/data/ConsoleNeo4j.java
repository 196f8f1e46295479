package org.policygraph.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;

/**
 * The console's own Neo4j, run as a separate process over a copy of the graph:
 * {@code java -Xmx.. -cp ... org.policygraph.data.ConsoleNeo4j DIR PORT TIMEOUT_MS TX_MEMORY_BYTES TOTAL_MEMORY_BYTES}.
 *
 * <p>Neo4j checks a transaction's timeout and memory only between operators: an expression such as
 * {@code reduce(s = '', i IN range(1, 10^8) | s + 'x')} keeps a core busy, and its memory growing, after the query has
 * been told it timed out. In this process such work cannot touch the site's pages, and the app kills the whole
 * process when a query outlives its deadline, which is the only way to stop it. The server takes the
 * product's settings ({@link EmbeddedNeo4j#configure}) with a transaction timeout and memory caps of its own, and
 * authentication on, with the password the app gives it in {@code POLICYGRAPH_CONSOLE_PASSWORD} (user {@code neo4j}).
 * It prints {@code READY bolt://127.0.0.1:PORT} when Bolt accepts connections.
 */
public final class ConsoleNeo4j {

    /** The environment variable that carries the password of the {@code neo4j} user. */
    public static final String PASSWORD_VARIABLE = "POLICYGRAPH_CONSOLE_PASSWORD";

    private ConsoleNeo4j() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 5) {
            System.err.println("usage: ConsoleNeo4j STORE_DIR BOLT_PORT TIMEOUT_MS TX_MEMORY_BYTES TOTAL_MEMORY_BYTES");
            System.exit(2);
        }
        String password = System.getenv(PASSWORD_VARIABLE);
        if (password == null || password.length() < 8) {
            System.err.println(PASSWORD_VARIABLE + " must hold a password of at least 8 characters");
            System.exit(2);
        }
        Path home = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + home, e);
        }
        // the app gives every console transaction its timeout (args[2]); the server's default stays the product's, so
        // that the copy of the graph and the setting of the password are not cut short on a busy machine
        DatabaseManagementService service = EmbeddedNeo4j.configure(home, port, 64L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, Long.parseLong(args[3]))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, Long.parseLong(args[4]))
                .build();
        try {
            try (var tx =
                    service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).beginTx(2, TimeUnit.MINUTES)) {
                tx.execute("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
                tx.commit();
            }
            service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        } catch (RuntimeException e) {
            e.printStackTrace();
            service.shutdown();
            System.exit(1);
        }
        // the app holds this process's standard input: when the app ends, for whatever reason, so does this process
        Thread parent = new Thread(
                () -> {
                    try {
                        while (System.in.read() >= 0) {
                            // nothing is sent; the read ends when the pipe closes
                        }
                    } catch (IOException ignored) {
                        // closed
                    }
                    System.exit(0);
                },
                "policygraph-console-parent");
        parent.setDaemon(true);
        parent.start();
        StandaloneNeo4j.serveUntilStopped(service::shutdown, "bolt://127.0.0.1:" + port);
    }
}
