/** Readers that turn data files (curated YAML and the datasets' own formats) into graph records. */
package org.policygraph.ingest.read;
