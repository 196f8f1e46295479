/**
 * The reader for the European Open Source AI Index: one file per model family, with the organisation behind it and
 * its openness ratings (open, partial or closed) on the index's parameters.
 */
package org.policygraph.ingest.read.osai;
