/** Checks records before anything is written: constraints on each record, then references across records. */
package org.policygraph.ingest.validate;
