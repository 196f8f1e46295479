/** Child processes the benchmarks and the fault tests start: Java programs on loopback ports, with their output kept. */
package org.policygraph.bench.process;
