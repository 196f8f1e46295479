package org.policygraph.bench.web;

import java.util.List;

/**
 * What a load run measured.
 *
 * @param tool        the load generator
 * @param connections concurrent connections
 * @param seconds     how long it ran
 * @param requests    requests answered
 * @param errors      requests that failed, timed out or did not answer 200
 * @param p50Ms       median latency
 * @param p90Ms       90th-percentile latency
 * @param p99Ms       99th-percentile latency
 * @param maxMs       the slowest request
 * @param examples    a few failed requests, for the report
 */
public record LoadResult(
        String tool,
        int connections,
        double seconds,
        long requests,
        long errors,
        double p50Ms,
        double p90Ms,
        double p99Ms,
        double maxMs,
        List<String> examples) {

    public LoadResult {
        examples = List.copyOf(examples);
    }

    /** Requests answered per second. */
    public double perSecond() {
        return seconds == 0 ? 0 : requests / seconds;
    }
}
