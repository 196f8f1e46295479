/**
 * A deterministic, seeded generator of realistic PolicyGraph data at a chosen scale, written in the formats ingest
 * reads (curated YAML folders per kind, and models in Epoch AI's CSV format), streamed to disk so that a million
 * models never sit in memory at once.
 */
package org.policygraph.bench.generate;
