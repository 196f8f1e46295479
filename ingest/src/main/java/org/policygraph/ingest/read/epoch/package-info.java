/**
 * The reader for Epoch AI's "Notable AI Models" CSV: models with their compute, parameters and release dates, the
 * organisations that develop them (resolved through {@code resolution/organisations.yaml}) and the countries those
 * organisations are in.
 */
package org.policygraph.ingest.read.epoch;
