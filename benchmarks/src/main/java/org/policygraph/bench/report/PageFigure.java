package org.policygraph.bench.report;

/**
 * A page's latency and throughput at a number of connections, beside the site's static page measured the same way
 * (same tool, connections and duration) just before.
 *
 * @param page        which page: entity, search, paths
 * @param connections concurrent connections
 * @param p50Ms       median latency
 * @param p99Ms       99th-percentile latency
 * @param perSecond   requests answered per second
 * @param requests    requests answered
 * @param errors      requests that failed or did not answer 200
 * @param staticP50Ms the static page's median latency
 * @param staticP99Ms the static page's 99th-percentile latency
 * @param staticPerSecond the static page's requests per second
 * @param target      the target, or null
 * @param met         whether the target is met (null without a target)
 * @param missedBy    by how much the target is missed
 * @param note        what the requests were and what limits the figure
 */
public record PageFigure(
        String page,
        int connections,
        double p50Ms,
        double p99Ms,
        double perSecond,
        long requests,
        long errors,
        double staticP50Ms,
        double staticP99Ms,
        double staticPerSecond,
        String target,
        Boolean met,
        String missedBy,
        String note) {

    /** p99 over the static page's p99. */
    public double p99Ratio() {
        return staticP99Ms == 0 ? Double.NaN : p99Ms / staticP99Ms;
    }

    /** Throughput as a share of the static page's. */
    public double throughputRatio() {
        return staticPerSecond == 0 ? Double.NaN : perSecond / staticPerSecond;
    }
}
