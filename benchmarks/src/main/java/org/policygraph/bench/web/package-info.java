/**
 * The packaged site as a process and the load put on it: {@code wrk} (a real HTTP load tool) or, where it is
 * missing, a Java load generator on a fixed thread pool; always on the loopback address, bounded in time.
 */
package org.policygraph.bench.web;
