package org.policygraph.bench.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Load from Debian's {@code wrk}: {@code wrk -t T -c C -d Ds --timeout 10s -s paths.lua URL -- paths.txt}, its Lua
 * script spreading requests over the paths (each wrk thread starting at its own offset) and printing the
 * figures as JSON when done. Latencies are wrk's (an HdrHistogram in microseconds); an answer other than 200 (counted
 * by the script's {@code response} hook, since wrk itself lets 3xx pass), a refused, reset or timed-out request is
 * an error.
 */
public final class WrkLoad implements LoadGenerator {

    private static final String SCRIPT = """
            -- PolicyGraph benchmarks: spread requests over the paths in a file
            local paths = {}
            local counter = 0
            local threads = {}
            not_ok = 0
            function setup(thread)
              thread:set("thread_number", #threads)
              table.insert(threads, thread)
            end
            function init(args)
              for line in io.lines(args[1]) do paths[#paths + 1] = line end
              counter = math.floor((thread_number or 0) * #paths / math.max(1, tonumber(args[2])))
            end
            function request()
              counter = counter % #paths + 1
              return wrk.format("GET", paths[counter])
            end
            function response(status, headers, body)
              if status ~= 200 then not_ok = not_ok + 1 end
            end
            function done(summary, latency, requests)
              local e = summary.errors
              local not_200 = 0
              for _, thread in ipairs(threads) do not_200 = not_200 + (thread:get("not_ok") or 0) end
              io.write(string.format(
                '{"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,' ..
                '"not_200":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\\n',
                summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout, not_200,
                latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
            end
            """;

    private final Path work;

    public WrkLoad(Path work) {
        this.work = work;
    }

    /** Whether {@code wrk} is on the path. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String name() {
        return "wrk (Debian), Lua script over the paths";
    }

    @Override
    public LoadResult run(URI base, List<String> paths, int connections, Duration duration) {
        if (!"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("load goes to the loopback address only, not " + base);
        }
        try {
            Files.createDirectories(work);
            Path script = work.resolve("paths.lua");
            Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
            Path list = Files.createTempFile(work, "paths-", ".txt");
            Files.write(list, paths, StandardCharsets.UTF_8);
            int threads = Math.max(1, Math.min(connections, Runtime.getRuntime().availableProcessors()));
            List<String> command = List.of(
                    "wrk",
                    "-t" + threads,
                    "-c" + connections,
                    "-d" + duration.toSeconds() + "s",
                    "--timeout",
                    "10s",
                    "-s",
                    script.toString(),
                    base.toString(),
                    "--",
                    list.toString(),
                    String.valueOf(threads));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk did not end: " + out);
            }
            Files.deleteIfExists(list);
            String json = out.lines()
                    .filter(l -> l.startsWith("{\"requests\""))
                    .reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("wrk printed no figures: " + out));
            JsonNode r = new ObjectMapper().readTree(json);
            // a 3xx counts in not_200 (wrk's own status count leaves it out), so status is not added again
            long errors = r.get("connect").asLong()
                    + r.get("read").asLong()
                    + r.get("write").asLong()
                    + r.get("not_200").asLong()
                    + r.get("timeout").asLong();
            List<String> examples = new ArrayList<>();
            if (errors > 0) {
                examples.add(String.format(
                        "connect %d, read %d, write %d, not 200 %d (non-2xx/3xx %d), timeout %d",
                        r.get("connect").asLong(),
                        r.get("read").asLong(),
                        r.get("write").asLong(),
                        r.get("not_200").asLong(),
                        r.get("status").asLong(),
                        r.get("timeout").asLong()));
            }
            return new LoadResult(
                    name(),
                    connections,
                    r.get("duration_us").asLong() / 1e6,
                    r.get("requests").asLong(),
                    errors,
                    r.get("p50_us").asLong() / 1e3,
                    r.get("p90_us").asLong() / 1e3,
                    r.get("p99_us").asLong() / 1e3,
                    r.get("max_us").asLong() / 1e3,
                    examples);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run wrk", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while wrk ran", e);
        }
    }
}
