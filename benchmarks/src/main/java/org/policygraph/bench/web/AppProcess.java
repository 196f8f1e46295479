package org.policygraph.bench.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policygraph.bench.process.ChildProcess;

/**
 * The packaged site ({@code web/target/quarkus-app/quarkus-run.jar}) started as the README starts it, as its own
 * process, on 127.0.0.1 and a free port; with an embedded store folder, or pointed at an external Neo4j.
 */
public final class AppProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K");

    private final ChildProcess process;
    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AppProcess(ChildProcess process, URI base) {
        this.process = process;
        this.base = base;
    }

    /**
     * Starts the app.
     *
     * @param jar        {@code quarkus-run.jar}
     * @param properties system properties ({@code policygraph.embedded.dir}, {@code neo4j.uri}, ...)
     * @param jvmOptions further JVM options (none, to measure the app as the README runs it)
     * @param log        where its output goes
     */
    public static AppProcess start(Path jar, Map<String, String> properties, List<String> jvmOptions, Path log) {
        int port = ChildProcess.freePort();
        List<String> args = new ArrayList<>(jvmOptions);
        args.add("-Dquarkus.http.host=127.0.0.1");
        args.add("-Dquarkus.http.port=" + port);
        properties.forEach((k, v) -> args.add("-D" + k + "=" + v));
        args.add("-jar");
        args.add(jar.toString());
        ChildProcess process = ChildProcess.start(ChildProcess.java(args.toArray(String[]::new)), Map.of(), log, null);
        return new AppProcess(process, URI.create("http://127.0.0.1:" + port));
    }

    /** The site's address. */
    public URI base() {
        return base;
    }

    public ChildProcess process() {
        return process;
    }

    /**
     * Waits until a page answers 200; returns the time from the process's start to that answer.
     *
     * @throws IllegalStateException if the process ends or the time runs out first
     */
    public Duration awaitPage(String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app ended before " + path + " answered; see " + process.log());
            }
            if (status(path) == 200) {
                return Duration.ofNanos(process.nanosSinceStart());
            }
            sleep(50);
        }
        throw new IllegalStateException(
                path + " did not answer 200 within " + timeout.toSeconds() + " s; see " + process.log());
    }

    /** The status of a GET, or -1 when nothing answers. */
    public int status(String path) {
        return get(path).statusCode();
    }

    /** A GET; status -1 and an empty body when nothing answers. */
    public Answer get(String path) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(base.resolve(path))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Answer(-1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "");
        }
    }

    /** A status and body. */
    public record Answer(int statusCode, String body) {}

    /** Resident memory now (VmRSS). */
    public long residentBytes() {
        return process.residentBytes();
    }

    /**
     * The heap in use after a full collection, from {@code jcmd PID GC.run} and {@code GC.heap_info}: what the app
     * holds, without the garbage it has not collected yet.
     */
    public long heapAfterGcBytes() {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("jcmd GC.heap_info said nothing of the heap: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private String jcmd(String command) {
        try {
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            String.valueOf(process.pid()),
                            command)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run jcmd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(60));
    }
}
