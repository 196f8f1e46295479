package org.policygraph.bench.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Puts load on a site: requests to the given paths, in turn, over a number of connections, for a time. */
public interface LoadGenerator {

    /** The tool, for the report. */
    String name();

    /**
     * Runs the load.
     *
     * @param base        the site, e.g. {@code http://127.0.0.1:8080}
     * @param paths       the paths to request, each connection going through them in turn from its own offset
     * @param connections concurrent connections
     * @param duration    how long
     */
    LoadResult run(URI base, List<String> paths, int connections, Duration duration);

    /** {@code wrk} when it is installed, else the Java load generator. */
    static LoadGenerator best(java.nio.file.Path work) {
        return WrkLoad.available() ? new WrkLoad(work) : new JavaLoad();
    }
}
