/**
 * Name resolution for the dataset readers: the reviewable tables in {@code policygraph/data/resolution/} that turn
 * the organisation names and country names the datasets use into one PolicyGraph id each, so that "DeepMind" in
 * one dataset and "Google DeepMind" in another become one organisation, with the other spellings kept as aliases.
 */
package org.policygraph.ingest.read.resolution;
