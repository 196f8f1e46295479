/** The benchmark report: every figure with the baseline measured in the same run, written as JSON and Markdown. */
package org.policygraph.bench.report;
