/**
 * The reader for LegiScan's JSON of California's AI bills: every bill an instrument, its history a dated event per
 * action (introduced, amended, passed, enrolled, chaptered, vetoed), its sponsors people or committees, each fact
 * citing the JSON path it was read from.
 */
package org.policygraph.ingest.read.legiscan;
