package org.policygraph.web;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts a Neo4j server in a separate JVM process (the project's embedded server run standalone) and points the
 * app at it with {@code neo4j.uri}, so the app starts no embedded server of its own: the external-database path,
 * proven rather than assumed.
 */
public class ExternalNeo4jResource implements QuarkusTestResourceLifecycleManager {

    private Process process;
    private Path store;

    @Override
    public Map<String, String> start() {
        try {
            store = Files.createTempDirectory("policygraph-external-neo4j");
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "org.policygraph.data.StandaloneNeo4j",
                    store.resolve("db").toString(),
                    String.valueOf(port)));
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String uri = CompletableFuture.supplyAsync(() -> {
                        try {
                            String line;
                            while ((line = out.readLine()) != null) {
                                if (line.startsWith("READY ")) {
                                    return line.substring(6).strip();
                                }
                            }
                            return null;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .get(120, TimeUnit.SECONDS);
            if (uri == null) {
                throw new IllegalStateException("the external Neo4j process ended before it was ready");
            }
            // keep draining its output so the process never blocks on a full pipe
            Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "external-neo4j-output");
            drain.setDaemon(true);
            drain.start();
            return Map.of("neo4j.uri", uri);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("cannot start the external Neo4j process: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
