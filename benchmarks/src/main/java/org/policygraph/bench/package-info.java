/**
 * PolicyGraph's benchmark suite: one command measures, at a chosen scale, ingest against {@code LOAD CSV}, export
 * against APOC, the site's pages against its static page, and the app's start and memory, and writes the figures
 * with their baselines to {@code report.json} and {@code report.md}.
 */
package org.policygraph.bench;
