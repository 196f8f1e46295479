package org.policygraph.data;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded server as its own process: {@code java -cp ... org.policygraph.data.StandaloneNeo4j DIR PORT}.
 * Tests use it as "a Neo4j outside the app" to prove the external-database path; it prints
 * {@code READY bolt://127.0.0.1:PORT} once Bolt accepts connections and stops on SIGTERM. Like a developer's local
 * server it asks for no password (a test fixture in a temporary folder, never the site's store).
 */
public final class StandaloneNeo4j {

    private StandaloneNeo4j() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: StandaloneNeo4j STORE_DIR BOLT_PORT");
            System.exit(2);
        }
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.startWithoutAuthentication(Path.of(args[0]), Integer.parseInt(args[1]));
        serveUntilStopped(neo4j::close, neo4j.boltUri());
    }

    /**
     * Prints {@code READY} and the Bolt URI, then waits until the process is told to stop (SIGTERM), closing the
     * server on the way out: the end of every server process's {@code main}.
     */
    public static void serveUntilStopped(Runnable close, String boltUri) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close.run();
            stopped.countDown();
        }));
        System.out.println("READY " + boltUri);
        System.out.flush();
        stopped.await();
    }
}
