/**
 * Name resolution for the dataset readers: the reviewable tables in {@code policygraph/data/resolution/} that turn
 * the organisation names and country names the datasets use into one PolicyGraph id each, so that "DeepMind" in
 * one dataset and "Google DeepMind" in another become one organisation, with the other spellings kept as aliases.
 * The organisation and country tables themselves, and their reading, live in graph-model
 * ({@code org.policygraph.model.resolution}), which the site shares; here are the built-in set the readers use
 * ({@link org.policygraph.ingest.read.resolution.Resolution}), the check of a folder's copies, and the tables only
 * ingest needs (instruments, US states, dataset merges).
 */
package org.policygraph.ingest.read.resolution;
