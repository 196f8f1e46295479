/** The {@code policygraph-ingest} command-line program. */
package org.policygraph.ingest.cli;
