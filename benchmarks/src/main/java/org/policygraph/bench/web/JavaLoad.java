package org.policygraph.bench.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load generator in Java: one thread per connection (a fixed pool; Java 17 has no virtual threads), each sending
 * a request, waiting for the whole answer, and sending the next, as {@code wrk} does. Every answer that is not a 200
 * is an error; so is every exception (refused, reset, timed out after 10 s).
 */
public final class JavaLoad implements LoadGenerator {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "Java load generator (java.net.http, one thread per connection)";
    }

    @Override
    public LoadResult run(URI base, List<String> paths, int connections, Duration duration) {
        if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
            throw new IllegalArgumentException("load goes to the loopback address only, not " + base);
        }
        ExecutorService pool = Executors.newFixedThreadPool(connections + 1);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .executor(pool)
                .build();
        AtomicLong errors = new AtomicLong();
        List<String> examples = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Future<long[]>> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int offset = (int) ((long) c * paths.size() / connections);
            workers.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int n = 0;
                int i = offset;
                while (System.nanoTime() < deadline) {
                    String path = paths.get(i++ % paths.size());
                    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                            .timeout(TIMEOUT)
                            .GET()
                            .build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - t0;
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                            if (examples.size() < 10) {
                                examples.add(response.statusCode() + " " + path);
                            }
                            continue;
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = took;
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        if (examples.size() < 10) {
                            examples.add(e.getClass().getSimpleName() + " " + path + ": " + e.getMessage());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        try {
            for (Future<long[]> w : workers) {
                all.add(w.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a load thread failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new LoadResult(
                name(),
                connections,
                seconds,
                merged.length,
                errors.get(),
                percentile(merged, 50),
                percentile(merged, 90),
                percentile(merged, 99),
                merged.length == 0 ? 0 : merged[merged.length - 1] / 1e6,
                examples);
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
    }
}
