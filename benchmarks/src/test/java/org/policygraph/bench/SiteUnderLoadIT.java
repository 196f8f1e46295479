package org.policygraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policygraph.bench.web.AppProcess;
import org.policygraph.bench.web.LoadResult;
import org.policygraph.bench.web.PageSamples;
import org.policygraph.bench.web.WrkLoad;
import org.policygraph.ingest.Ingest;
import org.policygraph.ingest.read.DataFiles;

/**
 * The packaged site on the default data under 64 connections for 30 seconds (after 30 s of warm-up) from Debian's {@code wrk}: every request
 * answers 200 within wrk's 10 s timeout, and the heap after a full collection at the end is within a bound of what it
 * was at the start (no leak). wrk, not the Java load generator: on a 2-core machine the JDK's HTTP client, 64 threads
 * in the test's own JVM, took CPU from the app it measured (224 requests/s against wrk's 986/s on the same pages) and
 * now and then left a request unanswered for 10 s on its side.
 */
class SiteUnderLoadIT {

    static final Path APP =
            Path.of(System.getProperty("policygraph.app.jar", "../web/target/quarkus-app/quarkus-run.jar"));

    @Test
    void answersEveryRequestOf64ConnectionsFor30SecondsWithStableMemory(@TempDir Path temp) {
        PageSamples samples =
                PageSamples.of(Ingest.defaults().read(DataFiles.defaults()).nodes(), 11, 500);
        List<String> mix = new ArrayList<>();
        for (int i = 0; i < samples.entity().size(); i++) {
            mix.add(samples.entity().get(i));
            mix.add(samples.search().get(i));
            if (i < samples.paths().size()) {
                mix.add(samples.paths().get(i));
            }
            if (i % 4 == 0) {
                mix.add(samples.compare().get(i));
            }
            mix.add("/static/site.css");
        }
        mix.add("/");
        try (AppProcess app = AppProcess.start(
                APP,
                Map.of("policygraph.embedded.dir", temp.resolve("store").toString()),
                List.of(),
                Path.of("target/it-logs/site-under-load.log"))) {
            app.awaitPage("/", Duration.ofMinutes(6));
            // as a load balancer would: no traffic before the app says it is ready (its warm-up has run)
            app.awaitPage("/q/health/ready", Duration.ofMinutes(6));
            assertThat(WrkLoad.available())
                    .as("Debian's wrk is on the path (.ci/run installs it: apt-get install wrk)")
                    .isTrue();
            WrkLoad load = new WrkLoad(Path.of("target/it-logs/wrk"));
            // warm-up, not counted: on 2 cores a fresh app spends its first half minute under this load planning
            // Cypher queries and compiling hot code (measured: 71 requests/s and a 7 s maximum in the first 20 s,
            // 1,100/s and 0.4 s once warm; its own warm-up plans the main queries, the rest is the JIT); the 30 s
            // below are the steady state
            LoadResult warmUp = load.run(app.base(), mix, 64, Duration.ofSeconds(30));
            System.out.printf(
                    "warm-up, 64 connections, 30 s: %d requests (%.0f/s), p99 %.1f ms, max %.1f ms, %d errors%n",
                    warmUp.requests(), warmUp.perSecond(), warmUp.p99Ms(), warmUp.maxMs(), warmUp.errors());
            long heapAtStart = app.heapAfterGcBytes();

            LoadResult result = load.run(app.base(), mix, 64, Duration.ofSeconds(30));

            long heapAtEnd = app.heapAfterGcBytes();
            System.out.printf(
                    "64 connections, 30 s: %d requests (%.0f/s), p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors; "
                            + "heap after GC %d MiB at the start, %d MiB at the end; RSS %d MiB%n",
                    result.requests(),
                    result.perSecond(),
                    result.p50Ms(),
                    result.p99Ms(),
                    result.maxMs(),
                    result.errors(),
                    heapAtStart >> 20,
                    heapAtEnd >> 20,
                    app.residentBytes() >> 20);
            assertThat(result.errors())
                    .as("failed requests: %s", result.examples())
                    .isZero();
            assertThat(result.requests()).isGreaterThan(1_000);
            assertThat(heapAtEnd)
                    .as("heap after a full collection, at the end against the start")
                    .isLessThanOrEqualTo(heapAtStart + Math.max(heapAtStart / 2, 64L << 20));
            assertThat(app.process().log())
                    .as("the app's log")
                    .content()
                    .contains("warmed up the queries of")
                    .doesNotContain("these failed");
        }
    }
}
