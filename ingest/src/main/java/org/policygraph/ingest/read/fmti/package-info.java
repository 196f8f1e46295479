/**
 * The reader for the Foundation Model Transparency Index: each company's score, in all and per domain, and the
 * indicators it met, attached to its organisation, with the company's report cited as evidence.
 */
package org.policygraph.ingest.read.fmti;
