package org.policygraph.bench.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process the benchmarks start (the packaged app, a Neo4j server, the ingest command), its output copied to a log
 * file as it comes, so that it never blocks on a full pipe and a failure can be read afterwards.
 */
public final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final String readyPrefix;
    private final long startedNanos;

    private ChildProcess(Process process, Path log, String readyPrefix, long startedNanos) {
        this.process = process;
        this.log = log;
        this.readyPrefix = readyPrefix;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts a process.
     *
     * @param command     the command line
     * @param environment variables to set (added to this process's)
     * @param log         where its standard output and error go
     * @param readyPrefix a line starting with this says the process is ready ({@link #awaitReady}); null for none
     */
    public static ChildProcess start(
            List<String> command, Map<String, String> environment, Path log, String readyPrefix) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            ChildProcess child = new ChildProcess(builder.start(), log, readyPrefix, started);
            child.pump();
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
    }

    /** A Java command line with this JVM's runtime, the page-cache options Neo4j wants, and the given arguments. */
    public static List<String> java(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED"));
        command.addAll(List.of(arguments));
        return command;
    }

    /** A free TCP port on the loopback address. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }

    private void pump() {
        Thread pump = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                            PrintWriter out =
                                    new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            out.println(line);
                            if (readyPrefix != null && !ready.isDone() && line.startsWith(readyPrefix)) {
                                ready.complete(
                                        line.substring(readyPrefix.length()).strip());
                            }
                        }
                    } catch (IOException e) {
                        ready.completeExceptionally(e);
                    } finally {
                        ready.completeExceptionally(
                                new IllegalStateException("the process ended before it was ready; see " + log));
                    }
                },
                "child-output-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    /** Waits for the ready line and returns what follows the prefix (a URI, say). */
    public String awaitReady(Duration timeout) {
        try {
            return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("not ready within " + timeout.toSeconds() + " s; see " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Nanoseconds since the process was started. */
    public long nanosSinceStart() {
        return System.nanoTime() - startedNanos;
    }

    public Path log() {
        return log;
    }

    /** Waits for the process to end; its exit code. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("still running after " + timeout.toSeconds() + " s; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    /** Resident memory, from /proc/PID/status: VmRSS in bytes, or -1 where there is no /proc. */
    public long residentBytes() {
        return status("VmRSS:");
    }

    /** Peak resident memory (VmHWM) in bytes, or -1. */
    public long peakResidentBytes() {
        return status("VmHWM:");
    }

    private long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc, or the process is gone
        }
        return -1;
    }

    /** Ends the process at once, as {@code kill -9} does: no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
        waitQuietly(Duration.ofSeconds(30));
    }

    /** Asks the process to stop (SIGTERM), then kills it if it has not stopped within the time given. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitQuietly(grace)) {
            kill();
        }
    }

    private boolean waitQuietly(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
